import type { Command, OptionValues } from '@commander-js/extra-typings';
import type { Io } from '../io/io.js';
import type { Handler } from './handler.js';
import {
  validateOptions,
  reportOptions,
  summaryOptions,
  packOptions,
  previewOptions,
  schemaOptions,
  templateOptions,
  initOptions,
  addOptions,
} from './options.js';

/** One command: its options are declared in ./options.ts; its handler is loaded only when it runs. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Declares the command's options on `command` and makes running it load and call the handler, which gives the exit code. */
  define(command: Command, io: Io, exit: (code: number) => void): void;
}

/** A command whose handler takes exactly the options `configure` declares. */
function defineCommand<A extends unknown[], O extends OptionValues, G extends OptionValues>(
  name: string,
  summary: string,
  configure: (command: Command) => Command<A, O, G>,
  load: () => Promise<Handler<O>>,
): CommandSpec {
  return {
    name,
    summary,
    define(command, io, exit) {
      const configured = configure(command);
      configured.action(async () => {
        const handler = await load();
        exit(await handler(configured.opts(), configured.args, io));
      });
    },
  };
}

/** Every command coprod has, in the order `coprod --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  defineCommand(
    'validate',
    "check the data against the schema and the council's framework",
    validateOptions,
    async () => (await import('./commands/validate.js')).validateCommand,
  ),
  defineCommand(
    'report',
    'render the quarterly update for each committee',
    reportOptions,
    async () => (await import('./commands/report.js')).reportCommand,
  ),
  defineCommand(
    'summary',
    'render the biannual summary of the quarterly updates for the board above the committees',
    summaryOptions,
    async () => (await import('./commands/summary.js')).summaryCommand,
  ),
  defineCommand(
    'pack',
    "write the board pack for a half-year: the summary, every committee's updates, an index and one combined DOCX",
    packOptions,
    async () => (await import('./commands/pack.js')).packCommand,
  ),
  defineCommand(
    'preview',
    'serve the papers as web pages on this computer (127.0.0.1), made again whenever a data, template or council file changes; writes nothing',
    previewOptions,
    async () => (await import('./commands/preview.js')).previewCommand,
  ),
  defineCommand(
    'schema',
    'write the JSON Schema (draft-07) of the data files, for editors',
    schemaOptions,
    async () => (await import('./commands/schema.js')).schemaCommand,
  ),
  defineCommand(
    'template',
    'write the built-in Word template, with a sample of every style the papers use, for a council to make its own',
    templateOptions,
    async () => (await import('./commands/template.js')).templateCommand,
  ),
  defineCommand(
    'init',
    'create a council data folder: council.yaml, the framework and one activity file per department',
    initOptions,
    async () => (await import('./commands/init.js')).initCommand,
  ),
  defineCommand(
    'add',
    "add a new activity, or a quarterly update of one, to a department's file (asks on a terminal; flags or --from in scripts)",
    addOptions,
    async () => (await import('./commands/add/add.js')).addCommand,
  ),
];
