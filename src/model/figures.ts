import type { Rag, Update } from '../schema/activities.js';
import type { ActivityRef, Lookup } from './lookup.js';

/** Totals over the updates of some activities in some quarters. */
export interface Figures {
  /** Activities with at least one update in the period. */
  activities: number;
  /** Co-production groups with at least one active activity. */
  groups: number;
  /** Sum of residents involved over updates (a person may be counted in several activities). */
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

export function updatesIn(ref: ActivityRef, quarters: readonly string[]): Update[] {
  return ref.activity.updates.filter((u) => quarters.includes(u.quarter));
}

/** Adds up the updates of `refs` in `quarters`. */
export function figuresFor(refs: readonly ActivityRef[], quarters: readonly string[]): Figures {
  const f: Figures = { activities: 0, groups: 0, residents: 0, coChairs: 0, accessCosts: 0, participationFees: 0, spend: 0, total: 0, outcomes: 0 };
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

/** The lowest of several ratings: a committee is only as on-track as its weakest return. */
export function worstRag(rags: readonly (Rag | undefined)[]): Rag | undefined {
  let worst: Rag | undefined;
  for (const r of rags) if (r && (!worst || RAG_ORDER[r] < RAG_ORDER[worst])) worst = r;
  return worst;
}

export function ragWords(rag: Rag): string {
  return RAG_WORDS[rag];
}

export interface RecommendationStatus {
  /** Activities with an update in the quarter serving the recommendation. */
  activities: number;
  residents: number;
  rag?: Rag;
  /** Status in words, never colour alone. */
  status: string;
}

/** Where a recommendation stands in a quarter for some departments. */
export function recommendationStatus(lookup: Lookup, refs: readonly ActivityRef[], departmentIds: readonly string[], recommendation: number, quarter: string): RecommendationStatus {
  const serving = refs.filter((r) => r.serves.includes(recommendation));
  const figures = figuresFor(serving, [quarter]);
  const rag = worstRag(
    lookup.assessments
      .filter((a) => a.quarter === quarter && a.recommendation === recommendation && departmentIds.includes(a.department))
      .map((a) => a.rag),
  );
  const status = rag
    ? ragWords(rag)
    : figures.activities > 0
      ? `Activity reported (${figures.activities} ${figures.activities === 1 ? 'activity' : 'activities'}; no rating given)`
      : 'No activity this quarter';
  return { activities: figures.activities, residents: figures.residents, ...(rag ? { rag } : {}), status };
}

/** Direction of travel between two quarters, in words. */
export function directionOfTravel(current: RecommendationStatus, previous: RecommendationStatus): string {
  if (current.rag && previous.rag && current.rag !== previous.rag) {
    return RAG_ORDER[current.rag] > RAG_ORDER[previous.rag] ? 'Improving (rating up)' : 'Declining (rating down)';
  }
  if (current.activities === 0 && previous.activities === 0) return 'No change: no activity in either quarter';
  if (previous.activities === 0) return 'Improving: new activity this quarter';
  if (current.activities === 0) return 'Declining: no activity this quarter';
  if (current.activities > previous.activities) return 'Improving: more activity than last quarter';
  if (current.activities < previous.activities) return 'Declining: less activity than last quarter';
  return 'Steady: same level of activity as last quarter';
}
