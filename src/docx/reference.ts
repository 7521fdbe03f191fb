import type { FileSystem } from '../io/io.js';
import { readUserFile } from '../io/read-file.js';
import { DocxError } from './errors.js';
import { readTemplate, TEMPLATE_LIMITS, type Template } from './template.js';

/**
 * Reads the council's Word template from a file, as every file a user names
 * is read (`readUserFile`): a regular file (never a folder, device or FIFO,
 * which could block), no larger than the limit, checked before it is opened.
 */
export async function loadReferenceDoc(file: string, fs: FileSystem): Promise<Template> {
  const read = await readUserFile(fs, file, { maxBytes: TEMPLATE_LIMITS.fileBytes });
  if (!read.ok)
    throw new DocxError('bad-template', `the Word template ${file} cannot be used: this file ${read.problem.message}`);
  return readTemplate(read.bytes, file);
}
