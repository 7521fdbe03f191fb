#!/usr/bin/env node
// The only place coprod touches the process: exit code = await run(argv, io).
import { run } from '../dist/cli/main.js';
import { processIo } from '../dist/io/io.js';

process.exitCode = await run(process.argv.slice(2), processIo());
