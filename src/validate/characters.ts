import { visit } from 'yaml';
import type { SourceFile } from '../load/source.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Characters that cannot appear in a Word document's XML: C0 controls other
 * than tab, line feed and carriage return; U+FFFE and U+FFFF; lone surrogates.
 */
// eslint-disable-next-line no-control-regex
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeChar(s: string): string {
  return `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Reports every text value (and key) containing a character Word cannot store. */
export function checkCharacters(source: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!source.doc) return out;
  visit(source.doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const m = XML_INVALID.exec(node.value);
      if (!m) return;
      out.push({
        code: 'invalid-character',
        severity: 'error',
        message: `text contains the character ${describeChar(m[0])}, which cannot be put in a Word document`,
        file: source.path,
        ...(node.range ? { range: [node.range[0], node.range[1]] as const } : {}),
        hint: 'delete the character (it is often invisible, pasted from another program)',
      });
    },
  });
  return out;
}

/** Removes characters Word cannot store; used by writers as a last line of defence. */
export function stripXmlInvalid(text: string): string {
  return text.replace(new RegExp(XML_INVALID.source, 'g'), '');
}

