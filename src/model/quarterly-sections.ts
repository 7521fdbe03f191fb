import type { Rag } from '../schema/activities.js';
import type { ActivityRef } from './lookup.js';
import { updateFor } from './lookup.js';
import { stateAt } from '../schema/history.js';
import { itemNumbers, type Terms } from './terms.js';
import { listInWords } from './words.js';
import { LEVEL_WORDS, STAGE_WORDS, STATUS_WORDS } from './words.js';

/** One activity's update in the quarter, as printed. */
export interface ActivityView {
  /** Paragraph number, e.g. "2.1.3". */
  number: string;
  id: string;
  title: string;
  description: string | undefined;
  department: string;
  level: string;
  stage: string;
  status: string;
  summary: string;
  residents: number;
  coChairs: number;
  /** The decisions residents take or sign off, when recorded. */
  decisionRole: string | undefined;
  rag: Rag | undefined;
  outcomes: { youSaid: string; weDid: string }[];
  /** The framework items and measures it serves, in words: "recommendations 2 and 7 (measures 2.1 and 7.4)". */
  serves: string;
}

/** Activity in the quarter of one co-production group, or of one department outside any group. */
export interface GroupSection {
  /** Paragraph number, e.g. "2.3". */
  number: string;
  name: string;
  department: string;
  coChaired: boolean;
  host: string;
  activities: ActivityView[];
}

function activityView(ref: ActivityRef, quarter: string, terms: Terms): ActivityView {
  const u = updateFor(ref.activity, quarter)!;
  const a = ref.activity;
  const state = stateAt(a, quarter);
  return {
    number: '',
    id: a.id,
    title: a.title,
    description: a.description,
    department: ref.department.name,
    level: LEVEL_WORDS[state.level],
    stage: STAGE_WORDS[state.stage],
    status: STATUS_WORDS[state.status],
    summary: u.summary,
    residents: u.residents,
    coChairs: u.coChairs,
    decisionRole: a.decisionRole,
    rag: u.rag,
    outcomes: u.outcomes,
    serves: `${itemNumbers(terms, ref.serves)}${a.measures.length > 0 ? ` (${a.measures.length === 1 ? 'measure' : 'measures'} ${listInWords(a.measures)})` : ''}`,
  };
}

/**
 * Activity in the quarter by co-production group (groups first, in the
 * order their first activity appears), then activity outside any group by
 * department, numbered `section.n` and `section.n.m`. A group's host is
 * named only when it is not the council itself.
 */
export function groupSections(
  active: readonly ActivityRef[],
  quarter: string,
  section: number,
  terms: Terms,
  council: string,
): GroupSection[] {
  const sections = new Map<string, GroupSection>();
  for (const ref of active) {
    const key = ref.group ? `group:${ref.group.id}` : `dept:${ref.department.id}`;
    let s = sections.get(key);
    if (!s) {
      s = ref.group
        ? {
            number: '',
            name: ref.group.name,
            department: ref.department.name,
            coChaired: ref.group.residentCoChair,
            host: ref.group.host === council ? '' : ref.group.host,
            activities: [],
          }
        : {
            number: '',
            name: `${ref.department.name}: activity outside a standing group`,
            department: ref.department.name,
            coChaired: false,
            host: '',
            activities: [],
          };
      sections.set(key, s);
    }
    s.activities.push(activityView(ref, quarter, terms));
  }
  const ordered = [...sections.entries()];
  ordered.sort(([a], [b]) => (a.startsWith('group:') === b.startsWith('group:') ? 0 : a.startsWith('group:') ? -1 : 1));
  return ordered.map(([, s], i) => {
    s.number = `${section}.${i + 1}`;
    s.activities.forEach((a, j) => (a.number = `${s.number}.${j + 1}`));
    return s;
  });
}

/** Barriers reported in the quarter, numbered `section.n`. */
export function barrierParagraphs(
  active: readonly ActivityRef[],
  quarter: string,
  section: number,
): { number: string; activity: string; barrier: string; response: string }[] {
  return active
    .flatMap((r) => updateFor(r.activity, quarter)!.barriers.map((b) => ({ activity: r.activity.title, ...b })))
    .map((b, i) => ({ number: `${section}.${i + 1}`, ...b }));
}
