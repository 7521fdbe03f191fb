/**
 * Markdown → DOCX. The Word document is made from the very Markdown the
 * templates produce: parsed by mdast-util-from-markdown (with GFM tables),
 * mapped to Word blocks by our own small mapping (`blocks.ts`, as plain data,
 * `spec.ts`), checked for accessibility and packed byte-for-byte
 * reproducibly. A paper's blocks are written straight out as XML
 * (`write-xml.ts`) into a document docx builds round them (`paper.ts`); the
 * same blocks as docx objects give the same bytes, and are what docx lays
 * out when a Board pack's contents page needs page numbers. This module is
 * loaded only when DOCX output is asked for, so `coprod --help` never loads
 * docx.
 *
 * One paper: `markdownToDocx`. A Board pack: `boardPackDocx` (board-pack.ts).
 * A combined document from docx objects:
 *
 * ```ts
 * const ctx = createBlockContext(resolveStyle(style, meta.language));
 * const body = [
 *   ...markdownToBlocks(coverMarkdown, ctx),
 *   ...markdownToBlocks('', ctx, { newPage: true }), ...contentsBlocks(),
 *   ...papers.flatMap((p) => markdownToBlocks(p.markdown, ctx, { newPage: true })),
 * ];
 * const bytes = await packDocx(buildDocument({ meta, ctx, body, logo }), { name, sourceDateEpoch });
 * ```
 */
import type { Root } from 'mdast';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';
import type { LogoImage } from './logo.js';
import { convertPaper } from './paper.js';

export { createBlockContext, markdownToBlocks, type BlockContext, type BlockOptions } from './blocks.js';
export { parseMarkdown } from './parse.js';
export { checkDocx } from './check.js';
export { sourceDateEpochFrom } from './dates.js';
export { buildDocument, contentsBlocks, type DocumentInput } from './document.js';
export { DocxError, type DocxProblem } from './errors.js';
export { loadLogo, type LogoImage } from './logo.js';
export { packDocx, packParts, renderParts, type DocxParts, type PackOptions } from './pack.js';
export { resolveStyle, type ResolvedStyle } from './style.js';

/** Options for one paper's DOCX. */
export interface DocxOptions {
  /** The council's styling (council.style in council.yaml). */
  style?: CouncilStyle;
  /** The council's logo, already read with `loadLogo`. */
  logo?: LogoImage;
  /** The file name, for error messages; defaults to the title. */
  name?: string;
  /** SOURCE_DATE_EPOCH, for the document's dates; see `sourceDateEpochFrom`. */
  sourceDateEpoch?: number;
}

/**
 * Converts one Markdown paper to DOCX bytes. Throws a DocxError (exit 2) when
 * the result would fail the accessibility check.
 */
export async function markdownToDocx(markdown: string | Root, meta: DocumentMeta, options: DocxOptions = {}): Promise<Uint8Array> {
  const { docx } = await convertPaper({
    markdown,
    meta,
    name: options.name ?? meta.title,
    ...(options.style ? { style: options.style } : {}),
    ...(options.logo ? { logo: options.logo } : {}),
    ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
  });
  return docx;
}
