import path from 'node:path';
import { UsageError } from '../../errors.js';
import { formatQuarter } from '../../periods/periods.js';
import { buildLookup } from '../../model/lookup.js';
import { buildQuarterlyModel } from '../../model/quarterly.js';
import { paperFiles, type Paper } from '../../render/papers.js';
import { loadTemplates } from '../../render/templates.js';
import { isRealIsoDate } from '../../schema/primitives.js';
import { periodSlug, slugify } from '../../write/slug.js';
import { EXIT } from '../exit.js';
import type { Handler } from '../registry.js';
import { loadValid, requireQuarter, resolveFormat } from '../shared.js';
import { reportWrite } from '../write-report.js';

/** `coprod report --quarter Q`: one quarterly update per committee. */
export const reportCommand: Handler = async (options, _args, io) => {
  const quarter = requireQuarter(options['quarter'] as string | undefined);
  const date = options['date'] as string | undefined;
  if (date !== undefined && !isRealIsoDate(date)) throw new UsageError(`--date must be a real date written YYYY-MM-DD (got "${date}")`);
  const loaded = await loadValid(io, String(options['data']), { quarter });
  if (!loaded) return EXIT.DATA;
  const { dataset } = loaded;
  const format = resolveFormat(options['format'] as string | undefined, dataset);
  const committees = selectCommittees(dataset.council.committees.map((c) => c.id), options['committee'] as string[] | undefined);
  const templates = await loadTemplates(io, options['templates'] as string | undefined);
  const lookup = buildLookup(dataset);
  const papers: Paper[] = committees.map((id) => {
    const model = buildQuarterlyModel(dataset, quarter, id, date ? { date } : {}, lookup);
    return { baseName: `${slugify(id)}-${periodSlug(formatQuarter(quarter))}`, markdown: templates.render('pac-quarterly', model), meta: model.meta };
  });
  assertDistinctNames(papers, committees);
  const files = await paperFiles(papers, format, { style: dataset.council.council.style, dataDir: path.resolve(io.cwd, String(options['data'])), io });
  return reportWrite(io, String(options['out']), files, options['force'] === true);
};

/** The committees asked for, in council order; an unknown id is a usage error. */
export function selectCommittees(all: string[], wanted: string[] | undefined): string[] {
  if (!wanted || wanted.length === 0) return all;
  const unknown = wanted.filter((id) => !all.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown committee ${unknown.join(', ')}; the committees are: ${all.join(', ')}`);
  return all.filter((id) => wanted.includes(id));
}

/** Two committee ids that make the same file name are an error, never an overwrite. */
export function assertDistinctNames(papers: readonly Paper[], ids: readonly string[]): void {
  const seen = new Map<string, string>();
  papers.forEach((p, i) => {
    const other = seen.get(p.baseName);
    if (other !== undefined) throw new UsageError(`committees "${other}" and "${ids[i]}" would both be written to ${p.baseName}; give one of them a different id`);
    seen.set(p.baseName, ids[i]!);
  });
}
