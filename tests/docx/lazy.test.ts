import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? sources(path.join(dir, e.name))
        : Promise.resolve(e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

/**
 * What running the built binary with `args` loads: every file Node compiled
 * (from V8's coverage, which sees CommonJS and ES modules alike), and what
 * each is made of, from its source map when it is a bundle.
 */
function loaded(args: string[]): { files: string[]; origins: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'coprod-loaded-'));
  try {
    const run = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', NODE_V8_COVERAGE: dir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const urls = readdirSync(dir).flatMap((name) =>
      (JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { result: { url: string }[] }).result.map(
        (r) => r.url,
      ),
    );
    const files = [
      ...new Set(
        urls
          .filter((u) => u.startsWith('file:'))
          .map((u) => path.relative(ROOT, fileURLToPath(u)).split(path.sep).join('/')),
      ),
    ].sort();
    const origins = files.flatMap((file) => {
      const map = path.join(ROOT, `${file}.map`);
      if (!existsSync(map)) return [file];
      const { sources: bundled } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      return bundled.map((s) =>
        path
          .relative(ROOT, path.resolve(path.dirname(map), s))
          .split(path.sep)
          .join('/'),
      );
    });
    return { files, origins };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAVY = /^node_modules\/(docx|fflate|saxes|handlebars|@inquirer\/[^/]+)\//;

describe('docx is loaded only when a DOCX is made', () => {
  it('no module outside src/docx imports docx or src/docx except by a dynamic import()', async () => {
    const src = path.join(ROOT, 'src');
    for (const file of await sources(src)) {
      if (file.startsWith(path.join(src, 'docx') + path.sep)) continue;
      const text = await readFile(file, 'utf8');
      const staticImports = [...text.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
      expect(
        staticImports.filter((s) => s === 'docx' || s === 'fflate' || s === 'saxes' || /\/docx\//.test(s)),
        path.relative(ROOT, file),
      ).toEqual([]);
    }
  });

  it('coprod --help loads one bundled file, without docx, handlebars, inquirer or any command', () => {
    const { files, origins } = loaded(['--help']);
    expect(files).toEqual(['bin/coprod.js', 'dist/cli/coprod.cjs']);
    expect(
      origins.filter((o) => HEAVY.test(o) || o.startsWith('src/cli/commands/') || o.startsWith('src/docx/')),
    ).toEqual([]);
    expect(origins).toContain('src/cli/registry.ts');
  });

  it('coprod validate loads neither docx, handlebars nor inquirer', () => {
    const { origins } = loaded(['validate', '--data', 'data']);
    expect(origins).toContain('src/cli/commands/validate.ts');
    expect(origins.filter((o) => HEAVY.test(o) || o.startsWith('src/docx/'))).toEqual([]);
  });
});
