import type { FileSystem } from '../io/io.js';
import { DocxError } from './errors.js';
import { readTemplate, TEMPLATE_LIMITS, type Template } from './template.js';

/**
 * Reads the council's Word template from a file: it must be a regular file
 * (never a folder, device or FIFO, which could block), no larger than the
 * limit, checked before it is opened.
 */
export async function loadReferenceDoc(file: string, fs: Pick<FileSystem, 'stat' | 'readFile'>): Promise<Template> {
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new DocxError('bad-template', `the Word template ${file} cannot be read (${error.code === 'ENOENT' ? 'there is no such file' : (error.code ?? error.message)})`);
  });
  if (!stat.isFile()) throw new DocxError('bad-template', `the Word template ${file} is not a file`);
  if (stat.size > TEMPLATE_LIMITS.fileBytes) throw new DocxError('bad-template', `the Word template ${file} is larger than ${TEMPLATE_LIMITS.fileBytes / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await fs.readFile(file));
  return readTemplate(bytes, file);
}
