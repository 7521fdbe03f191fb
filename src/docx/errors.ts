import { EnvironmentError } from '../errors.js';

/** Why a DOCX could not be made: a closed set, so tests assert the code, not the wording. */
export type DocxProblem =
  | 'heading-skipped'
  | 'table-without-header'
  | 'image-without-alt-text'
  | 'no-title'
  | 'no-language'
  | 'low-contrast'
  | 'malformed-xml'
  | 'logo-missing'
  | 'logo-format'
  | 'bad-template'
  | 'no-libreoffice';

/**
 * A DOCX that coprod refuses to write, or cannot make: an accessibility check
 * failed, or the council's logo is missing or not an image Word can show.
 * The CLI prints the message and exits 2, as for any environment error.
 */
export class DocxError extends EnvironmentError {
  constructor(
    readonly code: DocxProblem,
    message: string,
  ) {
    super(message);
  }
}
