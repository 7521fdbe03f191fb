import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordParagraphs, xmlParts } from '../docx/read.js';
import { FIXTURES, spawnCli, type CliResult } from '../helpers/cli.js';

/**
 * Every paper for a council unlike the sample (tests/fixtures/second-council):
 * Northfield City Council, a city whose year starts in July, with Scrutiny
 * Panels under an Overview and Scrutiny Commission and its own Inclusion
 * Charter of six commitments. The papers must name Northfield's own bodies,
 * framework and periods, and nothing of the sample council's.
 */

const DATA = path.join(FIXTURES, 'second-council');
const QUARTERS = ['2024/25-Q1', '2024/25-Q2', '2024/25-Q3', '2024/25-Q4'] as const;
const HALVES = ['2024/25-H1', '2024/25-H2'] as const;
const PANELS = ['health-panel', 'housing-panel', 'place-panel'];
const BOARD = 'osc';

/** With the financial year starting in July. */
const PERIOD: Record<string, string> = {
  '2024/25-Q1': 'July to September 2024',
  '2024/25-Q2': 'October to December 2024',
  '2024/25-Q3': 'January to March 2025',
  '2024/25-Q4': 'April to June 2025',
  '2024/25-H1': 'July to December 2024',
  '2024/25-H2': 'January to June 2025',
};
/** What the halves would be called with the sample's April start: never right here. */
const APRIL_PERIOD: Record<string, string> = {
  '2024/25-H1': 'April to September 2024',
  '2024/25-H2': 'October 2024 to March 2025',
};
const QUARTERS_OF: Record<string, string[]> = {
  '2024/25-H1': ['2024/25-Q1', '2024/25-Q2'],
  '2024/25-H2': ['2024/25-Q3', '2024/25-Q4'],
};

/** `2024/25-Q1` → `2024-25-q1`, as output file names write periods. */
const slug = (period: string) => period.replace('/', '-').toLowerCase();
const both = (stem: string) => [`${stem}.docx`, `${stem}.html`, `${stem}.md`];

/** The sample council's words, none of which belongs in Northfield's papers (whole words, any case). */
const FOREIGN: [label: string, pattern: RegExp][] = [
  ["Disabled People's Commission", /\bDisabled People['’]s Commission\b/i],
  ['Policy and Accountability', /\bPolicy and Accountability\b/i],
  ['PAC', /\bPAC\b/i],
  ['POB', /\bPOB\b/i],
  ['borough', /\bborough\b/i],
  ['eight', /\beight\b/i],
];

const STACK = /\n\s+at .+:\d+:\d+/;

/** One file written by a command, with the text a reader sees in it. */
interface Output {
  /** Command folder and file name, e.g. `report-2024-25-q1/housing-panel-2024-25-q1.md`. */
  name: string;
  file: string;
  kind: 'quarterly' | 'summary' | 'index' | 'combined';
  period: string;
  text: string;
}

interface Run {
  label: string;
  args: string[];
  out: string;
  result: CliResult;
  files: string[];
}

/** The text of a DOCX as Word shows it: body, headers, footers and notes paragraph by paragraph, and the document properties. */
function docxText(bytes: Uint8Array): string {
  const parts = xmlParts(bytes);
  const text: string[] = [];
  for (const [part, xml] of parts) {
    if (/^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(part)) {
      text.push(...wordParagraphs(xml).map((p) => p.text));
    } else if (/^docProps\/(core|app|custom)\.xml$/.test(part)) {
      text.push(
        xml
          .replace(/<[^>]+>/g, '\n')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&'),
      );
    }
  }
  return text.join('\n');
}

/** The quarterly update, summary, index or combined pack a file is, and its period, from its name. */
function classify(file: string): Pick<Output, 'kind' | 'period'> {
  if (file === 'index.md' || file === 'index.html') return { kind: 'index', period: '' };
  const match = /-(\d{4})-(\d{2})-([qh][1-4])\.(md|docx|html)$/.exec(file);
  if (!match) throw new Error(`unexpected output file ${file}`);
  const period = `${match[1]}/${match[2]}-${match[3].toUpperCase()}`;
  if (file.startsWith('board-pack-')) return { kind: 'combined', period };
  return { kind: file.startsWith(`${BOARD}-`) ? 'summary' : 'quarterly', period };
}

let root: string;
const runs: Run[] = [];
const outputs: Output[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'coprod-second-council-'));
  const commands: { label: string; args: string[] }[] = [
    ...QUARTERS.map((q) => ({ label: `report-${slug(q)}`, args: ['report', '--quarter', q] })),
    ...HALVES.map((h) => ({ label: `summary-${slug(h)}`, args: ['summary', '--half', h] })),
    ...HALVES.map((h) => ({ label: `pack-${slug(h)}`, args: ['pack', '--half', h, '--quiet'] })),
  ];
  for (const { label, args } of commands) {
    const out = path.join(root, label);
    const full = [...args, '--data', DATA, '--out', out, '--format', 'all'];
    const result = spawnCli(full, { env: { SOURCE_DATE_EPOCH: '1700000000' }, timeout: 120_000 });
    // Hidden files (the pack's manifest of what it wrote) are bookkeeping, not papers.
    // Chart images are read back in tests/charts.
    const files =
      result.code === 0 ? (await readdir(out)).filter((f) => !f.startsWith('.') && !f.endsWith('.png')).sort() : [];
    runs.push({ label, args: full, out, result, files });
    for (const file of files) {
      const bytes = await readFile(path.join(out, file));
      const text = file.endsWith('.docx') ? docxText(bytes) : bytes.toString('utf8');
      outputs.push({ name: `${label}/${file}`, file, text, ...classify(file) });
    }
  }
}, 300_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const run = (label: string) => runs.find((r) => r.label === label)!;
const papers = () => outputs.filter((o) => o.kind !== 'index');

