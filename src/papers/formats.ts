import type { Io } from '../io/io.js';
import type { DrawnChart } from '../charts/draw.js';
import type { DrawnPicture } from '../easy-read/draw.js';
import { wantsHtml, type Format, type Paper } from '../render/papers.js';
import type { CouncilStyle } from '../schema/council.js';

/** A file to write: its name in the output folder and its content. */
export interface PaperFile {
  name: string;
  content: string | Uint8Array;
}

/** What turning papers into files needs: the council's style and Word template, the data folder its logo is in, and the file system and environment. */
export interface PaperOptions {
  style?: CouncilStyle;
  /** The council's Word template, an absolute path. */
  referenceDoc?: string;
  council: string;
  language: string;
  dataDir: string;
  /** The logo and template are read through `fs`; SOURCE_DATE_EPOCH is read from `env`. */
  io: Pick<Io, 'fs' | 'env'>;
}

/** The frame of this run's web pages: the council's look and logo. Loads the HTML code. */
export async function htmlFrame(options: PaperOptions) {
  // Loaded only when HTML is made, as docx is for Word.
  const html = await import('../html/pages.js');
  const frame = await html.loadHtmlFrame({
    ...(options.style ? { style: options.style } : {}),
    council: options.council,
    language: options.language,
    dataDir: options.dataDir,
    fs: options.io.fs,
  });
  return { html, frame };
}

/** The charts of some papers, drawn, by file name. */
export type DrawnCharts = ReadonlyMap<string, DrawnChart>;

/**
 * Draws every chart of the papers, at the text width of the Word documents
 * (`textWidth`, in twentieths of a point, when Word is made) so that a chart
 * is shown at its own size and its text at least at the body text's. Loads
 * the charting libraries only when some paper has a chart.
 */
export async function drawCharts(
  papers: readonly Paper[],
  options: PaperOptions,
  textWidth?: number,
): Promise<DrawnCharts> {
  const charts = papers.flatMap((p) => p.charts ?? []);
  if (charts.length === 0) return new Map();
  const [{ drawChart }, { chartLayout, DEFAULT_CHART_WIDTH }] = await Promise.all([
    import('../charts/draw.js'),
    import('../charts/chart.js'),
  ]);
  const width =
    textWidth === undefined ? DEFAULT_CHART_WIDTH : Math.min(DEFAULT_CHART_WIDTH, Math.floor(textWidth / 15));
  const drawn = new Map<string, DrawnChart>();
  for (const chart of charts)
    drawn.set(
      chart.file,
      await drawChart(chart, chartLayout(options.style?.fontSize, Math.floor(width * (chart.share ?? 1)))),
    );
  return drawn;
}

/** The pictures of some papers (their Easy Read rows'), drawn, by file name. */
export type DrawnPictures = ReadonlyMap<string, DrawnPicture>;

/** Draws every picture of the papers from its icon; loads the drawing code only when some paper has a picture. */
export async function drawPictures(papers: readonly Paper[]): Promise<DrawnPictures> {
  const pictures = papers.flatMap((p) => p.pictures ?? []);
  if (pictures.length === 0) return new Map();
  const { drawPicture } = await import('../easy-read/draw.js');
  return new Map(pictures.map((p) => [p.file, drawPicture(p)]));
}

/** The charts and pictures of some papers, drawn: what their Markdown links to, by file name. */
export interface DrawnImages {
  charts: DrawnCharts;
  pictures: DrawnPictures;
}

/** The image files of a paper's charts and pictures, to write beside its Markdown. */
export function chartFiles(paper: Paper, drawn: DrawnImages): PaperFile[] {
  return [
    ...(paper.charts ?? []).map((c) => ({ name: c.file, content: drawn.charts.get(c.file)!.png })),
    ...(paper.pictures ?? []).map((p) => ({ name: p.file, content: drawn.pictures.get(p.file)!.png })),
  ];
}

/** What a paper's Word document embeds: its charts and pictures as PNG. */
export function imagesOf(drawn: DrawnImages): ReadonlyMap<string, { png: Uint8Array; width: number; height: number }> {
  return new Map<string, { png: Uint8Array; width: number; height: number }>([...drawn.charts, ...drawn.pictures]);
}

