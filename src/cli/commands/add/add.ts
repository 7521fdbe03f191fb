import path from 'node:path';
import { departmentYaml, schemaLineOf } from '../../../edit/scaffold.js';
import { UsageError } from '../../../errors.js';
import type { Io } from '../../../io/io.js';
import type { DataFolder } from '../../../load/folder.js';
import { PromptCancelled } from '../../../prompt/prompts.js';
import { availablePrompts } from '../../../prompt/terminal.js';
import type { Department } from '../../../schema/council.js';
import type { Dataset } from '../../../validate/dataset.js';
import { sourceMap } from '../../../diagnostics/position.js';
import { formatPretty } from '../../../diagnostics/pretty.js';
import { validateFolder } from '../../../validate/validate.js';
import { useColor } from '../../color.js';
import { EXIT } from '../../exit.js';
import type { Handler } from '../../handler.js';
import { readFolder, say } from '../../shared.js';
import { ACTIVITY_REQUIRED, planActivity } from './activity.js';
import { commitAddition, type Destination } from './commit.js';
import { planUpdate, UPDATE_REQUIRED } from './update.js';
import { Collector, readFromDocument } from './values.js';

const KINDS = ['activity', 'update'] as const;

/** Flags that give a value of the new entry, by the entry's key. */
const ENTRY_FLAGS: Record<(typeof KINDS)[number], Record<string, string>> = {
  update: {
    quarter: 'quarter', summary: 'summary', residents: 'residents', coChairs: 'coChairs', accessCosts: 'accessCosts',
    participationFees: 'participationFees', spend: 'spend', next: 'next', rag: 'rag', followUp: 'followUp', followUpReason: 'followUpReason',
    status: 'status', stage: 'stage', level: 'level',
  },
  activity: {
    id: 'id', title: 'title', description: 'description', group: 'group', recommendation: 'recommendations', measure: 'measures',
    stage: 'stage', level: 'level', decisionRole: 'decisionRole', start: 'start', end: 'end', ward: 'wards',
  },
};

/**
 * `coprod add activity|update`: asks for a new activity or quarterly update
 * on a terminal, or takes it from flags or `--from`, checks it with the
 * rules of `coprod validate`, and appends it to the department's file
 * leaving every other byte as it was. Without a terminal (or under CI) it
 * never asks: a missing value stops it at once with exit 2.
 */
export const addCommand: Handler = async (options, args, io) => {
  const kind = args[0];
  const from = options['from'] as string | undefined;
  const prompts = from === '-' ? undefined : availablePrompts(io);
  if (kind === undefined && !prompts) throw new UsageError(`say what to add; there is no terminal to ask in, so give it with its values as flags:\n  coprod add activity ${ACTIVITY_REQUIRED}\n  coprod add update ${UPDATE_REQUIRED}`);
  checkFlags(kind, options);
  try {
    const chosen = kind ?? (await prompts!.select({ message: 'What would you like to add?', choices: [{ name: 'an update on an activity, for a quarter', value: 'update' }, { name: 'a new activity', value: 'activity' }] }));
    checkFlags(chosen, options);
    return await add(chosen as (typeof KINDS)[number], options, io, from);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    say(io, 'coprod: cancelled; nothing was written.');
    return EXIT.DATA;
  }
};

