import path from 'node:path';
import { formatHalf, quartersOfHalf } from '../../periods/periods.js';
import { paperContext, summaryPaper } from '../../render/build-papers.js';
import { paperFiles } from '../../papers/formats.js';
import { loadTemplates } from '../../render/templates.js';
import { checkOutputFolder } from '../../write/outputs.js';
import { EXIT } from '../exit.js';
import { chosenHalf, coverageOfHalf, halfOption } from '../period-option.js';
import type { Handler } from '../handler.js';
import type { SummaryOptions } from '../options.js';
import { hasDataIn, loadValid, noteWarnings, optionalDate, paperOptionsFor, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod summary --half H`: the biannual summary to the Policy and Oversight Board. */
export const summaryCommand: Handler<SummaryOptions> = async (options, _args, io) => {
  const dataDir = options.data;
  const choice = await halfOption(options.half, dataDir, io);
  const date = optionalDate(options.date);
  const loaded = await loadValid(io, dataDir, { quarter: coverageOfHalf(choice) });
  if (!loaded) return EXIT.DATA;
  const { dataset, result } = loaded;
  const half = chosenHalf(choice, result.latest);
  if (!hasDataIn(io, dataset, { name: formatHalf(half), quarters: quartersOfHalf(half) })) return EXIT.DATA;
  const format = resolveFormat(options.format, dataset);
  const out = options.out;
  await checkOutputFolder(path.resolve(io.cwd, out), io);
  const ctx = paperContext(dataset, await loadTemplates(io, options.templates), date, options.charts);
  const files = await paperFiles(
    [summaryPaper(ctx, half)],
    format,
    paperOptionsFor(dataset, dataDir, io, options.referenceDoc),
  );
  const code = await reportWrite(io, out, files, options.force === true);
  if (code === EXIT.OK) noteWarnings(io, result);
  return code;
};
