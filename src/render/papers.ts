import type { Chart } from '../charts/chart.js';
import type { DocumentMeta } from '../model/common.js';

/** One rendered paper, before it is written in the chosen formats. */
export interface Paper {
  /** File name without extension, a safe slug. */
  baseName: string;
  markdown: string;
  meta: DocumentMeta;
  /** The charts its Markdown links to, drawn when the paper is written. */
  charts?: readonly Chart[];
  /** An Easy Read companion: its Word and web pages take the Easy Read look (large text, rows of pictures and words). */
  easyRead?: boolean;
  /** The pictures its Markdown links to (an Easy Read companion's), drawn from their icons when the paper is written. */
  pictures?: readonly PaperPicture[];
}

/** A picture a paper links to: the file beside it, the icon it is drawn from, and its alternative text. */
export interface PaperPicture {
  file: string;
  icon: string;
  alt: string;
}

/** `all` is Markdown, Word and HTML; PDF, which needs LibreOffice, is asked for on its own. */
export type Format = 'md' | 'docx' | 'pdf' | 'html' | 'all';

/** Whether a format includes web pages. */
export function wantsHtml(format: Format): boolean {
  return format === 'html' || format === 'all';
}
