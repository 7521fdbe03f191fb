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
import type { AddOptions } from '../../options.js';
import { readFolder, say } from '../../shared.js';
import { ACTIVITY_REQUIRED, planActivity } from './activity.js';
import { commitAddition, type Destination } from './commit.js';
import { planUpdate, UPDATE_REQUIRED } from './update.js';
import { Collector, readFromDocument } from './values.js';

const KINDS = ['activity', 'update'] as const;

type Kind = (typeof KINDS)[number];

/** Flags that give a value of the new entry: the option, and the entry's key it gives. */
const ENTRY_FLAGS: Record<Kind, readonly (readonly [keyof AddOptions, string])[]> = {
  update: [
    ['quarter', 'quarter'],
    ['summary', 'summary'],
    ['residents', 'residents'],
    ['coChairs', 'coChairs'],
    ['accessCosts', 'accessCosts'],
    ['participationFees', 'participationFees'],
    ['spend', 'spend'],
    ['next', 'next'],
    ['rag', 'rag'],
    ['followUp', 'followUp'],
    ['followUpReason', 'followUpReason'],
    ['status', 'status'],
    ['stage', 'stage'],
    ['level', 'level'],
  ],
  activity: [
    ['id', 'id'],
    ['title', 'title'],
    ['description', 'description'],
    ['group', 'group'],
    ['recommendation', 'recommendations'],
    ['measure', 'measures'],
    ['stage', 'stage'],
    ['level', 'level'],
    ['decisionRole', 'decisionRole'],
    ['start', 'start'],
    ['end', 'end'],
    ['ward', 'wards'],
  ],
};

function isKind(kind: string): kind is Kind {
  return KINDS.some((k) => k === kind);
}

/**
 * `coprod add activity|update`: asks for a new activity or quarterly update
 * on a terminal, or takes it from flags or `--from`, checks it with the
 * rules of `coprod validate`, and appends it to the department's file
 * leaving every other byte as it was. Without a terminal (or under CI) it
 * never asks: a missing value stops it at once with exit 2.
 */
export const addCommand: Handler<AddOptions> = async (options, args, io) => {
  const kind = args[0];
  const { from } = options;
  const prompts = from === '-' ? undefined : availablePrompts(io);
  if (kind === undefined && !prompts)
    throw new UsageError(
      `say what to add; there is no terminal to ask in, so give it with its values as flags:\n  coprod add activity ${ACTIVITY_REQUIRED}\n  coprod add update ${UPDATE_REQUIRED}`,
    );
  checkFlags(kind, options);
  try {
    const chosen =
      kind ??
      (await prompts!.select({
        message: 'What would you like to add?',
        choices: [
          { name: 'an update on an activity, for a quarter', value: 'update' },
          { name: 'a new activity', value: 'activity' },
        ],
      }));
    checkFlags(chosen, options);
    return await add(chosen, options, io, from);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    say(io, 'coprod: cancelled; nothing was written.');
    return EXIT.DATA;
  }
};

async function add(kind: Kind, options: AddOptions, io: Io, from: string | undefined): Promise<number> {
  const given = { ...(from ? await readFromDocument(io, from) : {}), ...entryFlags(kind, options) };
  const prompts = from === '-' ? undefined : availablePrompts(io);
  const yes = options.yes === true;
  const folder = await readFolder(options.data, io);
  const dataset = councilOf(io, folder);
  if (!dataset) return EXIT.DATA;
  const collector = new Collector(given, prompts, !yes);
  const { department } = options;

  if (kind === 'update') {
    const planned = await planUpdate(dataset, collector, {
      ...(department ? { department } : {}),
      ...(options.activity ? { activity: options.activity } : {}),
    });
    collector.assertComplete('add update');
    const { target, addition } = planned!;
    const destination: Destination = {
      shown: target.department.source.path,
      before: await io.fs.readFile(path.resolve(io.cwd, target.department.source.path)),
    };
    return commitAddition(io, folder, destination, addition, {
      ...(prompts ? { prompts } : {}),
      yes,
      label: `${String(addition.update['quarter'])} update of activity ${target.activity.id}`,
    });
  }
  const planned = await planActivity(dataset, collector, department ? { department } : {});
  collector.assertComplete('add activity');
  const { department: chosen, addition } = planned!;
  const destination = await departmentFile(io, folder, dataset, chosen);
  if (!destination) return EXIT.DATA;
  return commitAddition(io, folder, destination, addition, {
    ...(prompts ? { prompts } : {}),
    yes,
    label: `activity ${String(addition.activity['id'])}`,
  });
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
  io.stderr.write(
    formatPretty(
      result.diagnostics.filter((d) => d.severity === 'error'),
      { sources, color: useColor(io, io.stderr) },
    ),
  );
  say(io, 'coprod: council.yaml or the framework has errors (see above); fix them before adding to the data.');
  return undefined;
}

/** Rejects flags that belong to the other kind, so a mistyped command does not half-work. */
function checkFlags(kind: string | undefined, options: AddOptions): asserts kind is Kind | undefined {
  if (kind !== undefined && !isKind(kind))
    throw new UsageError(`coprod add ${kind}: say \`coprod add activity\` or \`coprod add update\``);
  for (const k of KINDS) {
    if (k === kind || kind === undefined) continue;
    const own = ENTRY_FLAGS[kind].map(([flag]) => flag);
    const wrong = ENTRY_FLAGS[k]
      .map(([flag]) => flag)
      .filter((flag) => options[flag] !== undefined && !own.includes(flag));
    if (wrong.length > 0)
      throw new UsageError(
        `${wrong.map(toFlag).join(', ')} ${wrong.length === 1 ? 'applies' : 'apply'} to \`coprod add ${k}\`, not \`coprod add ${kind}\``,
      );
  }
  if (kind === 'activity' && options.activity !== undefined)
    throw new UsageError("--activity names the activity an update is for; a new activity's id is --id");
}

function toFlag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** The entry's values given as flags, under the entry's keys. */
function entryFlags(kind: Kind, options: AddOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, key] of ENTRY_FLAGS[kind]) if (options[flag] !== undefined) out[key] = options[flag];
  return out;
}

/**
 * The department's activity file, or a new one from init's template when it
 * has none yet (a department added to council.yaml later), with the schema
 * comment its neighbours use.
 */
async function departmentFile(
  io: Io,
  folder: DataFolder,
  dataset: Dataset,
  department: Department,
): Promise<Destination | undefined> {
  const records = dataset.departments.find((d) => d.department === department.id);
  if (records)
    return { shown: records.source.path, before: await io.fs.readFile(path.resolve(io.cwd, records.source.path)) };
  const file = path.join(folder.dir, 'activities', `${department.id}.yaml`);
  const shown = path.relative(io.cwd, file) || file;
  const broken = folder.activities.find((s) => s.path === shown || departmentOf(s.data) === department.id);
  if (broken) {
    say(io, `coprod: ${broken.path} has errors, so nothing can be added to it yet; \`coprod validate\` shows them.`);
    return undefined;
  }
  const schemaLine = folder.activities.map((s) => schemaLineOf(s.text)).find((line) => line !== undefined);
  return { shown, before: null, template: departmentYaml(department, schemaLine) };
}

/** The `department` a department file's data names, if any. */
function departmentOf(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'department' in data ? data.department : undefined;
}