async function add(kind: (typeof KINDS)[number], options: Record<string, unknown>, io: Io, from: string | undefined): Promise<number> {
  const given = { ...(from ? await readFromDocument(io, from) : {}), ...entryFlags(kind, options) };
  const prompts = from === '-' ? undefined : availablePrompts(io);
  const yes = options['yes'] === true;
  const dataDir = String(options['data']);
  const folder = await readFolder(dataDir, io);
  const dataset = councilOf(io, folder);
  if (!dataset) return EXIT.DATA;
  const collector = new Collector(given, prompts, !yes);
  const department = options['department'] as string | undefined;

  if (kind === 'update') {
    const planned = await planUpdate(dataset, collector, { ...(department ? { department } : {}), ...(options['activity'] ? { activity: String(options['activity']) } : {}) });
    collector.assertComplete('add update');
    const { target, addition } = planned!;
    const destination: Destination = { shown: target.department.source.path, before: await io.fs.readFile(path.resolve(io.cwd, target.department.source.path)) };
    return commitAddition(io, folder, destination, addition, { ...(prompts ? { prompts } : {}), yes, label: `${addition.update['quarter']} update of activity ${target.activity.id}` });
  }
  const planned = await planActivity(dataset, collector, department ? { department } : {});
  collector.assertComplete('add activity');
  const { department: chosen, addition } = planned!;
  const destination = await departmentFile(io, folder, dataset, chosen);
  if (!destination) return EXIT.DATA;
  return commitAddition(io, folder, destination, addition, { ...(prompts ? { prompts } : {}), yes, label: `activity ${addition.activity['id']}` });
}

/**
 * The council's data, when council.yaml and the framework are sound enough
 * to add to. Problems in other department files do not stop an addition:
 * only problems the new entry brings do.
 */
function councilOf(io: Io, folder: DataFolder): Dataset | undefined {
  const result = validateFolder(folder);
  if (result.dataset) return result.dataset;
  const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
  io.stderr.write(formatPretty(result.diagnostics.filter((d) => d.severity === 'error'), { sources, color: useColor(io, io.stderr) }));
  say(io, 'coprod: council.yaml or the framework has errors (see above); fix them before adding to the data.');
  return undefined;
}

/** Rejects flags that belong to the other kind, so a mistyped command does not half-work. */
function checkFlags(kind: string | undefined, options: Record<string, unknown>): void {
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`coprod add ${kind}: say \`coprod add activity\` or \`coprod add update\``);
  for (const k of KINDS) {
    if (k === kind || kind === undefined) continue;
    const wrong = Object.keys(ENTRY_FLAGS[k]).filter((flag) => options[flag] !== undefined && !(flag in ENTRY_FLAGS[kind as (typeof KINDS)[number]]));
    if (wrong.length > 0) throw new UsageError(`${wrong.map(toFlag).join(', ')} ${wrong.length === 1 ? 'applies' : 'apply'} to \`coprod add ${k}\`, not \`coprod add ${kind}\``);
  }
  if (kind === 'activity' && options['activity'] !== undefined) throw new UsageError('--activity names the activity an update is for; a new activity\'s id is --id');
}

function toFlag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The entry's values given as flags, under the entry's keys. */
function entryFlags(kind: (typeof KINDS)[number], options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(ENTRY_FLAGS[kind])) if (options[flag] !== undefined) out[key] = options[flag];
  return out;
}

/**
 * The department's activity file, or a new one from init's template when it
 * has none yet (a department added to council.yaml later), with the schema
 * comment its neighbours use.
 */
async function departmentFile(io: Io, folder: DataFolder, dataset: Dataset, department: Department): Promise<Destination | undefined> {
  const records = dataset.departments.find((d) => d.department === department.id);
  if (records) return { shown: records.source.path, before: await io.fs.readFile(path.resolve(io.cwd, records.source.path)) };
  const file = path.join(folder.dir, 'activities', `${department.id}.yaml`);
  const shown = path.relative(io.cwd, file) || file;
  const broken = folder.activities.find((s) => s.path === shown || (s.data as { department?: unknown } | undefined)?.department === department.id);
  if (broken) {
    say(io, `coprod: ${broken.path} has errors, so nothing can be added to it yet; \`coprod validate\` shows them.`);
    return undefined;
  }
  const schemaLine = folder.activities.map((s) => schemaLineOf(s.text)).find((line) => line !== undefined);
  return { shown, before: null, template: departmentYaml(department, schemaLine) };
}
