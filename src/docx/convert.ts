import { UsageError } from '../errors.js';
import type { DocumentMeta } from '../model/common.js';
import type { CouncilStyle } from '../schema/council.js';

/** Markdown → DOCX. */
export async function markdownToDocx(_markdown: string, _meta: DocumentMeta, _options: { style?: CouncilStyle; dataDir: string }): Promise<Uint8Array> {
  throw new UsageError('DOCX output is being built; use --format md for now');
}
