import type { Committee } from '../schema/council.js';
import { silentDepartments } from './asks.js';
import { activeIn } from './figures.js';
import { activitiesOf, type Lookup } from './lookup.js';
import { itemNumbers, shortCommitteeName, type Terms } from './terms.js';
import { listInWords } from './words.js';

/** A committee as a row of the coverage matrix. */
export interface CoverageRow {
  id: string;
  name: string;
  /** "Economy, Arts, Sports and Public Realm PAC". */
  shortName: string;
  /** Activity count per framework item, in framework order. */
  cells: number[];
  /** Activities of the committee's departments in the half, each once. */
  total: number;
}

/** The framework's items by committee, with the gaps named. */
export interface Coverage {
  /** The item numbers, the matrix's columns. */
  numbers: number[];
  /** One row per committee, then one for the council as a whole (each activity once). */
  rows: CoverageRow[];
  all: CoverageRow;
  /** Items no department worked on in the half. */
  unserved: { number: number; title: string }[];
  /** Per committee with some activity, the items its departments did not work on. */
  committeeGaps: { id: string; committee: string; numbers: number[]; list: string }[];
  /** Committees whose departments reported no activity at all in the half. */
  idle: { id: string; committee: string }[];
}

/** Counts activities with an update in `quarters` serving each item, by committee and council-wide. */
export function coverageMatrix(
  lookup: Lookup,
  committees: readonly Committee[],
  quarters: readonly string[],
  terms: Terms,
): Coverage {
  const numbers = lookup.recommendations.map((r) => r.number);
  const count = (refs: ReturnType<typeof activeIn>) =>
    numbers.map((n) => refs.filter((r) => r.serves.includes(n)).length);
  const rows = committees.map((c): CoverageRow => {
    const active = activeIn(activitiesOf(lookup, c.departments), quarters);
    return {
      id: c.id,
      name: c.name,
      shortName: shortCommitteeName(c.name, terms),
      cells: count(active),
      total: active.length,
    };
  });
  const activeAll = activeIn(lookup.activities, quarters);
  const all: CoverageRow = {
    id: '',
    name: 'All',
    shortName: `All ${terms.committeeTypePlural}`,
    cells: count(activeAll),
    total: activeAll.length,
  };
  const unserved = lookup.recommendations
    .filter((_, i) => all.cells[i] === 0)
    .map((rec) => ({ number: rec.number, title: rec.title }));
  const committeeGaps = rows
    .filter((r) => r.total > 0)
    .map((r) => {
      const gaps = numbers.filter((_, i) => r.cells[i] === 0);
      return { id: r.id, committee: r.shortName, numbers: gaps, list: gaps.join(', ') };
    })
    .filter((g) => g.numbers.length > 0);
  const idle = rows.filter((r) => r.total === 0).map((r) => ({ id: r.id, committee: r.shortName }));
  return { numbers, rows, all, unserved, committeeGaps, idle };
}

/** The gaps of the matrix in prose, one paragraph each. */
export function coverageGapTexts(coverage: Coverage, halfWords: string, terms: Terms): string[] {
  const out: string[] = [];
  if (coverage.unserved.length > 0) {
    out.push(
      `No department reported activity on ${itemNumbers(
        terms,
        coverage.unserved.map((u) => `${u.number} (${u.title})`),
      )} in ${halfWords}.`,
    );
  }
  if (coverage.idle.length > 0) {
    out.push(
      `The departments of ${listInWords(coverage.idle.map((i) => `the ${i.committee}`))} reported no co-production activity at all in ${halfWords}.`,
    );
  }
  if (coverage.committeeGaps.length === 0 && coverage.unserved.length === 0 && coverage.idle.length === 0) {
    out.push(`Every ${terms.committeeType}'s departments reported activity on every ${terms.item} in ${halfWords}.`);
  }
  return out;
}

/** Departments with no return in a quarter of the half, by committee, in prose. */
export function missingReturnTexts(
  lookup: Lookup,
  committees: readonly Committee[],
  quarters: readonly { id: string; words: string }[],
  terms: Terms,
): {
  texts: string[];
  missing: { department: string; departmentId: string; committee: string; quarters: string[]; quarterIds: string[] }[];
} {
  const texts: string[] = [];
  const byDepartment = new Map<
    string,
    { department: string; departmentId: string; committee: string; quarters: string[]; quarterIds: string[] }
  >();
  for (const q of quarters) {
    for (const c of committees) {
      const silent = silentDepartments(lookup, c.departments, q.id);
      if (silent.length === 0) continue;
      const short = shortCommitteeName(c.name, terms);
      texts.push(
        silent.length === c.departments.length
          ? `No return was received for the ${short} for ${q.words}: none of its departments (${listInWords(silent.map((d) => d.name))}) reported any co-production activity.`
          : `${listInWords(silent.map((d) => d.name))} sent no return for ${q.words}. The ${short}'s update for that quarter covered its other ${c.departments.length - silent.length === 1 ? 'department' : 'departments'} only.`,
      );
      for (const d of silent) {
        const entry = byDepartment.get(d.id) ?? {
          department: d.name,
          departmentId: d.id,
          committee: short,
          quarters: [],
          quarterIds: [],
        };
        entry.quarters.push(q.words);
        entry.quarterIds.push(q.id);
        byDepartment.set(d.id, entry);
      }
    }
  }
  if (texts.length === 0) texts.push(`Every department sent a return for both quarters of the half-year.`);
  return { texts, missing: [...byDepartment.values()] };
}
