import path from 'node:path';
import { sourceMap } from '../../diagnostics/position.js';
import { formatPretty } from '../../diagnostics/pretty.js';
import { writeFileAtomically } from '../../write/atomic.js';
import {
  councilYaml,
  departmentYaml,
  frameworkYaml,
  planCouncil,
  SCHEMA_DIR,
  type CouncilPlan,
  type DepartmentRequest,
} from '../../edit/scaffold.js';
import { OutputError, UsageError } from '../../errors.js';
import type { Io } from '../../io/io.js';
import { DEFAULT_FRAMEWORK_PATH, type DataFolder } from '../../load/folder.js';
import { parseSource } from '../../load/source.js';
import { asCheck, readText } from '../../prompt/checks.js';
import type { Prompts } from '../../prompt/prompts.js';
import { availablePrompts } from '../../prompt/terminal.js';
import { jsonSchema } from '../../schema/json-schema.js';
import { validateFolder } from '../../validate/validate.js';
import { makeFolders, removeFolders } from '../../write/atomic.js';
import { describeFsError, writeOutputs } from '../../write/outputs.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../handler.js';
import type { InitOptions } from '../options.js';
import { say } from '../shared.js';

/** What `--yes` takes when a value is not given. */
export const INIT_DEFAULTS = {
  name: 'Example Council',
  committee: 'Policy and Accountability Committee',
  department: 'Corporate Services',
} as const;

interface InitAnswers {
  name?: string;
  committees?: string[];
  /** As given: `NAME` or `NAME=COMMITTEE`. */
  departments?: string[];
}

/** A file of the new council: where it goes (relative to the folder) and what it holds. */
interface NewFile {
  name: string;
  content: string;
}

/**
 * `coprod init [DIR]`: creates a council data folder (council.yaml, the
 * eight-recommendation framework, one activity file per department and the
 * JSON Schemas editors use), asking for the council's name, committees and
 * departments, or taking them from flags and defaults. Never overwrites.
 */
export const initCommand: Handler<InitOptions> = async (options, args, io) => {
  const dirArg = args[0] ?? 'data';
  const dir = path.resolve(io.cwd, dirArg);
  const shown = (name: string) => path.join(dirArg, name);
  const target = await io.fs.stat(dir).catch(() => undefined);
  if (target && !target.isDirectory())
    throw new UsageError(
      `${dirArg} is a file, but coprod init makes a council in a folder: give the name of a new folder, or of an empty one`,
    );
  if (await exists(io, path.join(dir, 'council.yaml'))) {
    say(
      io,
      `coprod: ${shown('council.yaml')} already exists, so there is a council there already; coprod init never overwrites it. Choose another folder, or add to this one with \`coprod add\`.`,
    );
    return EXIT.DATA;
  }
  const given: InitAnswers = {
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.committee !== undefined ? { committees: options.committee } : {}),
    ...(options.department !== undefined ? { departments: options.department } : {}),
  };
  const prompts = options.yes === true ? undefined : availablePrompts(io);
  const plan = prompts ? await askPlan(prompts, given) : planFromFlags(given, options.yes === true);
  if (
    prompts &&
    !(await prompts.confirm({ message: `Create the council "${plan.name}" in ${dirArg}?`, default: true }))
  ) {
    say(io, 'coprod: nothing was written.');
    return EXIT.DATA;
  }

  const files = scaffoldFiles(plan, await io.fs.readFile(DEFAULT_FRAMEWORK_PATH, 'utf8'));
  const taken = await existingFiles(io, dir, files);
  if (taken.length > 0) {
    say(
      io,
      `coprod: these files exist already, and coprod init never overwrites: ${taken.map(shown).join(', ')}. Nothing was written.`,
    );
    return EXIT.DATA;
  }
  if (!checkScaffold(io, dir, files)) return EXIT.DATA;
  const schemaConflicts = await writeScaffold(io, dir, files);
  for (const f of files) say(io, `created ${shown(f.name)}`);
  if (schemaConflicts.length === 0)
    say(io, `created ${shown(SCHEMA_DIR)}/ (JSON Schemas, so editors can check the files as you type)`);
  else
    say(
      io,
      `left ${schemaConflicts.map((n) => shown(path.join(SCHEMA_DIR, n))).join(', ')} alone (changed by hand); \`coprod schema --out ${shown(SCHEMA_DIR)} --force\` replaces them`,
    );
  say(
    io,
    `Next: change the officer roles in ${shown('council.yaml')} to your council's, then record activity with \`coprod add activity --data ${dirArg}\`.`,
  );
  return EXIT.OK;
};

/** Values from flags, with defaults only under `--yes`; anything else missing is a usage error. */
function planFromFlags(given: InitAnswers, yes: boolean): CouncilPlan {
  const missing = [
    ...(given.name === undefined ? ['--name NAME'] : []),
    ...(given.committees === undefined ? ['--committee NAME'] : []),
    ...(given.departments === undefined ? ['--department NAME'] : []),
  ];
  if (!yes && missing.length > 0) {
    throw new UsageError(
      `there is no terminal to ask in, so give ${missing.join(', ')} (or --yes to take the defaults)`,
    );
  }
  const committees = given.committees ?? [INIT_DEFAULTS.committee];
  const departments = (given.departments ?? [INIT_DEFAULTS.department]).map((d) => departmentRequest(d, committees));
  return planCouncil(
    clean(given.name ?? INIT_DEFAULTS.name),
    committees.map(clean),
    departments.map((d) => ({ ...d, committee: d.committee ?? unassigned(d.name) })),
  );
}

function unassigned(name: string): never {
  throw new UsageError(
    `say which committee covers ${name}: --department "${name}=COMMITTEE" (the committee's name, id or number)`,
  );
}

