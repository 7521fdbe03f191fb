import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJson } from '../../src/diagnostics/json.js';
import { sourceMap } from '../../src/diagnostics/position.js';
import { formatPretty } from '../../src/diagnostics/pretty.js';
import { processIo } from '../../src/io/io.js';
import { readDataFolder, type DataFolder } from '../../src/load/folder.js';
import { parseSource } from '../../src/load/source.js';
import { compareDiagnostics, DIAGNOSTIC_CODES } from '../../src/diagnostics/diagnostic.js';
import { validateFolder } from '../../src/validate/validate.js';
import { ROOT } from '../helpers/cli.js';

let folder: DataFolder;
let original: string;
const target = 1; // activities/childrens-services.yaml in the sample council

beforeAll(async () => {
  folder = await readDataFolder(path.join(ROOT, 'data'), { ...processIo(), cwd: ROOT });
  original = folder.activities[target].text;
});

/** Validates the sample council with one activity file replaced by `bytes`, and checks the result is sound. */
function checkWith(bytes: Uint8Array): void {
  const parsed = parseSource(folder.activities[target].path, bytes);
  const activities = folder.activities.map((s, i) => (i === target ? parsed.source : s));
  const result = validateFolder({ ...folder, activities, diagnostics: parsed.diagnostics });
  const sources = sourceMap([folder.council, folder.framework, ...activities]);
  for (const d of result.diagnostics) {
    expect(DIAGNOSTIC_CODES).toContain(d.code);
    expect(d.message).toMatch(/^[A-Z`]/);
    if (d.range) {
      const text = sources.get(d.file)!.text;
      expect(d.range[0]).toBeGreaterThanOrEqual(0);
      expect(d.range[1]).toBeGreaterThanOrEqual(d.range[0]);
      expect(d.range[0]).toBeLessThanOrEqual(text.length);
    }
  }
  expect([...result.diagnostics].sort(compareDiagnostics)).toEqual(result.diagnostics);
  JSON.parse(formatJson(result.diagnostics, { sources }));
  expect(formatPretty(result.diagnostics, { sources, color: false })).toMatch(/\d+ errors?, \d+ warnings?\n$/);
  expect(formatPretty(result.diagnostics, { sources, color: true })).toContain('\u001b[');
}

const encode = (text: string) => new TextEncoder().encode(text);
const yamlish = fc.stringMatching(/^[a-z0-9 :\-[\]{}"'#&*!|>\n\t\\.,?%@`]{0,12}$/);

describe('any input survives: validation never throws and every diagnostic is sound', () => {
  it('with a piece of YAML punctuation inserted anywhere', () => {
    fc.assert(
      fc.property(fc.nat(), yamlish, (at, insert) => {
        const i = at % (original.length + 1);
        checkWith(encode(original.slice(0, i) + insert + original.slice(i)));
      }),
      { numRuns: 100 },
    );
  });

  it('with a stretch of the file deleted', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 200 }), (at, length) => {
        const i = at % (original.length + 1);
        checkWith(encode(original.slice(0, i) + original.slice(i + length)));
      }),
      { numRuns: 100 },
    );
  });

  it('with arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => checkWith(bytes)),
      { numRuns: 100 },
    );
  });

  it("with arbitrary values in place of the department file's data", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        checkWith(encode(`department: childrens-services\nactivities:\n  - ${JSON.stringify(value)}\n`)),
      ),
      { numRuns: 100 },
    );
  });
});
