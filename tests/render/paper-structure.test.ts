import path from 'node:path';
import * as fsp from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/io/io.js';
import { parseHalf, parseQuarter } from '../../src/periods/periods.js';
import { paperContext, quarterlyPapers, summaryPaper, type IndexedPaper } from '../../src/render/build-papers.js';
import { loadTemplates } from '../../src/render/templates.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { GOLDEN_COUNCIL, loadDataset, SAMPLE_COUNCIL } from '../helpers/dataset.js';

/**
 * The numbered paragraphs of every paper, for the sample council, the golden
 * council and the second council (a July year, Scrutiny Panels): each number
 * once, in order, and the introduction naming every section that follows.
 */

const SECOND_COUNCIL = path.join(FIXTURES, 'second-council');

function io(): Io {
  const stdin = new PassThrough();
  stdin.end();
  return { cwd: ROOT, env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin, fs: fsp };
}

async function papersOf(dir: string, quarters: string[], halves: string[]): Promise<IndexedPaper[]> {
  const dataset = await loadDataset(dir);
  const ctx = paperContext(dataset, await loadTemplates(io()));
  const committees = dataset.council.committees.map((c) => c.id);
  return [
    ...quarters.flatMap((q) => quarterlyPapers(ctx, parseQuarter(q)!, committees)),
    ...halves.map((h) => summaryPaper(ctx, parseHalf(h)!)),
  ];
}

/** "2.1.3" at the start of a paragraph line, outside tables and lists. */
function paragraphNumbers(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^(\d+(?:\.\d+)+) /.exec(line)?.[1])
    .filter((n) => n !== undefined);
}

const COUNCILS: [string, string, string[], string[]][] = [
  ['the sample council', SAMPLE_COUNCIL, ['2022/23-Q4', '2023/24-Q1', '2023/24-Q2'], ['2022/23-H2', '2023/24-H1']],
  ['the golden council', GOLDEN_COUNCIL, ['2023/24-Q1', '2023/24-Q2'], ['2023/24-H1']],
  [
    'the second council',
    SECOND_COUNCIL,
    ['2024/25-Q1', '2024/25-Q2', '2024/25-Q3', '2024/25-Q4'],
    ['2024/25-H1', '2024/25-H2'],
  ],
];

describe.each(COUNCILS)('numbered paragraphs in every paper of %s', (_name, dir, quarters, halves) => {
  it('are each used once, in document order, and section 1.2 names every numbered section after the introduction', async () => {
    for (const paper of await papersOf(dir, quarters, halves)) {
      const numbers = paragraphNumbers(paper.markdown);
      const repeated = numbers.filter((n, i) => numbers.indexOf(n) !== i);
      expect(repeated, `${paper.baseName}: paragraph numbers used twice`).toEqual([]);
      const sections = [...paper.markdown.matchAll(/^### (\d+)\. /gm)].map((m) => Number(m[1]));
      expect(sections, paper.baseName).toEqual(sections.map((_, i) => i + 1));
      const intro = paper.markdown.split('\n').find((line) => /^1\.[0-9] Section 2 /.test(line)) ?? '';
      for (const n of sections.filter((s) => s > 1))
        expect(intro, `${paper.baseName}: the introduction leaves out section ${n}`).toMatch(
          new RegExp(`section ${n}\\b`, 'i'),
        );
      for (const n of numbers)
        expect(sections, `${paper.baseName}: paragraph ${n} is in no section`).toContain(Number(n.split('.')[0]));
      // "5.1 7 plans" reads as paragraph 5.17: a numbered paragraph never starts with a numeral.
      expect(
        paper.markdown.split('\n').filter((line) => /^\d+(?:\.\d+)+ \d/.test(line)),
        paper.baseName,
      ).toEqual([]);
    }
  });
});
