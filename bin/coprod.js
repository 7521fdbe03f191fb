#!/usr/bin/env node
// The only place coprod touches the process: exit code = await run(argv, io).
// CommonJS (bin/package.json) requiring one bundled file (scripts/bundle.mjs),
// because most of `coprod --help` is Node loading and compiling modules.
const { enableCompileCache } = require('node:module');

// Node 22.1 and later keep the compiled code between runs; earlier Nodes have no such call.
enableCompileCache?.();
const { run, processIo } = require('../dist/cli/coprod.cjs');

// A reader that stops early (`coprod validate | head`) closes the pipe: the rest of the output is not wanted, but the exit code still is.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
