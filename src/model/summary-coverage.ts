import type { Committee } from '../schema/council.js';
import { shortCommitteeName } from './words.js';
import { activeIn } from './figures.js';
import { followUpRows } from './follow-up.js';
import { activitiesOf, type Lookup } from './lookup.js';
import { departmentsWithoutReturn } from './reach.js';
import { listInWords, recommendationNumbers } from './words.js';
import { parseQuarter } from '../periods/periods.js';

/** A committee as a column of the coverage matrix. */
export interface CommitteeColumn {
  id: string;
  name: string;
  /** "Economy, Arts, Sports and Public Realm PAC". */
  shortName: string;
}

/** One recommendation's row of the coverage matrix. */
export interface CoverageRow {
  number: number;
  /** "5. Co-produce service design and commissioning" */
  label: string;
  /** Activity count per committee as printed: "3", or "0 (gap)". */
  cells: string[];
  /** Council-wide count (each activity once), as printed. */
  total: string;
}

/** The eight recommendations by committee, with the gaps named. */
export interface Coverage {
  committees: CommitteeColumn[];
  rows: CoverageRow[];
  /** Raw counts, [recommendation][committee], for tests and text. */
  counts: number[][];
  /** Recommendations no department worked on in the half. */
  unserved: { number: number; title: string }[];
  /** Per committee, the recommendations its departments did not work on. */
  committeeGaps: { committee: CommitteeColumn; numbers: number[] }[];
}

/** The committees as matrix columns, in council order. */
export function committeeColumns(committees: readonly Committee[]): CommitteeColumn[] {
  return committees.map((c) => ({ id: c.id, name: c.name, shortName: shortCommitteeName(c.name) }));
}

function cell(n: number): string {
  return n === 0 ? '0 (gap)' : String(n);
}

/** Counts activities with an update in `quarters` serving each recommendation, by committee and council-wide. */
export function coverageMatrix(lookup: Lookup, committees: readonly Committee[], quarters: readonly string[]): Coverage {
  const columns = committeeColumns(committees);
  const activeByCommittee = committees.map((c) => activeIn(activitiesOf(lookup, c.departments), quarters));
  const activeAll = activeIn(lookup.activities, quarters);
  const counts: number[][] = [];
  const rows: CoverageRow[] = lookup.recommendations.map((rec) => {
    const perCommittee = activeByCommittee.map((refs) => refs.filter((r) => r.serves.includes(rec.number)).length);
    counts.push(perCommittee);
    const total = activeAll.filter((r) => r.serves.includes(rec.number)).length;
    return { number: rec.number, label: `${rec.number}. ${rec.title}`, cells: perCommittee.map(cell), total: cell(total) };
  });
  const unserved = lookup.recommendations.filter((rec) => !activeAll.some((r) => r.serves.includes(rec.number))).map((rec) => ({ number: rec.number, title: rec.title }));
  const committeeGaps = columns
    .map((committee, j) => ({ committee, numbers: lookup.recommendations.filter((_, i) => counts[i]![j] === 0).map((r) => r.number) }))
    .filter((g) => g.numbers.length > 0);
  return { committees: columns, rows, counts, unserved, committeeGaps };
}

/** The gaps of the matrix in prose, one paragraph each. */
export function coverageGapTexts(coverage: Coverage, halfWords: string): string[] {
  const out: string[] = [];
  const total = coverage.rows.length * coverage.committees.length;
  const gaps = coverage.counts.flat().filter((n) => n === 0).length;
  out.push(
    gaps === 0
      ? `Every committee's departments reported activity on every recommendation in ${halfWords}.`
      : `Of the ${total} combinations of recommendation and committee, ${gaps} had no activity in ${halfWords}; they are marked "0 (gap)" in the table.`,
  );
  for (const rec of coverage.unserved) {
    out.push(`No department anywhere in the Council reported activity on recommendation ${rec.number} (${rec.title}) in ${halfWords}.`);
  }
  const unservedNumbers = new Set(coverage.unserved.map((u) => u.number));
  for (const g of coverage.committeeGaps) {
    const own = g.numbers.filter((n) => !unservedNumbers.has(n));
    if (g.numbers.length === coverage.rows.length) {
      out.push(`The ${g.committee.shortName}'s departments reported no co-production activity at all in ${halfWords}.`);
    } else if (own.length > 0) {
      out.push(`The ${g.committee.shortName}'s departments reported no activity on ${recommendationNumbers(own)}, although other committees' departments did.`);
    }
  }
  return out;
}

/** A commitment made for a quarter of the half that was not followed up. */
export interface MissedCommitment {
  quarter: string;
  committee: string;
  department: string;
  activity: string;
  plan: string;
}

/** Plans made for each quarter of the half (in the quarter before) with no update in that quarter. */
export function missedCommitments(lookup: Lookup, committees: readonly Committee[], quarters: readonly { id: string; words: string }[]): MissedCommitment[] {
  const out: MissedCommitment[] = [];
  for (const q of quarters) {
    const quarter = parseQuarter(q.id)!;
    for (const c of committees) {
      for (const row of followUpRows(activitiesOf(lookup, c.departments), quarter, lookup.startMonth)) {
        if (row.result !== 'not-followed-up') continue;
        out.push({ quarter: q.words, committee: shortCommitteeName(c.name), department: row.department, activity: row.activity, plan: row.plan });
      }
    }
  }
  return out;
}

/** Committees and departments with no return in a quarter of the half, in prose. */
export function missingReturnTexts(lookup: Lookup, committees: readonly Committee[], quarters: readonly { id: string; words: string }[]): { texts: string[]; committees: { committee: string; departments: string[]; quarters: string[] }[] } {
  const texts: string[] = [];
  const byCommittee = new Map<string, { committee: string; departments: Set<string>; quarters: string[] }>();
  for (const q of quarters) {
    for (const c of committees) {
      const silent = departmentsWithoutReturn(lookup, c.departments, q.id).map((d) => d.name);
      if (silent.length === 0) continue;
      const short = shortCommitteeName(c.name);
      texts.push(
        silent.length === c.departments.length
          ? `No return was received for the ${short} for ${q.words}: none of its departments (${listInWords(silent)}) reported any co-production activity.`
          : `${listInWords(silent)} sent no return for ${q.words}, so the ${short}'s update for that quarter covered its other ${c.departments.length - silent.length === 1 ? 'department' : 'departments'} only.`,
      );
      const entry = byCommittee.get(c.id) ?? { committee: c.name, departments: new Set<string>(), quarters: [] };
      silent.forEach((d) => entry.departments.add(d));
      entry.quarters.push(q.words);
      byCommittee.set(c.id, entry);
    }
  }
  if (texts.length === 0) texts.push(`Every department sent a return for both quarters of the half-year.`);
  return { texts, committees: [...byCommittee.values()].map((e) => ({ committee: e.committee, departments: [...e.departments], quarters: e.quarters })) };
}
