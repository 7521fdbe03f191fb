/**
 * Markdown → DOCX, one way: the Markdown the templates produce is parsed by
 * mdast-util-from-markdown (with GFM tables), mapped to Word blocks as plain
 * data (`blocks.ts`, `spec.ts`), written out as WordprocessingML by one writer
 * (`writer.ts`) into a template document (`template.ts`: the council's own,
 * or the built-in one the docx package builds), checked for accessibility and
 * packed byte-for-byte reproducibly (`assemble.ts`). A Board pack is the same
 * writer writing every paper into one document (`board-pack.ts`). This module
 * is loaded only when DOCX output is asked for, so `coprod --help` never
 * loads docx.
 */
import type { Root } from 'mdast';
import type { DocumentMeta } from '../model/common.js';
import { paperDocx, prepareFrame, type DocxSettings } from './paper.js';

export { createBlockContext, markdownToBlocks, type BlockContext } from './blocks.js';
export { parseMarkdown } from './parse.js';
export { checkDocx } from './check.js';
export { sourceDateEpochFrom } from './dates.js';
export { DocxError, type DocxProblem } from './errors.js';
export { loadLogo, type LogoImage } from './logo.js';
export { resolveStyle, type ResolvedStyle } from './style.js';
export { builtInTemplate, readTemplate, type Template } from './template.js';
export {
  paperBlocks,
  paperDocx,
  paperDocxFromBlocks,
  prepareFrame,
  templateDocx,
  type DocxSettings,
  type Frame,
  type PaperInput,
} from './paper.js';
export { boardPackDocx, type BoardPackInput, type PackPaper } from './board-pack.js';
export { docxToPdf, requireEngine, withLaidOutPageNumbers } from './layout.js';
export { assembleParts, zipDocx } from './assemble.js';

/**
 * Converts one Markdown paper to DOCX bytes with a frame made for it. Throws
 * a DocxError (exit 2) when the result would fail the accessibility check.
 */
export async function markdownToDocx(
  markdown: string | Root,
  meta: DocumentMeta,
  options: DocxSettings & { name?: string } = {},
): Promise<Uint8Array> {
  const frame = await prepareFrame(options, meta.author, meta.language);
  return paperDocx(frame, { markdown, meta, name: options.name ?? meta.title });
}
