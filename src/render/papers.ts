import type { DocumentMeta } from '../model/common.js';

/** One rendered paper, before it is written in the chosen formats. */
export interface Paper {
  /** File name without extension, a safe slug. */
  baseName: string;
  markdown: string;
  meta: DocumentMeta;
}

/** `all` is Markdown and Word; PDF, which needs LibreOffice, is asked for on its own. */
export type Format = 'md' | 'docx' | 'pdf' | 'all';
