import { formatHalf, formatQuarter, type Half, type Quarter } from '../periods/periods.js';
import { buildLookup, type Lookup } from '../model/lookup.js';
import { buildQuarterlyModel, type QuarterlyModel } from '../model/quarterly.js';
import { buildSummaryModel, type SummaryModel } from '../model/summary.js';
import { UsageError } from '../errors.js';
import type { Dataset } from '../validate/dataset.js';
import { quarterlyCharts, summaryCharts } from '../charts/build.js';
import { periodSlug, slugify } from '../slug.js';
import type { Paper } from './papers.js';
import type { TemplateSet } from './templates.js';

/** What every paper is rendered with. */
export interface PaperContext {
  dataset: Dataset;
  templates: TemplateSet;
  lookup: Lookup;
  /** Meeting date (ISO) overriding the council calendar. */
  date?: string;
  /** Whether papers have charts: `--no-charts` and the council's `style.charts: false` turn them off. */
  charts: boolean;
  /** The view models built so far, by period (and committee): a paper and its Easy Read companion share one. */
  models: { quarterly: Map<string, QuarterlyModel>; summary: Map<string, SummaryModel> };
}

export function paperContext(dataset: Dataset, templates: TemplateSet, date?: string, charts = true): PaperContext {
  return {
    dataset,
    templates,
    lookup: buildLookup(dataset),
    ...(date ? { date } : {}),
    charts: charts && dataset.council.council.style?.charts !== false,
    models: { quarterly: new Map(), summary: new Map() },
  };
}

/** A committee's quarterly view model, built once a run. */
export function quarterlyModelOf(ctx: PaperContext, quarter: Quarter, committee: string): QuarterlyModel {
  const key = `${formatQuarter(quarter)}\u0000${committee}`;
  let model = ctx.models.quarterly.get(key);
  if (!model) {
    model = buildQuarterlyModel(ctx.dataset, quarter, committee, ctx.date ? { date: ctx.date } : {}, ctx.lookup);
    ctx.models.quarterly.set(key, model);
  }
  return model;
}

/** The board's summary view model for a half, built once a run. */
export function summaryModelOf(ctx: PaperContext, half: Half): SummaryModel {
  const key = formatHalf(half);
  let model = ctx.models.summary.get(key);
  if (!model) {
    model = buildSummaryModel(ctx.dataset, half, ctx.date ? { date: ctx.date } : {}, ctx.lookup);
    ctx.models.summary.set(key, model);
  }
  return model;
}

/** A paper with what an index or a pack needs to say about it. */
export interface IndexedPaper extends Paper {
  kind: 'pac-quarterly' | 'pob-summary' | 'easy-read-quarterly' | 'easy-read-summary';
  /** Committee or board id. */
  body: string;
  /** Committee or board name. */
  bodyName: string;
  /** `2023/24-Q1` or `2023/24-H1`. */
  period: string;
}

/** The quarterly update of each committee for a quarter, in council order. */
export function quarterlyPapers(ctx: PaperContext, quarter: Quarter, committees: readonly string[]): IndexedPaper[] {
  const papers = committees.map((id): IndexedPaper => {
    const model = quarterlyModelOf(ctx, quarter, id);
    const baseName = quarterlyBaseName(id, quarter);
    const charts = ctx.charts ? quarterlyCharts(model, ctx.lookup, quarter, baseName) : undefined;
    return {
      kind: 'pac-quarterly',
      body: id,
      bodyName: model.committee.name,
      period: formatQuarter(quarter),
      baseName,
      markdown: ctx.templates.render('pac-quarterly', { ...model, charts }),
      meta: model.meta,
      charts: charts?.all ?? [],
    };
  });
  assertDistinctNames(papers);
  return papers;
}

/** The Board's biannual summary for a half. */
export function summaryPaper(ctx: PaperContext, half: Half): IndexedPaper {
  const model = summaryModelOf(ctx, half);
  const board = ctx.dataset.council.board;
  const charts = ctx.charts ? summaryCharts(model, ctx.lookup, half, summaryBaseName(ctx, half)) : undefined;
  return {
    kind: 'pob-summary',
    body: board.id,
    bodyName: board.name,
    period: formatHalf(half),
    baseName: summaryBaseName(ctx, half),
    markdown: ctx.templates.render('pob-summary', { ...model, charts }),
    meta: model.meta,
    charts: charts?.all ?? [],
  };
}

/** The file name of a committee's quarterly update, without extension: `economy-pac-2023-24-q1`. */
export function quarterlyBaseName(committee: string, quarter: Quarter): string {
  return `${slugify(committee)}-${periodSlug(formatQuarter(quarter))}`;
}

/** The file name of the board's summary, without extension: `pob-2023-24-h1`. */
export function summaryBaseName(ctx: PaperContext, half: Half): string {
  return `${slugify(ctx.dataset.council.board.id)}-${periodSlug(formatHalf(half))}`;
}

/** Two bodies whose ids make the same file name are an error, never an overwrite. */
export function assertDistinctNames(papers: readonly IndexedPaper[]): void {
  const seen = new Map<string, string>();
  for (const p of papers) {
    const other = seen.get(p.baseName);
    if (other !== undefined) {
      throw new UsageError(
        `"${other}" and "${p.body}" would both be written to ${p.baseName}; give one of them a different id in council.yaml`,
      );
    }
    seen.set(p.baseName, p.body);
  }
}
