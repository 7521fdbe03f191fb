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

// The HTML papers' converters and the preview's watcher are as heavy, and as lazily loaded; so are the charting libraries.
const HEAVY =
  /^node_modules\/(docx|fflate|saxes|handlebars|vega[^/]*|@resvg\/[^/]+|opentype\.js|@inquirer\/[^/]+|mdast-util-to-hast|hast-util-to-html|chokidar)\//;
/** The charting libraries: loaded only by a command that draws a chart. */
const CHARTING = /^node_modules\/(vega[^/]*|@resvg\/[^/]+|opentype\.js)\//;

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
    expect(origins.filter((o) => HEAVY.test(o) || /^src\/(cli\/commands|docx|html|preview)\//.test(o))).toEqual([]);
    expect(origins).toContain('src/cli/registry.ts');
  });

  it('coprod report --no-charts loads no charting code; with charts it does', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'coprod-lazy-charts-'));
    try {
      const without = loaded([
        'report',
        '--quarter',
        '2023/24-Q1',
        '--committee',
        'economy-pac',
        '--format',
        'md',
        '--out',
        out,
        '--no-charts',
        '--force',
      ]);
      expect(without.origins.filter((o) => CHARTING.test(o))).toEqual([]);
      const withCharts = loaded([
        'report',
        '--quarter',
        '2023/24-Q1',
        '--committee',
        'economy-pac',
        '--format',
        'md',
        '--out',
        out,
        '--force',
      ]);
      expect(withCharts.origins.some((o) => o.startsWith('node_modules/vega-lite/'))).toBe(true);
      expect(withCharts.origins).toContain('src/charts/draw.ts');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('coprod validate loads neither docx, handlebars nor inquirer', () => {
    const { origins } = loaded(['validate', '--data', 'data']);
    expect(origins).toContain('src/cli/commands/validate.ts');
    expect(origins.filter((o) => HEAVY.test(o) || o.startsWith('src/docx/'))).toEqual([]);
  });
});
