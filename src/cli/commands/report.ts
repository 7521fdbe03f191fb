import { formatQuarter } from '../../periods/periods.js';
import { paperContext, quarterlyPapers } from '../../render/build-papers.js';
import { paperFiles } from '../../render/papers.js';
import { loadTemplates } from '../../render/templates.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { loadValid, optionalDate, paperOptionsFor, requireCommittee, requireQuarter, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod report --quarter Q`: one quarterly update per committee. */
export const reportCommand: Handler = async (options, _args, io) => {
  const quarter = requireQuarter(options['quarter'] as string | undefined);
  const date = optionalDate(options['date']);
  const loaded = await loadValid(io, String(options['data']), { quarter, period: { name: formatQuarter(quarter), quarters: [quarter] } });
  if (!loaded) return EXIT.DATA;
  const { dataset } = loaded;
  const format = resolveFormat(options['format'] as string | undefined, dataset);
  const committees = selectCommittees(dataset.council.committees.map((c) => c.id), options['committee'] as string[] | undefined);
  const ctx = paperContext(dataset, await loadTemplates(io, options['templates'] as string | undefined), date);
  const papers = quarterlyPapers(ctx, quarter, committees);
  const files = await paperFiles(papers, format, paperOptionsFor(dataset, String(options['data']), io, options['referenceDoc']));
  return reportWrite(io, String(options['out']), files, options['force'] === true);
};

/** The committees asked for, in council order; an unknown id is a usage error. */
export function selectCommittees(all: string[], wanted: string[] | undefined): string[] {
  if (!wanted || wanted.length === 0) return all;
  for (const id of wanted) requireCommittee(id, all);
  return all.filter((id) => wanted.includes(id));
}
