import path from 'node:path';
import { Chalk } from 'chalk';
import { formatHalf, halfOfQuarter, quartersOfHalf, type Half } from '../../periods/periods.js';
import { buildPackModel } from '../../pack/pack-model.js';
import { paperContext, quarterlyPapers, summaryPaper, type IndexedPaper } from '../../render/build-papers.js';
import { docxSettings, type PaperOptions } from '../../render/papers.js';
import type { CombinedInput } from '../../docx/board-pack.js';
import type { PaperPool } from '../../docx/pool.js';
import { loadTemplates } from '../../render/templates.js';
import { compareOutputs, sha256, writeOutputs, type OutputFile } from '../../write/outputs.js';
import { periodSlug } from '../../write/slug.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { loadValid, optionalDate, paperOptionsFor, requireHalf, resolveFormat, say } from '../shared.js';
import type { Io } from '../../io/io.js';
import { refuseConflicts } from '../write-report.js';

/** One file of the pack, as `--json` lists it. */
interface PackEntry {
  file: string;
  kind: 'pob-summary' | 'pac-quarterly' | 'index' | 'board-pack';
  body?: string;
  period: string;
  sha256: string;
  status: string;
}

/**
 * `coprod pack --half H`: validates, then renders the Board's summary and
 * every committee's update for both quarters, an index and one combined
 * Board pack DOCX, and writes them atomically; `--check` compares instead.
 */
export const packCommand: Handler = async (options, _args, io) => {
  const conversion: { pool?: PaperPool } = {};
  try {
    return await pack(options, io, conversion);
  } finally {
    await conversion.pool?.close();
  }
};

async function pack(options: Parameters<Handler>[0], io: Io, conversion: { pool?: PaperPool }): Promise<number> {
  const rendered = await renderPack(options, io, conversion);
  if (typeof rendered === 'number') return rendered;
  const { papers, half, format, docx: word, index } = rendered;
  // Nothing from here on holds the data, so its memory can be reclaimed while the rest of the papers are converted.
  const docx = word ? await word.finish() : undefined;
  const files: OutputFile[] = papers.flatMap((p, i) => [
    ...(format !== 'docx' ? [{ name: `${p.baseName}.md`, content: p.markdown }] : []),
    ...(docx ? [{ name: `${p.baseName}.docx`, content: docx.papers[i]! }] : []),
  ]);
  files.push({ name: 'index.md', content: index });
  if (docx?.combined) {
    files.push({ name: docx.combined.name, content: docx.combined.content });
    progressPrinter(io, options['quiet'] === true)(`rendered ${docx.combined.name}`);
  }

  const out = path.resolve(io.cwd, String(options['out']));
  const describe = (f: OutputFile, status: string): PackEntry => describeFile(f, status, papers, formatHalf(half));
  if (options['check'] === true) return checkPack(io, out, String(options['out']), files, describe, options['json'] === true);

  const written = await writeOutputs(out, files, io, { force: options['force'] === true });
  if (written.conflicts.length > 0 && options['force'] !== true) return refuseConflicts(io, String(options['out']), written.conflicts);
  if (options['json'] === true) {
    const status = (name: string) => (written.written.includes(name) ? 'written' : 'unchanged');
    io.stdout.write(`${JSON.stringify({ half: formatHalf(half), out: String(options['out']), files: files.map((f) => describe(f, status(f.name))) }, null, 2)}\n`);
  }
  if (options['quiet'] !== true) {
    say(io, `coprod: Board pack for ${formatHalf(half)} in ${String(options['out'])}: ${written.written.length} written, ${written.unchanged.length} unchanged.`);
  }
  return EXIT.OK;
}

/** Every paper's DOCX, in pack order, and the combined Board pack. */
interface PackDocxFiles {
  papers: Uint8Array[];
  combined: { name: string; content: Uint8Array };
}

/** A pack's Word documents under way (each paper was handed over as soon as it was rendered). */
interface PackDocx {
  finish(): Promise<PackDocxFiles>;
}

/**
 * Validates the data and renders the pack's Markdown: its papers, the index
 * and, when DOCX is wanted, the cover of the combined pack. Returns an exit
 * code when there is nothing to pack.
 */
