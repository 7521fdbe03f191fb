import { formatHalf, quartersOfHalf, type Half } from '../periods/periods.js';
import type { DocumentMeta } from '../model/common.js';
import { quarterlyPapers, summaryPaper, type IndexedPaper, type PaperContext } from '../render/build-papers.js';
import type { Format } from '../render/papers.js';
import { periodSlug } from '../slug.js';
import type { EasyReadPapers } from '../easy-read/papers.js';
import { buildPackModel } from './model.js';

/** The combined pack, less its papers. */
export interface CombinedPack {
  meta: DocumentMeta;
  cover: string;
  name: string;
}

/** The pack's Markdown: its papers, its index and, when Word or PDF is wanted, the cover of the combined pack. */
export interface RenderedPack {
  half: Half;
  format: Format;
  papers: IndexedPaper[];
  index: string;
  /** The index's title and language, for the index as a web page. */
  indexMeta: { title: string; language: string };
  combined?: CombinedPack;
}

/**
 * Renders a half's board pack: the board's summary, then every committee's
 * update for each quarter of the half, in council order, the index and the
 * cover. With `easyRead` (the Easy Read module, loaded for `--easy-read`),
 * each paper is followed by its Easy Read companion. `rendered` hears of
 * each paper as it is made, for progress lines.
 */
export function renderPack(
  ctx: PaperContext,
  half: Half,
  format: Format,
  rendered: (paper: IndexedPaper) => void = () => undefined,
  easyRead?: EasyReadPapers,
): RenderedPack {
  const { dataset } = ctx;
  const committees = dataset.council.committees.map((c) => c.id);
  const combinedName =
    format === 'md' || format === 'html'
      ? undefined
      : `board-pack-${periodSlug(formatHalf(half))}.${format === 'pdf' ? 'pdf' : 'docx'}`;
  const papers: IndexedPaper[] = [];
  const add = (paper: IndexedPaper) => {
    papers.push(paper);
    rendered(paper);
  };
  add(summaryPaper(ctx, half));
  if (easyRead) add(easyRead.easyReadSummaryPaper(ctx, half));
  for (const quarter of quartersOfHalf(half)) {
    const companions = easyRead?.easyReadQuarterlyPapers(ctx, quarter, committees);
    quarterlyPapers(ctx, quarter, committees).forEach((paper, i) => {
      add(paper);
      if (companions) add(companions[i]!);
    });
  }
  const formats = format === 'all' ? (['md', 'docx', 'html'] as const) : ([format] as const);
  const model = buildPackModel(dataset, half, papers, {
    formats,
    ...(combinedName ? { combined: combinedName } : {}),
    ...(ctx.date ? { date: ctx.date } : {}),
  });
  const combined: CombinedPack | undefined = combinedName
    ? {
        meta: {
          title: model.title,
          subject: `Co-production, ${model.period.words}`,
          author: model.council,
          language: dataset.council.council.language,
          shortTitle: `${model.boardWord} pack, ${model.period.words}`,
        },
        cover: ctx.templates.render('pack-cover', model),
        name: combinedName,
      }
    : undefined;
  const indexMeta = { title: model.title, language: dataset.council.council.language };
  return {
    half,
    format,
    papers,
    index: ctx.templates.render('pack-index', model),
    indexMeta,
    ...(combined ? { combined } : {}),
  };
}
