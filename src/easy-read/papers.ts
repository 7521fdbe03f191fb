import { formatHalf, formatQuarter, type Half, type Quarter } from '../periods/periods.js';
import {
  assertDistinctNames,
  quarterlyBaseName,
  quarterlyModelOf,
  summaryBaseName,
  summaryModelOf,
  type IndexedPaper,
  type PaperContext,
} from '../render/build-papers.js';
import type { Terms } from '../model/terms.js';
import type { EasyReadDocument } from './document.js';
import { easyReadQuarterly } from './quarterly.js';
import { easyReadSummary } from './summary.js';
import { easyReadView } from './view.js';

/**
 * The Easy Read companions as papers, rendered through their templates
 * (`easy-read-summary.md.hbs`, `easy-read-quarterly.md.hbs`, which a council
 * may override like the others). The CLI loads this module only for
 * `--easy-read`.
 */

/** A companion's file name: the formal paper's, with `-easy-read`. */
export function easyReadBaseName(formal: string): string {
  return `${formal}-easy-read`;
}

/** A companion rendered through its template, with the pictures it links. */
function paperOf(
  ctx: PaperContext,
  doc: EasyReadDocument,
  template: 'easy-read-summary' | 'easy-read-quarterly',
  baseName: string,
  terms: Terms,
): Pick<IndexedPaper, 'baseName' | 'markdown' | 'meta' | 'pictures' | 'easyRead'> {
  const view = easyReadView(doc, terms, ctx.dataset.council.easyRead, baseName);
  return {
    baseName,
    markdown: ctx.templates.render(template, view),
    meta: doc.meta,
    pictures: view.pictures,
    easyRead: true,
  };
}

/** The Easy Read companion to the board's summary for a half. */
export function easyReadSummaryPaper(ctx: PaperContext, half: Half): IndexedPaper {
  const model = summaryModelOf(ctx, half);
  const baseName = easyReadBaseName(summaryBaseName(ctx, half));
  return {
    kind: 'easy-read-summary',
    body: model.board.id,
    bodyName: model.board.name,
    period: formatHalf(half),
    ...paperOf(ctx, easyReadSummary(model, ctx.lookup), 'easy-read-summary', baseName, model.terms),
  };
}

/** The Easy Read companion to each committee's quarterly update, in council order. */
export function easyReadQuarterlyPapers(
  ctx: PaperContext,
  quarter: Quarter,
  committees: readonly string[],
): IndexedPaper[] {
  const papers = committees.map((id): IndexedPaper => {
    const model = quarterlyModelOf(ctx, quarter, id);
    const baseName = easyReadBaseName(quarterlyBaseName(id, quarter));
    return {
      kind: 'easy-read-quarterly',
      body: id,
      bodyName: model.committee.name,
      period: formatQuarter(quarter),
      ...paperOf(ctx, easyReadQuarterly(model, ctx.lookup), 'easy-read-quarterly', baseName, model.terms),
    };
  });
  assertDistinctNames(papers);
  return papers;
}

/** What the pack and the commands use of this module, once loaded. */
export interface EasyReadPapers {
  easyReadSummaryPaper: typeof easyReadSummaryPaper;
  easyReadQuarterlyPapers: typeof easyReadQuarterlyPapers;
}
