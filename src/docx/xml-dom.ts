import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { DocxError } from './errors.js';
import { W } from './xml.js';

/**
 * The parts of a template document that coprod changes (styles, numbering,
 * relationships, content types, settings, headers) are edited as DOM trees
 * with @xmldom/xmldom: elements found by namespace and name, attributes set
 * through the DOM, never text rewritten with patterns.
 */

export { W };
/** Namespace of relationship ids in WordprocessingML attributes (`r:id`). */
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Namespace of a package's relationships parts. */
export const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** Namespace of `[Content_Types].xml`. */
export const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** Parses one XML part; a part that is not well-formed is an error naming the document and part. */
export function parseXml(xml: string, document: string, part: string): Document {
  let failure: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') failure ??= message;
    },
  });
  const doc = parser.parseFromString(xml, 'text/xml');
  if (failure !== undefined || !doc.documentElement) {
    throw new DocxError(
      'bad-template',
      `${document}: the part ${part} is not well-formed XML (${failure ?? 'no root element'})`,
    );
  }
  return doc;
}

/** Serialises a part with the XML declaration Word writes. */
export function serializeXml(doc: Document): string {
  const body = new XMLSerializer().serializeToString(doc.documentElement!);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;
}

/** The element children of `parent` named `local` in namespace `ns`, in order. */
export function childrenNamed(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (
      node.nodeType === node.ELEMENT_NODE &&
      (node as Element).namespaceURI === ns &&
      (node as Element).localName === local
    )
      out.push(node as Element);
  }
  return out;
}

/** The first element child named `local` in `ns`, if any. */
export function childNamed(parent: Element, ns: string, local: string): Element | undefined {
  return childrenNamed(parent, ns, local)[0];
}

/** Every descendant element named `local` in `ns`, in document order. */
export function descendantsNamed(parent: Element | Document, ns: string, local: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, local));
}

/** A WordprocessingML attribute (`w:val`, `w:styleId` …). */
export function wAttr(element: Element, local: string): string | undefined {
  return element.getAttributeNS(W, local) ?? undefined;
}

/** A new element in the WordprocessingML namespace, with `w:` attributes. */
export function wElement(doc: Document, local: string, attributes: Record<string, string> = {}): Element {
  const element = doc.createElementNS(W, `w:${local}`);
  for (const [name, value] of Object.entries(attributes)) element.setAttributeNS(W, `w:${name}`, value);
  return element;
}

/** Parses a fragment of WordprocessingML (one element) and imports it into `doc`. */
export function importFragment(doc: Document, xml: string, document: string): Element {
  const wrapped = parseXml(`<w:root xmlns:w="${W}" xmlns:r="${R}">${xml}</w:root>`, document, 'fragment');
  const first = wrapped.documentElement!.firstChild;
  if (!first || first.nodeType !== first.ELEMENT_NODE)
    throw new DocxError('malformed-xml', `${document}: an empty fragment; this is a bug in coprod, please report it`);
  return doc.importNode(first, true) as Element;
}

/** An Office relationship type, e.g. `officeRelationship('styles')`. */
export function officeRelationship(kind: string): string {
  return `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
}

/** The first relationship of `type` in a relationships part. */
export function relationshipOfType(rels: Document, type: string): Element | undefined {
  return descendantsNamed(rels, PR, 'Relationship').find((r) => r.getAttribute('Type') === type);
}
