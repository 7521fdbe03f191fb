import { Option, type Command } from '@commander-js/extra-typings';
import { DEFAULT_DATA, DEFAULT_FORMAT, DEFAULT_OUT } from './defaults.js';

/**
 * Every command's options and arguments, declared with commander's typed
 * API so that each handler receives them typed (`OptionsOf<typeof reportOptions>`).
 * Declared apart from the registry, which loads the handlers lazily, so that a
 * handler can import its options' type without importing the registry.
 */

/** The options a configure function declares, as the handler receives them. */
export type OptionsOf<F extends (command: Command) => { opts(): object }> = ReturnType<ReturnType<F>['opts']>;

const dataOption = () => new Option('--data <dir>', 'council data folder').default(DEFAULT_DATA);
const outOption = () => new Option('--out <dir>', 'output folder').default(DEFAULT_OUT);
const templatesOption = () =>
  new Option('--templates <dir>', 'folder of templates overriding the built-in ones by name');
const formatOption = () =>
  new Option(
    '--format <format>',
    `output format: md, docx, pdf (needs LibreOffice), html (accessible web pages) or all (md, docx and html) (default: the council's defaultFormat, else ${DEFAULT_FORMAT})`,
  ).choices(['md', 'docx', 'pdf', 'html', 'all']);
const referenceDocOption = () =>
  new Option(
    '--reference-doc <file>',
    "the council's Word template (.docx or .dotx): its styles, page setup, header and footer (default: style.referenceDoc in council.yaml)",
  );
const forceOption = () => new Option('--force', 'overwrite output files even if they were changed by hand');
const noChartsOption = () =>
  new Option(
    '--no-charts',
    'no charts in the papers, only the tables and words (default: charts, unless council.yaml has style.charts: false)',
  );

const easyReadOption = () =>
  new Option('--easy-read', 'also write the Easy Read companion of each paper (<name>-easy-read), in the same formats');

