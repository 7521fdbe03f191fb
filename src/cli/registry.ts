import { Option, type Command } from 'commander';
import type { Io } from '../io/io.js';

/** A command's handler: receives parsed options and arguments, returns an exit code. */
export type Handler = (options: Record<string, unknown>, args: string[], io: Io) => Promise<number>;

/** One command: its options are declared here; its code is loaded only when it runs. */
export interface CommandSpec {
  name: string;
  summary: string;
  configure(command: Command): void;
  load(): Promise<Handler>;
}

const dataOption = () => new Option('--data <dir>', 'council data folder').default('data');
const templatesOption = () => new Option('--templates <dir>', 'folder of templates overriding the built-in ones by name');
const formatOption = () => new Option('--format <format>', 'output format: md, docx or all (default: the council\'s defaultFormat, else md)').choices(['md', 'docx', 'all']);
const forceOption = () => new Option('--force', 'overwrite output files even if they were changed by hand');

/** Every command and option coprod has, in one place. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'validate',
    summary: 'check the data against the schema and the eight-recommendation framework',
    configure: (c) =>
      c
        .addOption(dataOption())
        .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
        .option('--strict', 'treat warnings as errors (exit 1)')
        .option('--quarter <quarter>', 'quarter for coverage warnings, e.g. 2023/24-Q1 (default: the latest with updates)'),
    load: async () => (await import('./commands/validate.js')).validateCommand,
  },
  {
    name: 'report',
    summary: 'render the quarterly update for each Policy and Accountability Committee',
    configure: (c) =>
      c
        .requiredOption('--quarter <quarter>', 'financial-year quarter, e.g. 2023/24-Q1')
        .option('--committee <id...>', 'only these committees (default: all)')
        .option('--out <dir>', 'output folder', 'reports')
        .addOption(dataOption())
        .addOption(formatOption())
        .option('--date <date>', 'meeting date (YYYY-MM-DD), overriding the council calendar')
        .addOption(templatesOption())
        .addOption(forceOption()),
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'summary',
    summary: 'render the biannual summary of the quarterly updates for the Policy and Oversight Board',
    configure: (c) =>
      c
        .requiredOption('--half <half>', 'financial-year half, e.g. 2023/24-H1 (April to September 2023)')
        .option('--out <dir>', 'output folder', 'reports')
        .addOption(dataOption())
        .addOption(formatOption())
        .option('--date <date>', 'meeting date (YYYY-MM-DD), overriding the board\'s calendar')
        .addOption(templatesOption())
        .addOption(forceOption()),
    load: async () => (await import('./commands/summary.js')).summaryCommand,
  },
  {
    name: 'schema',
    summary: 'write the JSON Schema (draft-07) of the data files, for editors',
    configure: (c) =>
      c
        .option('--out <dir>', 'write council, framework and activities schemas into this folder (default: print the activities schema)')
        .addOption(new Option('--kind <kind>', 'which schema to print').choices(['council', 'framework', 'activities']).default('activities'))
        .addOption(forceOption()),
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
];
