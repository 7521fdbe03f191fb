import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languageChecker } from '../../src/language/check.js';
import { FIXTURES, ROOT, spawnCli } from '../helpers/cli.js';
import { parseMarkdown, readText } from '../helpers/markdown.js';

/**
 * The papers coprod writes are in plain, social-model words: every sentence
 * of every paper is checked with the same language check `validate` runs on
 * the data. For the sample council and the second fixture council (whose
 * data raises no language warning either), no medical-model phrase and no
 * jargon. Long sentences are judged on the golden council, whose data text
 * is a few words long: there, a hard sentence can only be coprod's own
 * framing, not a department's title or summary set into it.
 */

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coprod-language-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The running text of a paper: paragraphs and list items, not headings or table cells. */
function sentencesOf(markdown: string): string[] {
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'paragraph') out.push(readText(node).replace(/\s+/g, ' ').trim());
    else if ('children' in node && node.type !== 'table' && node.type !== 'heading')
      for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(markdown));
  return out.filter((t) => t !== '');
}

const COUNCILS = [
  { name: 'the sample council', data: path.join(ROOT, 'data'), halves: ['2023/24-H1', '2022/23-H2'], sentences: false },
  {
    name: 'the second council',
    data: path.join(FIXTURES, 'second-council'),
    halves: ['2024/25-H1', '2024/25-H2'],
    sentences: false,
  },
  { name: 'the golden council', data: path.join(FIXTURES, 'golden-council'), halves: ['2023/24-H1'], sentences: true },
];

describe.each(COUNCILS)('every paper of $name', ({ data, halves, sentences: judged }) => {
  it('has data with no language warning', () => {
    const r = spawnCli(['validate', '--data', data, '--format', 'json']);
    const codes = (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(codes.filter((c) => ['social-model-language', 'complex-word', 'hard-to-read'].includes(c))).toEqual([]);
  });

  it.each(halves)('in the %s pack, sentence by sentence, raises no language warning', async (half) => {
    const out = path.join(work, `${path.basename(data)}-${half.replace('/', '-')}`);
    const r = spawnCli(['pack', '--half', half, '--data', data, '--out', out, '--format', 'md', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const checker = languageChecker();
    const problems: string[] = [];
    let sentences = 0;
    for (const file of (await readdir(out)).filter((f) => f.endsWith('.md')).sort()) {
      for (const text of sentencesOf(await readFile(path.join(out, file), 'utf8'))) {
        sentences++;
        for (const f of checker.check(text, { sentences: judged })) problems.push(`${file}: ${f.rule} "${f.actual}"`);
      }
    }
    expect(sentences).toBeGreaterThan(judged ? 50 : 100);
    expect(problems).toEqual([]);
  });
});

describe('validate on a copy of the sample with medical-model words in a summary', () => {
  it("warns at the words, with the social model's wording, and still exits 0", async () => {
    const data = path.join(work, 'sample-copy');
    await cp(path.join(ROOT, 'data'), data, { recursive: true });
    const file = path.join(data, 'activities', 'economy.yaml');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('summary: >-\n') + 'summary: >-\n'.length;
    const indent = /^ */.exec(text.slice(at))![0];
    await writeFile(
      file,
      `${text.slice(0, at)}${indent}One resident who suffers from arthritis came.\n${text.slice(at)}`,
    );
    const line = text.slice(0, at).split('\n').length;
    const r = spawnCli(['validate', '--data', data]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `activities/economy.yaml:${line}:${indent.length + 'One resident who '.length + 1}  warning  social-model-language  \`summary\` says "suffers from"`,
    );
    expect(r.stdout).toContain('write "has, or lives with" instead');
  });
});
