import type { Io } from '../io/io.js';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';
import type { OutputFile } from '../write/outputs.js';

/** One rendered paper, before it is written in the chosen formats. */
export interface Paper {
  /** File name without extension, a safe slug. */
  baseName: string;
  markdown: string;
  meta: DocumentMeta;
}

export type Format = 'md' | 'docx' | 'all';

/** What turning papers into files needs: the council's style, the data folder its logo is in, and the file system and environment. */
export interface PaperOptions {
  style?: CouncilStyle;
  dataDir: string;
  /** The logo is read through `fs`; SOURCE_DATE_EPOCH is read from `env`. */
  io: Pick<Io, 'fs' | 'env'>;
}

/** The council's DOCX settings for this run: style, logo (read once) and SOURCE_DATE_EPOCH. Loads the docx code. */
export async function docxSettings(options: PaperOptions) {
  // docx is loaded only when DOCX is produced, so other commands and --help stay fast.
  const docx = await import('../docx/convert.js');
  const settings = {
    ...(options.style ? { style: options.style } : {}),
    logo: await docx.loadLogo(options.style, options.dataDir, options.io.fs),
    sourceDateEpoch: docx.sourceDateEpochFrom(options.io.env),
  };
  return { docx, settings };
}

/** Turns papers into the files to write: Markdown, DOCX made from that same Markdown, or both. */
export async function paperFiles(papers: readonly Paper[], format: Format, options: PaperOptions): Promise<OutputFile[]> {
  const docx = format === 'docx' || format === 'all' ? await docxFiles(papers, options) : undefined;
  return papers.flatMap((paper, i) => [
    ...(format === 'md' || format === 'all' ? [{ name: `${paper.baseName}.md`, content: paper.markdown }] : []),
    ...(docx ? [{ name: `${paper.baseName}.docx`, content: docx[i]! }] : []),
  ]);
}

/** Each paper's DOCX, converted in this thread and, for large papers, a worker thread. */
async function docxFiles(papers: readonly Paper[], options: PaperOptions): Promise<Uint8Array[]> {
  const { settings } = await docxSettings(options);
  const pool = (await import('../docx/pool.js')).startPaperPool();
  try {
    const results = await pool.convert(papers.map((paper) => ({ markdown: paper.markdown, meta: paper.meta, name: `${paper.baseName}.docx`, ...settings })));
    return results.map((r) => r.docx);
  } finally {
    await pool.close();
  }
}
