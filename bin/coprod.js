#!/usr/bin/env node
// The only place coprod touches the process: exit code = await run(argv, io).
import { run } from '../dist/cli/main.js';
import { processIo } from '../dist/io/io.js';

// A reader that stops early (`coprod validate | head`) closes the pipe: the rest of the output is not wanted, but the exit code still is.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await run(process.argv.slice(2), processIo());
