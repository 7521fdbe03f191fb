/**
 * Fallback peak-memory probe for machines without GNU time: loaded with
 * `node --import`, it writes the process's peak resident set size (KiB) to
 * the file named by BENCH_MAXRSS_FILE when the process exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
