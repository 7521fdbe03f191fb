import path from 'node:path';
import { Chalk } from 'chalk';
import { formatHalf, quartersOfHalf, type Half } from '../../periods/periods.js';
import { buildPackModel } from '../../pack/pack-model.js';
import { paperContext, quarterlyPapers, summaryPaper, type IndexedPaper } from '../../render/build-papers.js';
import { docxFrame, type PaperOptions } from '../../papers/formats.js';
import type { Format } from '../../render/papers.js';
import type { DocumentMeta } from '../../model/common.js';
import { loadTemplates } from '../../render/templates.js';
import type { ValidationResult } from '../../validate/validate.js';
import { checkOutputFolder, compareOutputs, sha256, writeOutputs, type OutputFile } from '../../write/outputs.js';
import { periodSlug } from '../../slug.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../handler.js';
import { chosenHalf, coverageOfHalf, halfOption } from '../period-option.js';
import { hasDataIn, loadValid, noteWarnings, optionalDate, paperOptionsFor, resolveFormat, say } from '../shared.js';
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
 * `coprod pack --half H`: validates, then renders the board's summary and
 * every committee's update for both quarters, an index and one combined
 * board pack (Word, or PDF with `--format pdf`), and writes them atomically;
 * `--check` compares instead.
 */
export const packCommand: Handler = async (options, _args, io) => {
  const rendered = await renderPack(options, io);
  if (typeof rendered === 'number') return rendered;
  const { papers, half, format, combined, index, paperOptions, warnings } = rendered;
  const word = combined ? await packDocuments(paperOptions, papers, combined, format, options['pageNumbers'] === true) : undefined;
  const extension = format === 'pdf' ? 'pdf' : 'docx';
  const files: OutputFile[] = papers.flatMap((p, i) => [
    ...(format === 'md' || format === 'all' ? [{ name: `${p.baseName}.md`, content: p.markdown }] : []),
    ...(word ? [{ name: `${p.baseName}.${extension}`, content: word.papers[i]! }] : []),
  ]);
  files.push({ name: 'index.md', content: index });
  if (word && combined) {
    files.push({ name: combined.name, content: word.combined });
    progressPrinter(io, options['quiet'] === true)(`rendered ${combined.name}`);
  }

  const out = path.resolve(io.cwd, String(options['out']));
  const describe = (f: OutputFile, status: string): PackEntry => describeFile(f, status, papers, formatHalf(half));
  if (options['check'] === true) {
    const code = await checkPack(io, out, String(options['out']), files, describe, options['json'] === true);
    if (code === EXIT.OK && options['quiet'] !== true) noteWarnings(io, warnings);
    return code;
  }

  const written = await writeOutputs(out, files, io, { force: options['force'] === true });
  if (written.conflicts.length > 0 && options['force'] !== true) return refuseConflicts(io, String(options['out']), written.conflicts);
  if (options['json'] === true) {
    const status = (name: string) => (written.written.includes(name) ? 'written' : 'unchanged');
    io.stdout.write(`${JSON.stringify({ half: formatHalf(half), out: String(options['out']), files: files.map((f) => describe(f, status(f.name))) }, null, 2)}\n`);
  }
  if (options['quiet'] !== true) {
    say(io, `coprod: board pack for ${formatHalf(half)} in ${String(options['out'])}: ${written.written.length} written, ${written.unchanged.length} unchanged.`);
    noteWarnings(io, warnings);
  }
  return EXIT.OK;
};

/** The combined pack, less its papers. */
interface CombinedPack {
  meta: DocumentMeta;
  cover: string;
  name: string;
}

/**
 * Every paper's Word document (or PDF) and the combined pack. With
 * `pageNumbers` the pack is laid out by LibreOffice until the contents page's
 * numbers are the pages where the papers begin.
 */
