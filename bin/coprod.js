#!/usr/bin/env node
// The only place coprod touches the process: exit code = await run(argv, io).
// CommonJS (bin/package.json) loading one bundled file, because most of
// `coprod --help` is Node loading and compiling code; scripts/bundle.mjs
// builds the bundle and its code cache.
const { run, processIo } = loadBundle();

// A reader that stops early (`coprod validate | head`) closes the pipe: the rest of the output is not wanted, but the exit code still is.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});

/**
 * Loads dist/cli/coprod.cjs as require() would, but hands V8 the code cache
 * the build left beside it. Without a cache at least as new as the bundle,
 * or with source maps on (they follow only what require() loads), it is a
 * plain require().
 */
function loadBundle() {
  const fs = require('node:fs');
  const file = require.resolve('../dist/cli/coprod.cjs');
  const cache = fs.statSync(`${file}.cache`, { throwIfNoEntry: false });
  if (process.sourceMapsEnabled || cache === undefined || cache.mtimeMs < fs.statSync(file).mtimeMs) return require(file);
  const Module = require('node:module');
  const path = require('node:path');
  const { pathToFileURL } = require('node:url');
  const vm = require('node:vm');
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: fs.readFileSync(`${file}.cache`) });
  const bundle = new Module(file, module);
  bundle.filename = file;
  // Code compiled here cannot run import() on Node 20, so the bundle loads its chunks through this.
  bundle.loadChunk = (specifier) => import(new URL(specifier, pathToFileURL(file)).href);
  // The chunks require the bundle back for the modules they share with it: they must get this one.
  require.cache[file] = bundle;
  script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));
  bundle.loaded = true;
  return bundle.exports;
}
