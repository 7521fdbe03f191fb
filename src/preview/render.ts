import { formatPretty } from '../diagnostics/pretty.js';
import { sourceMap } from '../diagnostics/position.js';
import { EnvironmentError } from '../errors.js';
import type { Io } from '../io/io.js';
import { quartersOfHalf, formatHalf, formatQuarter } from '../periods/periods.js';
import type { HalfChoice, QuarterChoice } from '../periods/choice.js';
import { paperContext, quarterlyPapers, summaryPaper, type IndexedPaper } from '../render/build-papers.js';
import { loadTemplates } from '../render/templates.js';
import { validateFolder } from '../validate/validate.js';
import { requireCommittees } from '../cli/committee-option.js';
import { chosenHalf, chosenQuarter, coverageOfHalf, coverageOfQuarter } from '../cli/period-option.js';
import { paperOptionsFor, readFolder } from '../cli/shared.js';
import type { PaperOptions } from '../papers/formats.js';

/** What the preview shows: a quarter's updates, or a half's summary and updates, perhaps for some committees only. */
export interface PreviewRequest {
  dataDir: string;
  templates?: string;
  period: { quarter: QuarterChoice } | { half: HalfChoice };
  committees?: string[];
}

/** One render of the papers from the files as they are now: the papers, or what stopped them, as `validate` prints it. */
export type PreviewRender =
  | { ok: true; period: string; papers: IndexedPaper[]; paperOptions: PaperOptions }
  | {
      ok: false;
      problems: string;
      /** A problem with the folder, a template or an option rather than in the data. */ usage: boolean;
    };

/**
 * Reads, validates and renders the papers in memory, writing nothing. Data
 * errors come back as the text `coprod validate` prints for them (same
 * message, file, line and column, no colour); a problem with the folder, a
 * template or an option comes back as its message.
 */
export async function renderPreview(io: Io, request: PreviewRequest): Promise<PreviewRender> {
  try {
    const folder = await readFolder(request.dataDir, io);
    const coverage =
      'quarter' in request.period ? coverageOfQuarter(request.period.quarter) : coverageOfHalf(request.period.half);
    const result = validateFolder(folder, { quarter: coverage });
    if (!result.dataset || result.diagnostics.some((d) => d.severity === 'error')) {
      const sources = sourceMap([folder.council, folder.framework, ...folder.activities]);
      return { ok: false, problems: formatPretty(result.diagnostics, { sources, color: false }), usage: false };
    }
    const { dataset } = result;
    const all = dataset.council.committees.map((c) => c.id);
    if (request.committees && request.committees.length > 0) requireCommittees(request.committees, dataset.council);
    const committees =
      request.committees && request.committees.length > 0 ? all.filter((id) => request.committees!.includes(id)) : all;
    const ctx = paperContext(dataset, await loadTemplates(io, request.templates));
    const paperOptions = paperOptionsFor(dataset, request.dataDir, io, undefined);
    if ('quarter' in request.period) {
      const quarter = chosenQuarter(request.period.quarter, result.latest);
      return {
        ok: true,
        period: formatQuarter(quarter),
        papers: quarterlyPapers(ctx, quarter, committees),
        paperOptions,
      };
    }
    const half = chosenHalf(request.period.half, result.latest);
    const papers = [
      summaryPaper(ctx, half),
      ...quartersOfHalf(half).flatMap((q) => quarterlyPapers(ctx, q, committees)),
    ];
    return { ok: true, period: formatHalf(half), papers, paperOptions };
  } catch (error) {
    // A missing folder, a broken template, an unknown committee: said in words, as the commands say them.
    if (error instanceof EnvironmentError) return { ok: false, problems: `coprod: ${error.message}\n`, usage: true };
    throw error;
  }
}
