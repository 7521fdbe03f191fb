import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))));
  return nested.flat();
}

describe('docx is loaded only when a DOCX is made', () => {
  it('no module outside src/docx imports docx or src/docx except by a dynamic import()', async () => {
    const src = path.join(ROOT, 'src');
    for (const file of await sources(src)) {
      if (file.startsWith(path.join(src, 'docx') + path.sep)) continue;
      const text = await readFile(file, 'utf8');
      const staticImports = [...text.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]!);
      expect(staticImports.filter((s) => s === 'docx' || s === 'fflate' || s === 'saxes' || /\/docx\//.test(s)), path.relative(ROOT, file)).toEqual([]);
    }
  });
});
