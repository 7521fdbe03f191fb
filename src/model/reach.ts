import type { Group } from '../schema/council.js';
import type { Level } from '../schema/activities.js';
import { stateAt } from '../schema/history.js';
import { activeIn, type PeriodNoun } from './figures.js';
import type { ActivityRef, Lookup } from './lookup.js';
import { capitalise } from './terms.js';
import { LEVEL_LADDER, LEVEL_MEANINGS, LEVEL_WORDS, SHARED_DECISION_LEVELS, listInWords, plural } from './words.js';

/** One level of involvement, with how many activities worked at it now and before. */
export interface LevelRow {
  level: string;
  meaning: string;
  activities: number;
  previous: number;
}

/** Who took part, and how close residents came to the decisions. */
export interface ReachView {
  /** Activities with an update in the period. */
  activities: number;
  /** Of those, activities at co-design or co-production level. */
  sharedDecisions: number;
  /** The same in the previous period. */
  sharedDecisionsBefore: number;
  /** The levels with activity in either period, closest to decision-making first. */
  levels: LevelRow[];
  /** The levels with no activity in either period, in words, or undefined when every level had some. */
  emptyLevels: string | undefined;
  /** The levels in prose, for the paragraph above the table. */
  levelsText: string;
  /** Groups, quiet groups and wards, one paragraph each. */
  paragraphs: string[];
  /** Activities in the period where residents take or sign off decisions. */
  decisionRoles: { activity: string; role: string }[];
}

/**
 * Who the activity of `refs` reached in `quarters` compared with
 * `previousQuarters`: levels of involvement, groups active and quiet, the
 * decisions residents take, and the wards named. `groups` are the standing
 * groups the departments answer for; a group set up after `periodEnd` is not
 * expected to have met.
 */
export function reachOf(
  refs: readonly ActivityRef[],
  groups: readonly Group[],
  quarters: readonly string[],
  previousQuarters: readonly string[],
  periodEnd: string,
  noun: PeriodNoun,
  area: string,
  hasPrevious = true,
): ReachView {
  const active = activeIn(refs, quarters);
  const before = activeIn(refs, previousQuarters);
  const nowLevel = (r: ActivityRef) => levelIn(r, quarters);
  const beforeLevel = (r: ActivityRef) => levelIn(r, previousQuarters);
  const allLevels = LEVEL_LADDER.map((level) => ({
    level: LEVEL_WORDS[level][0]!.toUpperCase() + LEVEL_WORDS[level].slice(1),
    meaning: LEVEL_MEANINGS[level],
    activities: active.filter((r) => nowLevel(r) === level).length,
    previous: before.filter((r) => beforeLevel(r) === level).length,
  }));
  const levels = allLevels.filter((l) => l.activities > 0 || l.previous > 0);
  const empty = LEVEL_LADDER.filter((_, i) => allLevels[i]!.activities === 0 && allLevels[i]!.previous === 0).map(
    (l) => LEVEL_WORDS[l],
  );
  const shared = active.filter((r) => SHARED_DECISION_LEVELS.includes(nowLevel(r))).length;
  const sharedBefore = before.filter((r) => SHARED_DECISION_LEVELS.includes(beforeLevel(r))).length;
  const last = noun === 'quarter' ? 'last quarter' : 'the previous half-year';
  const levelsText =
    active.length === 0
      ? `No activity was reported this ${noun}, so no residents were involved in decisions through co-production.`
      : `${sharedDecisionSentence(shared, active.length, `reported this ${noun}`)}${!hasPrevious ? `. The data holds nothing for ${last} to compare with` : before.length === 0 ? `. No activity was reported ${last}` : `. ${capitalise(last)} it was ${sharedBefore} of ${before.length}`}. The table shows the levels used, closest to decision-making first.`;

  const groupIds = new Set(active.flatMap((r) => (r.group ? [r.group.id] : [])));
  const activeGroups = [...groupIds].map((id) => active.find((r) => r.group?.id === id)!.group!);
  const quiet = groups.filter(
    (g) => !groupIds.has(g.id) && (g.established === undefined || g.established <= periodEnd),
  );
  const paragraphs: string[] = [];
  if (activeGroups.length > 0) {
    const coChaired = activeGroups.filter((g) => g.residentCoChair).length;
    const outside = active.filter((r) => !r.group).length;
    const names = listInWords(activeGroups.map((g) => g.name));
    const one = activeGroups.length === 1;
    const chaired =
      coChaired === activeGroups.length
        ? `${one ? 'It is' : 'All are'} co-chaired by a resident.`
        : coChaired === 0
          ? `${one ? 'It is not' : 'None is'} co-chaired by a resident.`
          : `${coChaired} of them ${coChaired === 1 ? 'is' : 'are'} co-chaired by a resident.`;
    paragraphs.push(
      `Standing co-production groups that reported activity this ${noun}: ${activeGroups.length}.${noun === 'quarter' ? '' : ` They are ${names}.`} ${chaired}` +
        (outside > 0 ? ` ${plural(outside, 'activity', 'activities')} took place outside a standing group.` : ''),
    );
  } else if (active.length > 0) {
    paragraphs.push(`All activity this ${noun} took place outside the standing co-production groups.`);
  }
  if (quiet.length > 0) {
    const names = listInWords(quiet.map((g) => g.name));
    paragraphs.push(`${/^the\s/i.test(names) ? '' : 'The '}${names} reported no activity this ${noun}.`);
  }
  const wards = [...new Set(active.flatMap((r) => r.activity.wards ?? []))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  if (wards.length > 0) {
    const rest = active.filter((r) => !r.activity.wards || r.activity.wards.length === 0).length;
    paragraphs.push(
      `Activity named ${wards.length === 1 ? 'one ward' : `${wards.length} wards`}: ${listInWords(wards)}.${rest > 0 ? ` The other ${plural(rest, 'activity', 'activities')} covered the whole ${area} or did not name wards.` : ''}`,
    );
  }
  const decisionRoles = active
    .filter((r) => r.activity.decisionRole)
    .map((r) => ({ activity: r.activity.title, role: r.activity.decisionRole! }));
  const emptyLevels =
    empty.length === 0 ? undefined : `No activity was at ${listInWords(empty, 'or')} level in either ${noun}.`;
  return {
    activities: active.length,
    sharedDecisions: shared,
    sharedDecisionsBefore: sharedBefore,
    levels,
    emptyLevels,
    levelsText,
    paragraphs,
    decisionRoles,
  };
}

/** An activity's level of involvement at the end of the last of `quarters` in which it reported. */
export function levelIn(ref: ActivityRef, quarters: readonly string[]): Level {
  const reported = quarters.filter((q) => ref.activity.updates.some((u) => u.quarter === q));
  return stateAt(ref.activity, reported.at(-1) ?? quarters.at(-1) ?? '').level;
}

/** "Of the 6 activities reported this quarter, 4 were at co-design or co-production level, where residents share in decisions". */
export function sharedDecisionSentence(shared: number, total: number, which: string): string {
  // Never start with a numeral: after a paragraph number "3.1 2 of …" reads as "3.12".
  const head =
    total === 1
      ? `The one activity ${which} ${shared === 1 ? 'was' : 'was not'}`
      : `Of the ${total} activities ${which}, ${shared} ${shared === 1 ? 'was' : 'were'}`;
  return `${head} at co-design or co-production level, where residents share in decisions`;
}

/** The standing groups that belong to some departments, in council order. */
export function groupsOf(lookup: Lookup, departmentIds: readonly string[]): Group[] {
  return [...lookup.groups.values()].filter((g) => departmentIds.includes(g.department));
}
