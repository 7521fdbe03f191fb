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
        .option('--quarter <quarter>', 'quarter for coverage warnings, e.g. 2023/24-Q1 (default: the latest with updates)')
        .option('--committee <id>', 'limit coverage warnings to the departments of this committee'),
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
    name: 'schema',
    summary: 'write the JSON Schema (draft-07) of the data files, for editors',
    configure: (c) =>
      c
        .option('--out <dir>', 'write <kind>.schema.json files into this folder instead of printing one schema')
        .addOption(new Option('--kind <kind>', 'only this schema (default: print activities, or write all three with --out)').choices(['council', 'framework', 'activities'])),
    load: async () => (await import('./commands/schema.js')).schemaCommand,
  },
];
