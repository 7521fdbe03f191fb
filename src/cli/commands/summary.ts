import path from 'node:path';
import { UsageError } from '../../errors.js';
import { formatHalf, quartersOfHalf } from '../../periods/periods.js';
import { buildSummaryModel } from '../../model/summary.js';
import { paperFiles } from '../../render/papers.js';
import { loadTemplates } from '../../render/templates.js';
import { isRealIsoDate } from '../../schema/primitives.js';
import { periodSlug, slugify } from '../../write/slug.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { loadValid, requireHalf, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod summary --half H`: the biannual summary to the Policy and Oversight Board. */
export const summaryCommand: Handler = async (options, _args, io) => {
  const half = requireHalf(options['half'] as string | undefined);
  const date = options['date'] as string | undefined;
  if (date !== undefined && !isRealIsoDate(date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD (got "${date}")`);
  // Coverage warnings are about the half's second quarter: the latest the summary reports.
  const loaded = await loadValid(io, String(options['data']), { quarter: quartersOfHalf(half)[1] });
  if (!loaded) return EXIT.DATA;
  const { dataset } = loaded;
  const format = resolveFormat(options['format'] as string | undefined, dataset);
  const templates = await loadTemplates(io, options['templates'] as string | undefined);
  const model = buildSummaryModel(dataset, half, date ? { date } : {});
  const paper = { baseName: `${slugify(dataset.council.board.id)}-${periodSlug(formatHalf(half))}`, markdown: templates.render('pob-summary', model), meta: model.meta };
  const files = await paperFiles([paper], format, { style: dataset.council.council.style, dataDir: path.resolve(io.cwd, String(options['data'])) });
  return reportWrite(io, String(options['out']), files, options['force'] === true);
};