/**
 * The Word frames a run needs: the council's (its style, its Word template,
 * its logo) for formal papers, and the Easy Read one (the built-in template
 * with the Easy Read look) for companions, each made only when some paper
 * needs it. The docx code, the template and the logo are loaded once, as is
 * SOURCE_DATE_EPOCH.
 */
export async function docxFrames(papers: readonly Paper[], options: PaperOptions) {
  // docx is loaded only when Word or PDF output is made, so other commands and --help stay fast.
  const docx = await import('../docx/convert.js');
  const wantFormal = papers.some((p) => !p.easyRead);
  const wantEasy = papers.some((p) => p.easyRead);
  const template =
    options.referenceDoc && wantFormal
      ? await (await import('../docx/reference.js')).loadReferenceDoc(options.referenceDoc, options.io.fs)
      : undefined;
  const logo = await docx.loadLogo(options.style, options.dataDir, options.io.fs);
  const sourceDateEpoch = docx.sourceDateEpochFrom(options.io.env);
  const prepare = (easyRead: boolean) =>
    docx.prepareFrame(
      {
        ...(options.style ? { style: options.style } : {}),
        ...(template && !easyRead ? { template } : {}),
        ...(logo ? { logo } : {}),
        ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
        ...(easyRead ? { easyRead } : {}),
      },
      options.council,
      options.language,
    );
  const formal = wantFormal ? await prepare(false) : undefined;
  const easy = wantEasy ? await prepare(true) : undefined;
  return {
    docx,
    frameOf: (paper: Paper) => (paper.easyRead ? easy! : formal!),
    textWidth: formal?.template.textWidth,
  };
}

/** The charts (at the Word text width `textWidth` when Word is made) and the pictures of some papers, drawn. */
export async function drawImages(
  papers: readonly Paper[],
  options: PaperOptions,
  textWidth?: number,
): Promise<DrawnImages> {
  return { charts: await drawCharts(papers, options, textWidth), pictures: await drawPictures(papers) };
}

/** What a paper's web page shows inline: its charts, and its pictures with the Easy Read look. */
export function pageImages(paper: Paper, drawn: DrawnImages) {
  return { charts: drawn.charts, pictures: drawn.pictures, ...(paper.easyRead ? { easyRead: true } : {}) };
}

/** Turns papers into the files to write: Markdown with its charts' images beside it, DOCX made from that same Markdown, PDF made from the DOCX, and HTML made from the same Markdown. */
export async function paperFiles(
  papers: readonly Paper[],
  format: Format,
  options: PaperOptions,
): Promise<PaperFile[]> {
  const wantMd = format === 'md' || format === 'all';
  const wantDocx = format === 'docx' || format === 'all' || format === 'pdf';
  let docx: Uint8Array[] | undefined;
  let pdf: Uint8Array[] | undefined;
  let drawn: DrawnImages;
  if (wantDocx && papers.length > 0) {
    const { docx: lib, frameOf, textWidth } = await docxFrames(papers, options);
    if (format === 'pdf') lib.requireEngine('--format pdf');
    drawn = await drawImages(papers, options, textWidth);
    const images = imagesOf(drawn);
    docx = papers.map((paper) =>
      lib.paperDocx(frameOf(paper), {
        markdown: paper.markdown,
        meta: paper.meta,
        name: `${paper.baseName}.docx`,
        images,
      }),
    );
    if (format === 'pdf')
      pdf = lib.docxToPdf(papers.map((paper, i) => ({ name: `${paper.baseName}.docx`, bytes: docx![i]! })));
  } else {
    drawn = await drawImages(papers, options);
  }
  let pages: string[] | undefined;
  if (wantsHtml(format)) {
    const { html, frame } = await htmlFrame(options);
    pages = papers.map((paper) => html.paperHtml(frame, paper, pageImages(paper, drawn)));
  }
  return papers.flatMap((paper, i) => [
    ...(wantMd ? [{ name: `${paper.baseName}.md`, content: paper.markdown }, ...chartFiles(paper, drawn)] : []),
    ...(docx && format !== 'pdf' ? [{ name: `${paper.baseName}.docx`, content: docx[i]! }] : []),
    ...(pdf ? [{ name: `${paper.baseName}.pdf`, content: pdf[i]! }] : []),
    ...(pages ? [{ name: `${paper.baseName}.html`, content: pages[i]! }] : []),
  ]);
}
