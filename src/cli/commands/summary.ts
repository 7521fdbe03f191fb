import path from 'node:path';
import { paperContext, summaryPaper } from '../../render/build-papers.js';
import { paperFiles } from '../../papers/formats.js';
import { loadTemplates } from '../../render/templates.js';
import { checkOutputFolder } from '../../write/outputs.js';
import { EXIT } from '../exit.js';
import { halfOption } from '../period-option.js';
import type { Handler } from '../handler.js';
import { loadHalfData } from '../load-period.js';
import type { SummaryOptions } from '../options.js';
import { loadEasyRead, noteWarnings, optionalDate, paperOptionsFor, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod summary --half H`: the biannual summary to the Policy and Oversight Board (and, with `--easy-read`, its Easy Read companion). */
export const summaryCommand: Handler<SummaryOptions> = async (options, _args, io) => {
  const dataDir = options.data;
  const choice = await halfOption(options.half, dataDir, io);
  const date = optionalDate(options.date);
  const loaded = await loadHalfData(io, dataDir, choice);
  if (!loaded) return EXIT.DATA;
  const { dataset, result, period: half } = loaded;
  const format = resolveFormat(options.format, dataset);
  const out = options.out;
  await checkOutputFolder(path.resolve(io.cwd, out), io);
  const ctx = paperContext(dataset, await loadTemplates(io, options.templates), date, options.charts);
  const easyRead = options.easyRead === true ? await loadEasyRead() : undefined;
  const papers = [summaryPaper(ctx, half), ...(easyRead ? [easyRead.easyReadSummaryPaper(ctx, half)] : [])];
  const files = await paperFiles(papers, format, paperOptionsFor(dataset, dataDir, io, options.referenceDoc));
  const code = await reportWrite(io, out, files, options.force === true);
  if (code === EXIT.OK) noteWarnings(io, result);
  return code;
};