/** `coprod validate` */
export const validateOptions = (command: Command) =>
  command
    .addOption(dataOption())
    .addOption(new Option('--format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--strict', 'treat warnings as errors (exit 1)')
    .option(
      '--quarter <quarter>',
      'quarter for coverage warnings, e.g. 2023/24-Q1, latest or previous (default: the latest with updates)',
    )
    .option('--committee <id>', 'limit coverage warnings to the departments of this committee');
export type ValidateOptions = OptionsOf<typeof validateOptions>;

/** `coprod report` */
export const reportOptions = (command: Command) =>
  command
    // Checked by the handler, not commander, so that a mistyped option is named before a missing one.
    .option('--quarter <quarter>', 'financial-year quarter, e.g. 2023/24-Q1, or latest or previous (required)')
    .option('--committee <id...>', 'only these committees (default: all)')
    .addOption(outOption())
    .addOption(dataOption())
    .addOption(formatOption())
    .addOption(referenceDocOption())
    .option('--date <date>', 'meeting date (YYYY-MM-DD), overriding the council calendar')
    .addOption(templatesOption())
    .addOption(forceOption())
    .addOption(noChartsOption())
    .addOption(easyReadOption());
export type ReportOptions = OptionsOf<typeof reportOptions>;

/** `coprod summary` */
export const summaryOptions = (command: Command) =>
  command
    .option(
      '--half <half>',
      'financial-year half, e.g. 2023/24-H1 (the first six months of the year that starts in 2023), or latest or previous (required)',
    )
    .addOption(outOption())
    .addOption(dataOption())
    .addOption(formatOption())
    .addOption(referenceDocOption())
    .option('--date <date>', "meeting date (YYYY-MM-DD), overriding the board's calendar")
    .addOption(templatesOption())
    .addOption(forceOption())
    .addOption(noChartsOption())
    .addOption(easyReadOption());
export type SummaryOptions = OptionsOf<typeof summaryOptions>;

/** `coprod pack` */
export const packOptions = (command: Command) =>
  command
    .option('--half <half>', 'financial-year half, e.g. 2023/24-H1, or latest or previous (required)')
    .addOption(outOption())
    .addOption(dataOption())
    .addOption(formatOption())
    .addOption(referenceDocOption())
    .option('--date <date>', 'board meeting date (YYYY-MM-DD), overriding the council calendar')
    .addOption(templatesOption())
    .addOption(forceOption())
    .option(
      '--page-numbers',
      'write on the contents page the page where each paper begins, as LibreOffice lays the pack out (needs LibreOffice and poppler-utils; slower)',
    )
    .option('--check', 'write nothing: exit 1 naming every file in --out that is stale, missing or changed by hand')
    .option('--quiet', 'print no progress and no closing line')
    .option('--json', 'print a machine-readable list of the files to standard output')
    .addOption(noChartsOption())
    .addOption(easyReadOption());
export type PackOptions = OptionsOf<typeof packOptions>;

/** `coprod preview` */
export const previewOptions = (command: Command) =>
  command
    .option(
      '--quarter <quarter>',
      "the committees' quarterly updates for this quarter, e.g. 2023/24-Q1, latest or previous",
    )
    .option(
      '--half <half>',
      "the board's summary and the updates of the half's two quarters, e.g. 2023/24-H1, latest or previous",
    )
    .option('--committee <id...>', "only these committees' updates (default: all)")
    .option('--port <n>', 'the port on 127.0.0.1 to serve on, or 0 for any free port (default: 8765)')
    .addOption(dataOption())
    .addOption(templatesOption())
    .addHelpText('after', '\nPress Ctrl-C to stop (exit 0). A port already in use is exit 2.');
export type PreviewOptions = OptionsOf<typeof previewOptions>;

/** `coprod schema` */
export const schemaOptions = (command: Command) =>
  command
    .option('--out <dir>', 'write <kind>.schema.json files into this folder instead of printing one schema')
    .addOption(
      new Option(
        '--kind <kind>',
        'only this schema (default: print activities, or write all three with --out)',
      ).choices(['council', 'framework', 'activities']),
    );
export type SchemaOptions = OptionsOf<typeof schemaOptions>;

/** `coprod template` */
export const templateOptions = (command: Command) =>
  command
    .option('--out <file>', 'the .docx file to write, e.g. house-style.docx (required)')
    .addOption(dataOption())
    .addOption(forceOption());
export type TemplateOptions = OptionsOf<typeof templateOptions>;

/** `coprod init` */
export const initOptions = (command: Command) =>
  command
    .argument('[dir]', 'folder to create the council in', 'data')
    .option('--name <name>', "the council's name")
    .option('--committee <name...>', 'a committee that receives quarterly updates (repeat for each)')
    .option(
      '--department <name...>',
      "a department, as NAME or NAME=COMMITTEE (the committee's name, id or number; repeat for each)",
    )
    .option('-y, --yes', 'ask nothing: take the defaults for what is not given');
export type InitOptions = OptionsOf<typeof initOptions>;

/** `coprod add` */
export const addOptions = (command: Command) =>
  command
    .argument('[what]', 'activity or update')
    .addOption(dataOption())
    .option('--department <id>', 'the department (default: the only one, else asked)')
    .option('--from <file>', 'take the new entry from a YAML or JSON document (- for standard input)')
    .option('-y, --yes', 'ask only for required values, and do not ask for confirmation')
    .option('--activity <id>', 'update: the activity the update is for')
    .option('--quarter <quarter>', 'update: the quarter, e.g. 2023/24-Q1')
    .option('--summary <text>', 'update: what happened in the quarter')
    .option('--residents <n>', 'update: number of residents involved')
    .option('--co-chairs <n>', 'update: number of resident co-chairs')
    .option('--access-costs <pounds>', 'update: access costs met')
    .option('--participation-fees <pounds>', 'update: participation fees paid to residents')
    .option('--spend <pounds>', 'update: other spend')
    .option('--next <text>', 'update: what is planned for the next quarter')
    .option('--rag <rag>', 'update: RAG rating: red, amber or green')
    .option(
      '--follow-up <result>',
      'update: how the last plan still open went: done, in-progress, carried-over or dropped',
    )
    .option('--follow-up-reason <text>', 'update: why')
    .option('--id <id>', 'activity: its id (default: made from the title)')
    .option('--title <text>', 'activity: its title')
    .option('--description <text>', 'activity: a description')
    .option('--group <id>', 'activity: the co-production group that runs it')
    .option('--recommendation <n...>', 'activity: the framework items it serves, by number')
    .option('--measure <id...>', 'activity: the measures it serves, e.g. 5.3')
    .option(
      '--stage <stage>',
      'activity: the stage when it starts; update: the stage from this quarter on, when it changed (design, commissioning, delivery or review)',
    )
    .option(
      '--level <level>',
      'activity: the level when it starts; update: the level from this quarter on, when it changed (informing, consultation, engagement, co-design or co-production)',
    )
    .option('--decision-role <text>', 'activity: what residents decide or sign off')
    .option(
      '--status <status>',
      "update: the activity's status at the end of the quarter: planned, in-progress, completed, paused or cancelled",
    )
    .option('--start <date>', 'activity: start date, YYYY-MM-DD')
    .option('--end <date>', 'activity: end date, YYYY-MM-DD')
    .option('--ward <name...>', 'activity: the wards it covers');
export type AddOptions = OptionsOf<typeof addOptions>;