/** `NAME` or `NAME=COMMITTEE`, where the committee is named, numbered from 1, or the only one. */
export function departmentRequest(text: string, committees: readonly string[]): { name: string; committee?: number } {
  const eq = text.lastIndexOf('=');
  const name = clean(eq === -1 ? text : text.slice(0, eq));
  if (name === '') throw new UsageError(`--department needs a name (got "${text}")`);
  if (eq === -1) return committees.length === 1 ? { name, committee: 0 } : { name };
  const ref = text
    .slice(eq + 1)
    .trim()
    .toLowerCase();
  const ids = planCouncil('', committees, []).committees.map((c) => c.id);
  const index = committees.findIndex(
    (c, i) => clean(c).toLowerCase() === ref || String(i + 1) === ref || ids[i] === ref,
  );
  if (index === -1)
    throw new UsageError(
      `--department "${text}": no committee "${ref}"; the committees are ${committees.map((c, i) => `${i + 1}. ${c}`).join('; ')}`,
    );
  return { name, committee: index };
}

/** Asks for whatever the flags did not give. */
async function askPlan(prompts: Prompts, given: InitAnswers): Promise<CouncilPlan> {
  const name =
    given.name ??
    (await prompts.input({
      message: "The council's name (e.g. London Borough of Riverside)",
      validate: asCheck(readText),
    }));
  const committees =
    given.committees ?? (await askNames(prompts, 'Policy and Accountability Committee', INIT_DEFAULTS.committee));
  const departments: DepartmentRequest[] = [];
  for (const text of given.departments ?? (await askNames(prompts, 'department', INIT_DEFAULTS.department))) {
    const request = given.departments
      ? departmentRequest(text, committees)
      : { name: clean(text), ...(committees.length === 1 ? { committee: 0 } : {}) };
    const committee =
      request.committee ??
      (await prompts.select({
        message: `Which committee covers ${request.name}?`,
        choices: committees.map((c, i) => ({ name: c, value: i })),
      }));
    departments.push({ name: request.name, committee });
  }
  return planCouncil(clean(name), committees.map(clean), departments);
}

/** Asks for names one at a time until an empty answer. */
async function askNames(prompts: Prompts, what: string, example: string): Promise<string[]> {
  const names = [await prompts.input({ message: `Name of a ${what}`, default: example, validate: asCheck(readText) })];
  for (;;) {
    const next = (await prompts.input({ message: `Another ${what} (leave empty when done)` })).trim();
    if (next === '') return names;
    names.push(next);
  }
}

/** One line, single spaces: names go into YAML values and comments. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The files of a new council, paths relative to its folder. */
export function scaffoldFiles(plan: CouncilPlan, builtInFramework: string): NewFile[] {
  return [
    { name: 'council.yaml', content: councilYaml(plan) },
    { name: 'framework.yaml', content: frameworkYaml(builtInFramework) },
    ...plan.departments.map((d) => ({ name: path.join('activities', `${d.id}.yaml`), content: departmentYaml(d) })),
  ];
}

/** Validates the new files in memory, with the same rules as `coprod validate`; prints and returns false on errors. */
function checkScaffold(io: Io, dir: string, files: readonly NewFile[]): boolean {
  const source = (f: NewFile) =>
    parseSource(path.relative(io.cwd, path.join(dir, f.name)) || f.name, new TextEncoder().encode(f.content));
  const parsed = files.map(source);
  const folder: DataFolder = {
    dir,
    council: parsed[0]!.source,
    framework: parsed[1]!.source,
    builtInFramework: false,
    activities: parsed.slice(2).map((p) => p.source),
    diagnostics: parsed.flatMap((p) => p.diagnostics),
  };
  const errors = validateFolder(folder).diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return true;
  io.stderr.write(
    formatPretty(errors, {
      sources: sourceMap([folder.council, folder.framework, ...folder.activities]),
      color: useColor(io, io.stderr),
    }),
  );
  say(io, 'coprod: the new council would not validate (see above), so nothing was written.');
  return false;
}

/**
 * Writes every file (the council last); if one fails, removes those already
 * written. The schemas are written as `coprod schema --out` writes them, so
 * that command can refresh them later; returns the schema files left alone.
 */
async function writeScaffold(io: Io, dir: string, files: readonly NewFile[]): Promise<string[]> {
  const written: string[] = [];
  let created: string[];
  try {
    created = await makeFolders(io, path.join(dir, 'activities'));
  } catch (error) {
    throw new OutputError(
      describeFsError(
        error,
        path.relative(io.cwd, dir) || dir,
        "create the council's folder",
        'Nothing was written.',
        null,
      ),
    );
  }
  try {
    for (const f of [...files.slice(1), files[0]!]) {
      const target = path.join(dir, f.name);
      await writeFileAtomically(io, target, new TextEncoder().encode(f.content), null);
      written.push(target);
    }
    const kinds = ['council', 'framework', 'activities'] as const;
    const schemas = await writeOutputs(
      path.join(dir, SCHEMA_DIR),
      kinds.map((k) => ({ name: `${k}.schema.json`, content: jsonSchema(k) })),
      io,
    );
    return schemas.conflicts;
  } catch (error) {
    await Promise.all(written.map((f) => io.fs.rm(f, { force: true }).catch(() => undefined)));
    // Folders made for the new council go too, so that a failure leaves nothing behind.
    await removeFolders(io, created);
    throw error;
  }
}

async function exists(io: Io, file: string): Promise<boolean> {
  return io.fs.lstat(file).then(
    () => true,
    () => false,
  );
}

async function existingFiles(io: Io, dir: string, files: readonly NewFile[]): Promise<string[]> {
  const found: string[] = [];
  for (const f of files) if (await exists(io, path.join(dir, f.name))) found.push(f.name);
  return found;
}