async function renderPack(
  options: Parameters<Handler>[0],
  io: Io,
  conversion: { pool?: PaperPool },
): Promise<number | { papers: IndexedPaper[]; half: Half; format: 'md' | 'docx' | 'all'; docx?: PackDocx; index: string }> {
  const halfOption = String(options['half']);
  const date = optionalDate(options['date']);
  const dataDir = String(options['data']);
  const explicit = halfOption === 'latest' ? undefined : requireHalf(halfOption);
  const period = explicit ? { name: formatHalf(explicit), quarters: quartersOfHalf(explicit) } : undefined;
  const loaded = await loadValid(io, dataDir, { ...(period ? { quarter: period.quarters[1]!, period } : {}), quiet: options['quiet'] === true });
  if (!loaded) return EXIT.DATA;
  const { dataset, result } = loaded;
  const half: Half | undefined = explicit ?? (result.quarter ? halfOfQuarter(result.quarter) : undefined);
  if (!half) {
    say(io, 'coprod: the data has no quarterly updates yet, so there is no latest half to pack; give --half, e.g. --half 2023/24-H1');
    return EXIT.USAGE;
  }
  const format = resolveFormat((options['format'] as string | undefined) ?? 'all', dataset);
  const progress = progressPrinter(io, options['quiet'] === true);
  const ctx = paperContext(dataset, await loadTemplates(io, options['templates'] as string | undefined), date);
  const committees = dataset.council.committees.map((c) => c.id);
  const combined = format === 'md' ? undefined : `board-pack-${periodSlug(formatHalf(half))}.docx`;
  const estimatePages = options['pageNumbers'] === true;
  const word = combined ? await startPackDocx(paperOptionsFor(dataset, dataDir, io), estimatePages, conversion) : undefined;

  const papers: IndexedPaper[] = [];
  const rendered = (paper: IndexedPaper) => {
    papers.push(paper);
    word?.add(paper);
    progress(`rendered ${paper.baseName}`);
  };
  rendered(summaryPaper(ctx, half));
  for (const quarter of quartersOfHalf(half)) quarterlyPapers(ctx, quarter, committees).forEach(rendered);
  const formats = format === 'all' ? (['md', 'docx'] as const) : ([format] as const);
  const model = buildPackModel(dataset, half, papers, { formats, ...(combined ? { combined } : {}), ...(date ? { date } : {}) });
  // Made now, so that nothing kept for later holds the data.
  const whole: CombinedInput | undefined = combined
    ? {
        meta: { title: model.title, subject: `Co-production, ${model.period.words}`, author: model.council, language: dataset.council.council.language, shortTitle: `Board pack, ${model.period.words}` },
        cover: ctx.templates.render('pack-cover', model),
        name: combined,
        estimatePages,
      }
    : undefined;
  const docx: PackDocx | undefined = word && whole ? { finish: () => word.finish(whole) } : undefined;
  return { papers, half, format, ...(docx ? { docx } : {}), index: ctx.templates.render('pack-index', model) };
}

/**
 * Starts converting a pack's papers: each is handed over as soon as it is
 * rendered (a worker thread may start on it while the rest are rendered),
 * and `finish` converts the rest in this thread and the worker, then makes
 * the combined Board pack.
 */
async function startPackDocx(
  settings: PaperOptions,
  estimatePages: boolean,
  conversion: { pool?: PaperPool },
): Promise<{ add(paper: IndexedPaper): void; finish(combined: CombinedInput): Promise<PackDocxFiles> }> {
  const { settings: shared } = await docxSettings(settings);
  const { combinedPackDocx, paperJob } = await import('../../docx/board-pack.js');
  conversion.pool = (await import('../../docx/pool.js')).startPaperPool();
  const batch = conversion.pool.open();
  const markdown: string[] = [];
  return {
    add(paper) {
      markdown.push(paper.markdown);
      batch.add(paperJob({ markdown: paper.markdown, meta: paper.meta, name: `${paper.baseName}.docx` }, shared, estimatePages ? 'markdown' : 'fragments'));
    },
    async finish(combined) {
      const results = await batch.done();
      const content = await combinedPackDocx(combined, shared, results.map((result, i) => ({ markdown: markdown[i]!, result })));
      return { papers: results.map((r) => r.docx), combined: { name: combined.name, content } };
    },
  };
}

/** `--check`: exit 0 when every file in the folder matches what would be written; else name each one. */
async function checkPack(io: Io, out: string, shown: string, files: OutputFile[], describe: (f: OutputFile, s: string) => PackEntry, json: boolean): Promise<number> {
  const states = await compareOutputs(out, files, io);
  const wording: Record<string, string> = { stale: 'stale (the data has changed: run coprod pack)', missing: 'missing', edited: 'changed by hand since coprod wrote it' };
  const problems = files.filter((f) => states.get(f.name) !== 'same');
  if (json) io.stdout.write(`${JSON.stringify({ out: shown, files: files.map((f) => describe(f, states.get(f.name)!)) }, null, 2)}\n`);
  if (problems.length === 0) {
    say(io, `coprod: ${shown} is up to date (${files.length} files).`);
    return EXIT.OK;
  }
  say(io, `coprod: ${shown} does not match the data:`);
  for (const f of problems) say(io, `  ${path.join(shown, f.name)}: ${wording[states.get(f.name)!]}`);
  return EXIT.DATA;
}

function describeFile(f: OutputFile, status: string, papers: readonly IndexedPaper[], half: string): PackEntry {
  const base = f.name.replace(/\.(md|docx)$/, '');
  const paper = papers.find((p) => p.baseName === base);
  const kind = paper ? paper.kind : f.name === 'index.md' ? 'index' : 'board-pack';
  return { file: f.name, kind, ...(paper ? { body: paper.body } : {}), period: paper?.period ?? half, sha256: sha256(f.content), status };
}

/** Progress lines on stderr, only on a terminal and never with --quiet. */
function progressPrinter(io: Io, quiet: boolean): (line: string) => void {
  if (quiet || io.stderr.isTTY !== true) return () => undefined;
  const c = new Chalk({ level: useColor(io, io.stderr) ? 1 : 0 });
  return (line) => say(io, c.dim(line));
}
