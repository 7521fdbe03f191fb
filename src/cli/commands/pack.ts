import path from 'node:path';
import { Chalk } from 'chalk';
import type { Io } from '../../io/io.js';
import { describePackFile, type PackEntry } from '../../pack/listing.js';
import { packFiles } from '../../pack/documents.js';
import { renderPack } from '../../pack/render.js';
import { formatHalf } from '../../periods/periods.js';
import { paperContext } from '../../render/build-papers.js';
import { loadTemplates } from '../../render/templates.js';
import { checkOutputFolder, compareOutputs, sha256, writeOutputs, type OutputFile } from '../../write/outputs.js';
import { useColor } from '../color.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../handler.js';
import { loadHalfData } from '../load-period.js';
import type { PackOptions } from '../options.js';
import { halfOption } from '../period-option.js';
import { loadEasyRead, noteWarnings, optionalDate, paperOptionsFor, resolveFormat, say } from '../shared.js';
import { refuseConflicts } from '../write-report.js';

/**
 * `coprod pack --half H`: validates, then renders the board's summary and
 * every committee's update for both quarters, an index and one combined
 * board pack (Word, or PDF with `--format pdf`), and writes them atomically;
 * `--check` compares instead. The pack itself is made in src/pack/.
 */
export const packCommand: Handler<PackOptions> = async (options, _args, io) => {
  const dataDir = options.data;
  const shown = options.out;
  const quiet = options.quiet === true;
  const check = options.check === true;
  const json = options.json === true;
  const choice = await halfOption(options.half, dataDir, io);
  const date = optionalDate(options.date);
  const loaded = await loadHalfData(io, dataDir, choice);
  if (!loaded) return EXIT.DATA;
  const { dataset, result, period: half } = loaded;
  const format = resolveFormat(options.format, dataset);
  const out = path.resolve(io.cwd, shown);
  if (!check) await checkOutputFolder(out, io);
  const progress = progressPrinter(io, quiet);
  const ctx = paperContext(dataset, await loadTemplates(io, options.templates), date, options.charts);
  const easyRead = options.easyRead === true ? await loadEasyRead() : undefined;
  const pack = renderPack(ctx, half, format, (paper) => progress(`rendered ${paper.baseName}`), easyRead);
  const files = await packFiles(
    pack,
    paperOptionsFor(dataset, dataDir, io, options.referenceDoc),
    options.pageNumbers === true,
  );
  if (pack.combined) progress(`rendered ${pack.combined.name}`);

  const describe = (f: OutputFile, status: string): PackEntry =>
    describePackFile(f, status, pack.papers, formatHalf(half), sha256);
  if (check) {
    const code = await checkPack(io, out, shown, files, describe, json);
    if (code === EXIT.OK && !quiet) noteWarnings(io, result);
    return code;
  }

  const force = options.force === true;
  const written = await writeOutputs(out, files, io, { force });
  if (written.conflicts.length > 0 && !force) return refuseConflicts(io, shown, written.conflicts);
  if (json) {
    const status = (name: string) => (written.written.includes(name) ? 'written' : 'unchanged');
    io.stdout.write(
      `${JSON.stringify({ half: formatHalf(half), out: shown, files: files.map((f) => describe(f, status(f.name))) }, null, 2)}\n`,
    );
  }
  if (!quiet) {
    say(
      io,
      `coprod: board pack for ${formatHalf(half)} in ${shown}: ${written.written.length} written, ${written.unchanged.length} unchanged.`,
    );
    noteWarnings(io, result);
  }
  return EXIT.OK;
};

/** `--check`: exit 0 when every file in the folder matches what would be written; else name each one. */
async function checkPack(
  io: Io,
  out: string,
  shown: string,
  files: OutputFile[],
  describe: (f: OutputFile, s: string) => PackEntry,
  json: boolean,
): Promise<number> {
  const states = await compareOutputs(out, files, io);
  const wording: Record<string, string> = {
    stale: 'stale (the data has changed: run coprod pack)',
    missing: 'missing',
    edited: 'changed by hand since coprod wrote it',
  };
  const problems = files.filter((f) => states.get(f.name) !== 'same');
  if (json)
    io.stdout.write(
      `${JSON.stringify({ out: shown, files: files.map((f) => describe(f, states.get(f.name)!)) }, null, 2)}\n`,
    );
  if (problems.length === 0) {
    say(io, `coprod: ${shown} is up to date (${files.length} files).`);
    return EXIT.OK;
  }
  say(io, `coprod: ${shown} does not match the data:`);
  for (const f of problems) say(io, `  ${path.join(shown, f.name)}: ${wording[states.get(f.name)!]}`);
  return EXIT.DATA;
}

/** Progress lines on stderr, only on a terminal and never with --quiet. */
function progressPrinter(io: Io, quiet: boolean): (line: string) => void {
  if (quiet || io.stderr.isTTY !== true) return () => undefined;
  const c = new Chalk({ level: useColor(io, io.stderr) ? 1 : 0 });
  return (line) => say(io, c.dim(line));
}
