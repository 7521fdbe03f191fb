#!/usr/bin/env node
/**
 * Writes docs/diagnostics.md from the checks' own meta
 * (src/validate/reference.ts), bundling that module with esbuild so that no
 * TypeScript loader is needed. `--check` writes nothing and exits 1 when the
 * file is stale (tests/validate/reference.test.ts checks the same).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET = path.join(ROOT, 'docs', 'diagnostics.md');

const dir = await mkdtemp(path.join(tmpdir(), 'coprod-docs-'));
try {
  const outfile = path.join(dir, 'reference.mjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'validate', 'reference.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  const { diagnosticsReference } = await import(pathToFileURL(outfile).href);
  const text = diagnosticsReference();
  if (process.argv.includes('--check')) {
    const current = await readFile(TARGET, 'utf8').catch(() => '');
    if (current !== text) {
      process.stderr.write('docs/diagnostics.md is stale: run npm run docs\n');
      process.exitCode = 1;
    }
  } else {
    await writeFile(TARGET, text);
    process.stderr.write('wrote docs/diagnostics.md\n');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
