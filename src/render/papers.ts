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

/** Turns papers into the files to write: Markdown, DOCX made from that same Markdown, or both. */
export async function paperFiles(papers: readonly Paper[], format: Format, options: { style?: CouncilStyle; dataDir: string }): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const wantDocx = format === 'docx' || format === 'all';
  const toDocx = wantDocx ? (await import('../docx/convert.js')).markdownToDocx : undefined;
  for (const paper of papers) {
    if (format === 'md' || format === 'all') files.push({ name: `${paper.baseName}.md`, content: paper.markdown });
    if (toDocx) files.push({ name: `${paper.baseName}.docx`, content: await toDocx(paper.markdown, paper.meta, options) });
  }
  return files;
}
