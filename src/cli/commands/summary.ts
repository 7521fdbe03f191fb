import { formatHalf, quartersOfHalf } from '../../periods/periods.js';
import { paperContext, summaryPaper } from '../../render/build-papers.js';
import { paperFiles } from '../../render/papers.js';
import { loadTemplates } from '../../render/templates.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { loadValid, optionalDate, paperOptionsFor, requireHalf, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod summary --half H`: the biannual summary to the Policy and Oversight Board. */
export const summaryCommand: Handler = async (options, _args, io) => {
  const half = requireHalf(options['half'] as string | undefined);
  const date = optionalDate(options['date']);
  // Coverage warnings are about the half's second quarter: the latest the summary reports.
  const quarters = quartersOfHalf(half);
  const loaded = await loadValid(io, String(options['data']), { quarter: quarters[1], period: { name: formatHalf(half), quarters } });
  if (!loaded) return EXIT.DATA;
  const { dataset } = loaded;
  const format = resolveFormat(options['format'] as string | undefined, dataset);
  const ctx = paperContext(dataset, await loadTemplates(io, options['templates'] as string | undefined), date);
  const files = await paperFiles([summaryPaper(ctx, half)], format, paperOptionsFor(dataset, String(options['data']), io, options['referenceDoc']));
  return reportWrite(io, String(options['out']), files, options['force'] === true);
};
