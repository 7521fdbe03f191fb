import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxError } from './errors.js';

/** Namespace of WordprocessingML elements. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** What a walk over one XML part reacts to. */
export interface XmlHandlers {
  open?: (tag: SaxesTagNS) => void;
  close?: (tag: SaxesTagNS) => void;
  text?: (text: string) => void;
}

/**
 * Parses one XML part of a DOCX with a strict, namespace-aware parser and
 * reports its elements and text; a part that is not well-formed XML is an
 * error naming the document and the part, so no file Word cannot open is written.
 */
export function walkXml(xml: string, document: string, part: string, handlers: XmlHandlers = {}): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', handlers.close);
  if (handlers.text) parser.on('text', handlers.text);
  parser.write(xml).close();
  if (failure)
    throw new DocxError(
      'malformed-xml',
      `${document}: the part ${part} is not well-formed XML (${failure.message}); this is a bug in coprod, please report it`,
    );
}

/** A WordprocessingML attribute's value, e.g. `w:val`. */
export function wAttr(tag: SaxesTagNS, local: string): string | undefined {
  for (const name in tag.attributes) {
    const attr = tag.attributes[name]!;
    if (attr.local === local && (attr.uri === W || attr.uri === '')) return attr.value;
  }
  return undefined;
}

/** Whether `tag` is the WordprocessingML element `w:<local>`. */
export function isW(tag: SaxesTagNS, local: string): boolean {
  return tag.uri === W && tag.local === local;
}
