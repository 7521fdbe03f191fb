#!/usr/bin/env node
// The only place coprod touches the process: exit code = await run(argv, io).
// CommonJS (see bin/package.json) and one bundled file, because most of
// `coprod --help` is Node loading modules; scripts/bundle.mjs builds it.
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
