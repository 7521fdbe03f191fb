// bin/coprod.js for `npm run test:quick`: runs the CLI from src/ through tsx, with no build.
// The same entry point and exit-code handling as the bin; only the loading differs.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../../src/cli/main.ts');
const { processIo } = await import('../../src/io/io.ts');

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
process.exitCode = await run(process.argv.slice(2), processIo());
