import type { Nodes } from 'mdast';
import { stripXmlInvalid } from '../diagnostics/characters.js';

/**
 * The text a reader would see in a node: its value, or its children's text
 * joined; an image contributes its alternative text (or, lacking any, its
 * address). Used wherever a node has no Word equivalent, so its words are
 * kept rather than dropped.
 */
export function textContent(node: Nodes): string {
  if (node.type === 'image') return node.alt || node.url;
  if (node.type === 'imageReference') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textContent).join('');
  return '';
}

/**
 * Text safe to put in Word's XML. Validation already reports characters Word
 * cannot store; this is the last line of defence so a file is never unreadable.
 */
export function wordSafe(text: string): string {
  return stripXmlInvalid(text);
}
