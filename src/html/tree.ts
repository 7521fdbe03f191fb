import type { Element, ElementContent, Nodes, Properties, Text } from 'hast';

/** A hast element: trees are built as data and serialised by hast-util-to-html, never written as tags. */
export function el(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** A hast text node. */
export function text(value: string): Text {
  return { type: 'text', value };
}

/** The text a node holds, as a screen reader would read it out (without markup). */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'img') return String(node.properties['alt'] ?? '');
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}

/** True for an element with this tag name. */
export function isElement(node: Nodes | undefined, tagName: string): node is Element {
  return node?.type === 'element' && node.tagName === tagName;
}

/** The element children of a node, skipping the white space between blocks. */
export function elementsOf(children: readonly (ElementContent | Nodes)[]): Element[] {
  return children.filter((c): c is Element => c.type === 'element');
}
