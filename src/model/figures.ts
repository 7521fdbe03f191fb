import type { Rag, Update } from '../schema/activities.js';
import type { ActivityRef, Lookup } from './lookup.js';
import { listInWords } from './words.js';

/** Totals over the updates of some activities in some quarters. */
export interface Figures {
  /** Activities with at least one update in the period (each counted once). */
  activities: number;
  /** Co-production groups with at least one active activity. */
  groups: number;
  /** Sum of residents involved over updates (a person may be counted in several activities and quarters). */
  residents: number;
  coChairs: number;
  accessCosts: number;
  participationFees: number;
  spend: number;
  /** accessCosts + participationFees + spend. */
  total: number;
  /** "You said, we did" entries. */
  outcomes: number;
}

/** The updates of an activity that fall in `quarters`. */
export function updatesIn(ref: ActivityRef, quarters: readonly string[]): Update[] {
  return ref.activity.updates.filter((u) => quarters.includes(u.quarter));
}

/** The activities among `refs` with at least one update in `quarters`. */
export function activeIn(refs: readonly ActivityRef[], quarters: readonly string[]): ActivityRef[] {
  return refs.filter((r) => r.activity.updates.some((u) => quarters.includes(u.quarter)));
}

/** Adds up the updates of `refs` in `quarters`. */
export function figuresFor(refs: readonly ActivityRef[], quarters: readonly string[]): Figures {
  const f: Figures = {
    activities: 0,
    groups: 0,
    residents: 0,
    coChairs: 0,
    accessCosts: 0,
    participationFees: 0,
    spend: 0,
    total: 0,
    outcomes: 0,
  };
  const groups = new Set<string>();
  for (const ref of refs) {
    const updates = updatesIn(ref, quarters);
    if (updates.length === 0) continue;
    f.activities++;
    if (ref.group) groups.add(ref.group.id);
    for (const u of updates) {
      f.residents += u.residents;
      f.coChairs += u.coChairs;
      f.accessCosts += u.accessCosts;
      f.participationFees += u.participationFees;
      f.spend += u.spend;
      f.outcomes += u.outcomes.length;
    }
  }
  f.groups = groups.size;
  f.total = roundPence(f.accessCosts + f.participationFees + f.spend);
  f.accessCosts = roundPence(f.accessCosts);
  f.participationFees = roundPence(f.participationFees);
  f.spend = roundPence(f.spend);
  return f;
}

function roundPence(n: number): number {
  return Math.round(n * 100) / 100;
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };
const RAG_WORDS: Record<Rag, string> = {
  green: 'Green: on track',
  amber: 'Amber: some progress, with risks',
  red: 'Red: not on track',
};
const RAG_NAMES: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** The lowest of several ratings: a committee is only as on-track as its weakest return. */
export function worstRag(rags: readonly (Rag | undefined)[]): Rag | undefined {
  let worst: Rag | undefined;
  for (const r of rags) if (r && (!worst || RAG_ORDER[r] < RAG_ORDER[worst])) worst = r;
  return worst;
}

/** A rating in words, e.g. "Amber: some progress, with risks". */
export function ragWords(rag: Rag): string {
  return RAG_WORDS[rag];
}

/** A quarter or a half-year, as the text around a status names it. */
export type PeriodNoun = 'quarter' | 'half-year';

/** Where a recommendation stands in a period. */
export interface RecommendationStatus {
  /** Activities with an update in the period serving the recommendation. */
  activities: number;
  residents: number;
  /** The weakest of the departments' latest ratings in the period. */
  rag: Rag | undefined;
  /** Status in words, never colour alone. */
  status: string;
  /** When several departments rated the recommendation, how many gave each rating; else undefined. */
  ratings: string | undefined;
}

/**
 * Where a recommendation stands in some quarters (in time order) for some
 * departments: each department's latest rating counts, and the weakest of
 * those is the status.
 */
export function recommendationStatus(
  lookup: Lookup,
  refs: readonly ActivityRef[],
  departmentIds: readonly string[],
  recommendation: number,
  quarters: readonly string[],
  noun: PeriodNoun = 'quarter',
): RecommendationStatus {
  const serving = refs.filter((r) => r.serves.includes(recommendation));
  const figures = figuresFor(serving, quarters);
  const latest = new Map<string, { at: number; rag: Rag | undefined }>();
  for (const a of lookup.assessments) {
    const at = quarters.indexOf(a.quarter);
    if (at < 0 || a.recommendation !== recommendation || !departmentIds.includes(a.department)) continue;
    const seen = latest.get(a.department);
    if (!seen || seen.at <= at) latest.set(a.department, { at, rag: a.rag });
  }
  const rags = [...latest.values()].map((l) => l.rag).filter((r) => r !== undefined);
  const rag = worstRag(rags);
  const status = rag ? ragWords(rag) : figures.activities > 0 ? 'No rating given' : `No activity this ${noun}`;
  return {
    activities: figures.activities,
    residents: figures.residents,
    rag,
    status,
    ratings: rags.length > 1 ? ratingCounts(rags) : undefined,
  };
}

/** "1 Red, 2 Green": how many ratings of each kind, weakest first. */
function ratingCounts(rags: readonly Rag[]): string {
  const order: Rag[] = ['red', 'amber', 'green'];
  return listInWords(
    order.filter((r) => rags.includes(r)).map((r) => `${rags.filter((x) => x === r).length} ${RAG_NAMES[r]}`),
  );
}

/** Direction of travel between two periods, in words. */
export function directionOfTravel(
  current: RecommendationStatus,
  previous: RecommendationStatus,
  noun: PeriodNoun = 'quarter',
): string {
  const before = noun === 'quarter' ? 'last quarter' : 'the previous half-year';
  if (current.rag && previous.rag && current.rag !== previous.rag) {
    const change = `rating ${RAG_ORDER[current.rag] > RAG_ORDER[previous.rag] ? 'up' : 'down'} from ${RAG_NAMES[previous.rag]} to ${RAG_NAMES[current.rag]}`;
    return RAG_ORDER[current.rag] > RAG_ORDER[previous.rag] ? `Improving: ${change}` : `Declining: ${change}`;
  }
  if (current.activities === 0 && previous.activities === 0) return `No change: no activity in either ${noun}`;
  if (previous.activities === 0) return `Improving: new activity this ${noun}`;
  if (current.activities === 0) return `Declining: no activity this ${noun}`;
  if (current.activities > previous.activities) return `Improving: more activity than ${before}`;
  if (current.activities < previous.activities) return `Declining: less activity than ${before}`;
  return `Steady: same level of activity as ${before}`;
}
