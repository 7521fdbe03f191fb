import path from 'node:path';
import { paperContext, quarterlyPapers } from '../../render/build-papers.js';
import { paperFiles } from '../../papers/formats.js';
import { loadTemplates } from '../../render/templates.js';
import type { CouncilFile } from '../../schema/council.js';
import { checkOutputFolder } from '../../write/outputs.js';
import { requireCommittees } from '../committee-option.js';
import { EXIT } from '../exit.js';
import { quarterOption } from '../period-option.js';
import type { Handler } from '../handler.js';
import { loadQuarterData } from '../load-period.js';
import type { ReportOptions } from '../options.js';
import { loadEasyRead, noteWarnings, optionalDate, paperOptionsFor, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/**
 * `coprod report --quarter Q`: one quarterly update per committee. Every
 * check that can stop it (options, data, period, committees, output folder,
 * templates) comes before any rendering; the count of warnings comes last.
 */
export const reportCommand: Handler<ReportOptions> = async (options, _args, io) => {
  const dataDir = options.data;
  const choice = await quarterOption(options.quarter, dataDir, io);
  const date = optionalDate(options.date);
  const loaded = await loadQuarterData(io, dataDir, choice);
  if (!loaded) return EXIT.DATA;
  const { dataset, result, period: quarter } = loaded;
  const committees = selectCommittees(dataset.council, options.committee);
  const format = resolveFormat(options.format, dataset);
  const out = options.out;
  await checkOutputFolder(path.resolve(io.cwd, out), io);
  const ctx = paperContext(dataset, await loadTemplates(io, options.templates), date, options.charts);
  const easyRead = options.easyRead === true ? await loadEasyRead() : undefined;
  const companions = easyRead?.easyReadQuarterlyPapers(ctx, quarter, committees);
  const papers = quarterlyPapers(ctx, quarter, committees).flatMap((p, i) => [
    p,
    ...(companions ? [companions[i]!] : []),
  ]);
  const files = await paperFiles(papers, format, paperOptionsFor(dataset, dataDir, io, options.referenceDoc));
  const code = await reportWrite(io, out, files, options.force === true);
  if (code === EXIT.OK) noteWarnings(io, result);
  return code;
};

/** The committees asked for, in council order; an unknown id is a usage error with a suggestion. */
export function selectCommittees(council: CouncilFile, wanted: string[] | undefined): string[] {
  const all = council.committees.map((c) => c.id);
  if (!wanted || wanted.length === 0) return all;
  requireCommittees(wanted, council);
  return all.filter((id) => wanted.includes(id));
}
