import { UsageError } from '../errors.js';
import type { CouncilFile } from '../schema/council.js';
import { suggest } from '../validate/suggest.js';

/**
 * Every `--committee` id must name a committee of council.yaml; otherwise a
 * usage error suggesting the committee meant, by its id, its name or a
 * department it covers.
 */
export function requireCommittees(wanted: readonly string[], council: CouncilFile): void {
  const known = council.committees.map((c) => c.id);
  for (const id of wanted) {
    if (known.includes(id)) continue;
    const guess = suggestCommittee(id, council);
    throw new UsageError(
      `unknown committee "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; the committees in council.yaml are: ${known.join(', ')}`,
    );
  }
}

/**
 * The committee someone most likely meant by `word`: an id a typo away
 * (`econmy-pac`), the committee of a department id a typo away (`econmy`),
 * else the one committee whose id, name or departments (by id or name)
 * contain the word (`economy`, `Health`, `children`).
 */
export function suggestCommittee(word: string, council: CouncilFile): string | undefined {
  const typo = suggest(
    word,
    council.committees.map((c) => c.id),
  );
  if (typo) return typo;
  const department = suggest(
    word,
    council.departments.map((d) => d.id),
  );
  const covering = council.committees.filter((c) => department !== undefined && c.departments.includes(department));
  if (covering.length === 1) return covering[0]!.id;
  const needle = word.trim().toLowerCase();
  if (needle.length < 3) return undefined;
  const has = (text: string) => text.toLowerCase().includes(needle);
  const departments = new Map(council.departments.map((d) => [d.id, d.name]));
  const matches = council.committees.filter(
    (c) => has(c.id) || has(c.name) || c.departments.some((d) => has(d) || has(departments.get(d) ?? '')),
  );
  return matches.length === 1 ? matches[0]!.id : undefined;
}
