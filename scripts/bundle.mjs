#!/usr/bin/env node
/**
 * Bundles coprod into dist/ with esbuild, so that `coprod --help` reads one
 * file instead of dozens (Node's loading of modules is most of its start-up).
 *
 *   dist/cli/coprod.cjs  everything the start-up needs (the CLI shell, the
 *                        command registry, commander), in one CommonJS file:
 *                        Node 20 starts a CommonJS program some milliseconds
 *                        sooner than an ES module one, which first sets up its
 *                        ES module loader.
 *   dist/chunks/*.js     every module the start-up loads by `import()` (the
 *                        command handlers, inquirer) as ES modules split into
 *                        shared chunks, each read only when a command needs it.
 *
 * A module both sides use (errors, exit codes, prompt types) lives once, in
 * coprod.cjs, and the chunks require it from there, so `instanceof` holds
 * across the two. The chunks sit two levels below the package root, like
 * src/load/ and src/render/, so the paths those modules resolve relative to
 * themselves (framework/, templates/) are right in both layouts. Source maps
 * (`node --enable-source-maps`) lead back to src/.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START = 'cli/coprod.cjs';
const CHUNKS = 'chunks';
/** How a chunk reaches the start-up file, from dist/chunks/. */
const CHUNK_TO_START = `../${START}`;

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Whitespace and syntax only: names stay, so stack traces and profiles still say which function.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
};

/** The start-up's own modules, exported by key so the chunks can share them. */
function startEntry(shared) {
  const lines = ["export { run } from './src/cli/main.ts';", "export { processIo } from './src/io/io.ts';"];
  shared.forEach((file, i) => lines.push(`import * as m${i} from './${file}';`));
  lines.push(`export const __shared = { ${shared.map((file, i) => `${JSON.stringify(file)}: m${i}`).join(', ')} };`);
  return { contents: lines.join('\n'), resolveDir: ROOT, sourcefile: 'coprod-start.js', loader: 'js' };
}

/** A chunk's name for what `import(specifier)` loads: `./commands/pack.js` → pack, `@inquirer/prompts` → inquirer-prompts. */
function chunkName(specifier) {
  return specifier.startsWith('.')
    ? path.basename(specifier).replace(/\.[cm]?[jt]s$/, '')
    : specifier.replace(/^@/, '').replace(/\//g, '-');
}

/**
 * Start-up side: every `import()` becomes a load of its own chunk, recorded
 * in `lazy` (name → resolved file); commander's `require('node:child_process')`,
 * which it needs only for executable subcommands (coprod has none) and which
 * costs milliseconds to load, is deferred to first use.
 */
function startPlugin(lazy) {
  return {
    name: 'coprod-start',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'inner',
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = chunkName(args.path);
        const before = lazy.get(name);
        if (before !== undefined && before !== resolved.path)
          return {
            errors: [
              {
                text: `two lazily loaded modules would share the chunk name "${name}": ${before} and ${resolved.path}`,
              },
            ],
          };
        lazy.set(name, resolved.path);
        return { path: `../${CHUNKS}/${name}.js`, external: true };
      });
      build.onResolve({ filter: /^node:child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
          ? { path: 'child_process', namespace: 'deferred' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'deferred' }, () => ({
        contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
        loader: 'js',
      }));
    },
  };
}

/** Chunk side: a module that is part of the start-up is taken from coprod.cjs, and recorded in `shared`. */
function chunksPlugin(startInputs, shared) {
  return {
    name: 'coprod-chunks',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'inner' || args.namespace === 'shared') return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'inner',
        });
        if (resolved.errors.length > 0 || resolved.external)
          return resolved.errors.length > 0 ? { errors: resolved.errors } : undefined;
        const file = path.relative(ROOT, resolved.path).split(path.sep).join('/');
        if (!startInputs.has(file) || !file.startsWith('src/')) return undefined;
        shared.add(file);
        return { path: file, namespace: 'shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(CHUNK_TO_START)}).__shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
      build.onResolve({ filter: /.*/, namespace: 'shared' }, (args) => ({ path: args.path, external: true }));
    },
  };
}

/** Fails the build on any esbuild warning (printed above): in a bundle a warning is code that would not run as written, such as import.meta in CommonJS. */
function strict(result) {
  if (result.warnings.length > 0) throw new Error(`esbuild gave ${result.warnings.length} warning(s)`);
  return result;
}

/** Builds the start-up file (or, with `write: false`, only finds what it contains and what it loads later). */
async function buildStart(shared, lazy, write) {
  return strict(
    await esbuild.build({
      ...common,
      stdin: startEntry(shared),
      outfile: path.join('dist', START),
      format: 'cjs',
      plugins: [startPlugin(lazy)],
      metafile: true,
      write,
    }),
  );
}

async function main() {
  await rm(path.join(ROOT, 'dist'), { recursive: true, force: true });

  const lazy = new Map();
  const probe = await buildStart([], lazy, false);
  const startInputs = new Set(Object.keys(probe.metafile.inputs));

  const shared = new Set();
  strict(
    await esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(lazy),
      outdir: path.join('dist', CHUNKS),
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      format: 'esm',
      splitting: true,
      // Bundled CommonJS packages (handlebars) and the shared modules call require().
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      plugins: [chunksPlugin(startInputs, shared)],
      // resvg is a native addon (its binary comes in a platform package), so it is required from node_modules at run time;
      // vega tries import('canvas') and, as coprod measures text itself, does without it.
      external: ['@resvg/resvg-js', 'canvas'],
      // coprod makes no network requests: the one fetch() bundled, vega-loader's loader for URLs (coprod's charts never
      // name one), is compiled as undefined, so it could only fail, never reach the network.
      define: { fetch: 'undefined' },
    }),
  );

  const final = await buildStart([...shared].sort(), new Map(), true);
  const added = Object.keys(final.metafile.inputs).filter((f) => !startInputs.has(f));
  if (added.length > 0)
    throw new Error(`sharing modules with the chunks pulled more into the start-up: ${added.join(', ')}`);
}

await main();