async function packDocuments(options: PaperOptions, papers: readonly IndexedPaper[], combined: CombinedPack, format: Format, pageNumbers: boolean): Promise<{ papers: Uint8Array[]; combined: Uint8Array }> {
  const { docx, frame } = await docxFrame(options);
  if (format === 'pdf') docx.requireEngine('--format pdf');
  const inputs = papers.map((paper) => ({ meta: paper.meta, name: `${paper.baseName}.docx`, blocks: docx.paperBlocks(frame, paper.markdown) }));
  const own = inputs.map((paper) => docx.paperDocxFromBlocks(frame, paper.meta, paper.name, paper.blocks));
  const docxName = combined.name.replace(/\.pdf$/, '.docx');
  const build = (pages: readonly (number | undefined)[]) => docx.boardPackDocx(frame, { ...combined, name: docxName, papers: inputs }, pages);
  const whole = pageNumbers ? docx.withLaidOutPageNumbers(build, inputs.map((p) => p.meta.shortTitle), docxName) : build([]);
  if (format !== 'pdf') return { papers: own, combined: whole };
  const pdf = docx.docxToPdf([...inputs.map((p, i) => ({ name: p.name, bytes: own[i]! })), { name: docxName, bytes: whole }]);
  return { papers: pdf.slice(0, -1), combined: pdf.at(-1)! };
}

/**
 * Validates the data and renders the pack's Markdown: its papers, the index
 * and, when Word or PDF is wanted, the cover of the combined pack. Returns an
 * exit code when there is nothing to pack.
 */
async function renderPack(
  options: Parameters<Handler>[0],
  io: Io,
): Promise<number | { papers: IndexedPaper[]; half: Half; format: Format; combined?: CombinedPack; index: string; paperOptions: PaperOptions; warnings: ValidationResult }> {
  const dataDir = String(options['data']);
  const choice = await halfOption(options['half'], dataDir, io);
  const date = optionalDate(options['date']);
  const loaded = await loadValid(io, dataDir, { quarter: coverageOfHalf(choice) });
  if (!loaded) return EXIT.DATA;
  const { dataset, result } = loaded;
  const half = chosenHalf(choice, result.latest);
  if (!hasDataIn(io, dataset, { name: formatHalf(half), quarters: quartersOfHalf(half) })) return EXIT.DATA;
  const format = resolveFormat(options['format'] as string | undefined, dataset);
  if (options['check'] !== true) await checkOutputFolder(path.resolve(io.cwd, String(options['out'])), io);
  const progress = progressPrinter(io, options['quiet'] === true);
  const ctx = paperContext(dataset, await loadTemplates(io, options['templates'] as string | undefined), date);
  const committees = dataset.council.committees.map((c) => c.id);
  const combinedName = format === 'md' ? undefined : `board-pack-${periodSlug(formatHalf(half))}.${format === 'pdf' ? 'pdf' : 'docx'}`;

  const papers: IndexedPaper[] = [];
  const rendered = (paper: IndexedPaper) => {
    papers.push(paper);
    progress(`rendered ${paper.baseName}`);
  };
  rendered(summaryPaper(ctx, half));
  for (const quarter of quartersOfHalf(half)) quarterlyPapers(ctx, quarter, committees).forEach(rendered);
  const formats = format === 'all' ? (['md', 'docx'] as const) : ([format] as const);
  const model = buildPackModel(dataset, half, papers, { formats, ...(combinedName ? { combined: combinedName } : {}), ...(date ? { date } : {}) });
  const combined: CombinedPack | undefined = combinedName
    ? {
        meta: { title: model.title, subject: `Co-production, ${model.period.words}`, author: model.council, language: dataset.council.council.language, shortTitle: `${model.boardWord} pack, ${model.period.words}` },
        cover: ctx.templates.render('pack-cover', model),
        name: combinedName,
      }
    : undefined;
  const paperOptions = paperOptionsFor(dataset, dataDir, io, options['referenceDoc']);
  return { papers, half, format, ...(combined ? { combined } : {}), index: ctx.templates.render('pack-index', model), paperOptions, warnings: result };
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
  const base = f.name.replace(/\.(md|docx|pdf)$/, '');
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