describe('the second council (Northfield: a city, a year from July, Scrutiny Panels, its own charter)', () => {
  it('validates with no errors', () => {
    const result = spawnCli(['validate', '--data', DATA, '--format', 'json']);
    const parsed = JSON.parse(result.stdout) as {
      summary: { errors: number };
      diagnostics: { severity: string; code: string; message: string }[];
    };
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });

  describe('rendering every paper with the built binary, in Markdown, Word and HTML', () => {
    for (const q of QUARTERS) {
      it(`report --quarter ${q} exits 0 and writes one update per Scrutiny Panel`, () => {
        const r = run(`report-${slug(q)}`);
        expect(r.result.stderr).not.toMatch(STACK);
        expect(r.result.code, r.result.stderr).toBe(0);
        expect(r.files).toEqual(PANELS.flatMap((p) => both(`${p}-${slug(q)}`)).sort());
      });
    }

    for (const h of HALVES) {
      it(`summary --half ${h} exits 0 and writes the Commission's summary`, () => {
        const r = run(`summary-${slug(h)}`);
        expect(r.result.stderr).not.toMatch(STACK);
        expect(r.result.code, r.result.stderr).toBe(0);
        expect(r.files).toEqual(both(`${BOARD}-${slug(h)}`));
      });

      it(`pack --half ${h} exits 0 and writes the summary, every Panel's updates for the half, the index and the combined pack`, () => {
        const r = run(`pack-${slug(h)}`);
        expect(r.result.stderr).not.toMatch(STACK);
        expect(r.result.code, r.result.stderr).toBe(0);
        const expected = [
          ...both(`${BOARD}-${slug(h)}`),
          ...QUARTERS_OF[h].flatMap((q) => PANELS.flatMap((p) => both(`${p}-${slug(q)}`))),
          'index.html',
          'index.md',
          `board-pack-${slug(h)}.docx`,
        ];
        expect(r.files).toEqual(expected.sort());
      });
    }

    it('read every file written: 24 quarterly, 2 summary and 2 pack runs of files', () => {
      expect(runs.map((r) => r.result.code)).toEqual(runs.map(() => 0));
      // 4 quarters × 3 Panels × 3 formats; 2 summaries × 3 formats; per pack 3 + 18 + two indexes + combined.
      expect(outputs).toHaveLength(36 + 6 + 2 * 24);
    });
  });

  describe("Northfield's words, and none of the sample council's", () => {
    it("no Markdown, Word or HTML text names the Disabled People's Commission, Policy and Accountability, PAC, POB, borough or eight", () => {
      expect(outputs.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const o of outputs) {
        for (const [label, pattern] of FOREIGN) {
          const at = o.text.search(pattern);
          if (at >= 0)
            found.push(
              `${o.name}: "${label}" in "…${o.text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…"`,
            );
        }
      }
      expect(found).toEqual([]);
    });

    it('each paper names the Northfield Inclusion Charter or its six commitments', () => {
      expect(papers().length).toBeGreaterThan(0);
      const without = papers()
        .filter((o) => !/Northfield Inclusion Charter|six commitments/.test(o.text))
        .map((o) => o.name);
      expect(without).toEqual([]);
    });

    it('each quarterly update and summary, in Markdown, Word and HTML, says who took part by group was not recorded (Northfield counts no reach)', () => {
      const reports = outputs.filter((o) => o.kind === 'quarterly' || o.kind === 'summary');
      expect(reports).toHaveLength(3 * 24 + 6 + 6);
      expect(reports.filter((o) => !/Who took part by group was not recorded/.test(o.text)).map((o) => o.name)).toEqual(
        [],
      );
      expect(reports.filter((o) => /fewer than \d|not shown/.test(o.text)).map((o) => o.name)).toEqual([]);
    });

    it('each quarterly update calls its Scrutiny Panel "the Panel", never "the Committee"', () => {
      const quarterly = outputs.filter((o) => o.kind === 'quarterly');
      expect(quarterly).toHaveLength(3 * 24);
      expect(quarterly.filter((o) => !/\bthe Panel\b/.test(o.text)).map((o) => o.name)).toEqual([]);
      expect(quarterly.filter((o) => /\bthe Committee\b/.test(o.text)).map((o) => o.name)).toEqual([]);
    });

    it('each summary calls the Overview and Scrutiny Commission "the Commission", never "the Board"', () => {
      const summaries = outputs.filter((o) => o.kind === 'summary' || o.kind === 'combined');
      expect(summaries).toHaveLength(6 + 6 + 2);
      expect(summaries.filter((o) => !/\bthe Commission\b/.test(o.text)).map((o) => o.name)).toEqual([]);
      expect(summaries.filter((o) => /\bthe Board\b/.test(o.text)).map((o) => o.name)).toEqual([]);
    });
  });

  describe('periods of a financial year that starts in July', () => {
    it('each quarterly update names its quarter: 2024/25-Q1 is July to September 2024, Q4 April to June 2025', () => {
      const wrong: string[] = [];
      for (const o of outputs.filter((x) => x.kind === 'quarterly')) {
        if (!o.text.includes(PERIOD[o.period])) wrong.push(`${o.name}: does not say "${PERIOD[o.period]}"`);
      }
      expect(wrong).toEqual([]);
      // The April-start names of these quarters are the names of other quarters here (the one before, or after), which a
      // paper may well mention; so the title says which quarter the paper is about.
      const panels: Record<string, string> = {
        'health-panel': 'Health, Care and Wellbeing Scrutiny Panel',
        'housing-panel': 'Housing and Communities Scrutiny Panel',
        'place-panel': 'Place and Environment Scrutiny Panel',
      };
      for (const q of QUARTERS) {
        for (const [id, name] of Object.entries(panels)) {
          const md = outputs.find((o) => o.name === `report-${slug(q)}/${id}-${slug(q)}.md`);
          expect(md?.text.split('\n')[0], `${id} ${q}`).toBe(`# ${name}: co-production quarterly update, ${PERIOD[q]}`);
        }
      }
    });

    it('each summary names its half: 2024/25-H1 is July to December 2024, H2 January to June 2025', () => {
      const wrong: string[] = [];
      for (const o of outputs.filter((x) => x.kind === 'summary' || x.kind === 'combined')) {
        if (!o.text.includes(PERIOD[o.period])) wrong.push(`${o.name}: does not say "${PERIOD[o.period]}"`);
        if (o.text.includes(APRIL_PERIOD[o.period])) wrong.push(`${o.name}: says "${APRIL_PERIOD[o.period]}"`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe("each quarter's paper shows the statuses of that quarter", () => {
    /** The paragraph of a quarterly update (Markdown) that reports an activity. */
    function activityLine(panel: string, quarter: string, title: string): string {
      const md = outputs.find((o) => o.name === `report-${slug(quarter)}/${panel}-${slug(quarter)}.md`);
      expect(md, `${panel} ${quarter}`).toBeDefined();
      const line = md!.text.split('\n').find((l) => l.includes(`**${title}.**`));
      expect(line, `${title} in ${panel} ${quarter}`).toBeDefined();
      return line!;
    }

    it('tenant information: in progress, paused in October to December 2024, in progress again from January 2025', () => {
      const title = 'Accessible letters and guides for tenants';
      expect(activityLine('housing-panel', '2024/25-Q1', title)).toMatch(/Status: In progress/);
      expect(activityLine('housing-panel', '2024/25-Q2', title)).toMatch(/Status: Paused/);
      expect(activityLine('housing-panel', '2024/25-Q3', title)).toMatch(/Status: In progress/);
    });

    it('the adaptations policy: in progress until completed in January to March 2025', () => {
      const title = 'Co-producing the adaptations policy';
      expect(activityLine('housing-panel', '2024/25-Q1', title)).toMatch(/Status: In progress/);
      expect(activityLine('housing-panel', '2024/25-Q2', title)).toMatch(/Status: In progress/);
      expect(activityLine('housing-panel', '2024/25-Q3', title)).toMatch(/Status: Completed/);
    });

    it('the short breaks review: in progress until cancelled in April to June 2025; day services move to commissioning in Q3', () => {
      expect(activityLine('health-panel', '2024/25-Q3', 'Review of short breaks for carers')).toMatch(
        /Status: In progress/,
      );
      expect(activityLine('health-panel', '2024/25-Q4', 'Review of short breaks for carers')).toMatch(
        /Status: Cancelled/,
      );
      expect(activityLine('health-panel', '2024/25-Q2', 'Recommissioning day services')).toMatch(/design stage/);
      expect(activityLine('health-panel', '2024/25-Q3', 'Recommissioning day services')).toMatch(/commissioning stage/);
    });
  });
});
