import { Command, CommanderError } from '@commander-js/extra-typings';
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from '../io/io.js';
import { EnvironmentError } from '../errors.js';
import { withSafeOutput } from '../io/safe-output.js';
import { useColor } from './color.js';
import { EXIT, EXIT_CODES_HELP } from './exit.js';
import { COMMANDS } from './registry.js';

/**
 * Runs coprod with `argv` (without the node and script paths) and returns the
 * exit code. Only `bin/coprod.js` turns that into `process.exitCode`.
 */
export async function run(argv: readonly string[], world: Io): Promise<number> {
  // Everything printed, by any command or by commander, passes the terminal sanitiser.
  const io = withSafeOutput(world, (stream) => useColor(world, stream));
  let exitCode: number = EXIT.OK;
  const program = new Command('coprod')
    .description(
      "Co-production reporting for councils: validate activity records against the council's framework (by default the Disabled People's Commission's recommendations), and render committee reports as Markdown or DOCX.",
    )
    .version(pkg.version, '-V, --version')
    .exitOverride()
    // A mistyped option or command is named with the nearest real one ("Did you mean --quarter?"); subcommands inherit both.
    .showSuggestionAfterError()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // commander starts its errors "error:"; coprod starts every message with its name.
      outputError: (s, write) => write(s.startsWith('error: ') ? `coprod: ${s.slice('error: '.length)}` : s),
    })
    .addHelpText('after', EXIT_CODES_HELP);

  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .description(spec.summary)
      .exitOverride()
      .addHelpText('after', EXIT_CODES_HELP);
    spec.define(command, io, (code) => {
      exitCode = code;
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof EnvironmentError) {
      io.stderr.write(`coprod: ${error.message}\n`);
      return EXIT.USAGE;
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.stderr.write(`coprod: ${(error as Error).message}\n`);
      return EXIT.USAGE;
    }
    io.stderr.write(`coprod: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.USAGE;
  }
}
