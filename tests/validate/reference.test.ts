import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/diagnostic.js';
import { allChecks, diagnosticsReference } from '../../src/validate/reference.js';
import { RULES } from '../../src/validate/rules/index.js';
import { ROOT } from '../helpers/cli.js';

describe('the diagnostics reference', () => {
  it('docs/diagnostics.md is what `npm run docs` makes from the checks’ meta', async () => {
    const written = await readFile(path.join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    expect(written, 'docs/diagnostics.md is stale: run npm run docs').toBe(diagnosticsReference());
  });

  it('documents every diagnostic code, and no code that does not exist', () => {
    const documented = new Set(allChecks().map((m) => m.code));
    expect([...DIAGNOSTIC_CODES].filter((code) => !documented.has(code))).toEqual([]);
    expect(documented.size).toBe(DIAGNOSTIC_CODES.length);
  });

  it('gives every rule a description, an example and a hint', () => {
    for (const { meta } of RULES) {
      expect(meta.description, meta.code).toMatch(/\S/);
      expect(meta.example, meta.code).toMatch(/\S/);
      expect(meta.hint, meta.code).toMatch(/\S/);
    }
  });
});
