/**
 * Draws the Easy Read pictures from their Tabler icons: an accessible SVG
 * (`role="img"`, a title and an `aria-label`) for web pages, and a PNG made
 * by resvg for Word. Both depend only on the icon and the colour, so the
 * same picture gives the same bytes on every run. Loaded only when an Easy
 * Read companion is written.
 */
import { Resvg } from '@resvg/resvg-js';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { PaperPicture } from '../render/papers.js';
import { iconSource } from './icons.js';

/** A picture drawn: SVG for pages, PNG for Word, and its size in CSS pixels. */
export interface DrawnPicture {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** Shown at 72 CSS pixels (1.9 cm) square, beside the words; the PNG has three pixels to each for sharp print. */
export const PICTURE_SIZE = 72;
const PNG_SCALE = 3;

/** Near-black lines, as the text: 19:1 on white. */
const INK = '#0b0c0c';

/** The icon as an SVG document of the picture's size and colour, with its alternative text. */
function pictureSvg(picture: PaperPicture): string {
  const doc = new DOMParser().parseFromString(iconSource(picture.icon), 'image/svg+xml');
  const root = doc.documentElement!;
  root.removeAttribute('class');
  root.setAttribute('width', String(PICTURE_SIZE));
  root.setAttribute('height', String(PICTURE_SIZE));
  root.setAttribute('color', INK);
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', picture.alt);
  root.setAttribute('focusable', 'false');
  const title = doc.createElementNS(root.namespaceURI, 'title');
  title.appendChild(doc.createTextNode(picture.alt));
  root.insertBefore(title, root.firstChild);
  return new XMLSerializer().serializeToString(doc);
}

/** A picture as SVG and PNG. */
export function drawPicture(picture: PaperPicture): DrawnPicture {
  const svg = pictureSvg(picture);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: PICTURE_SIZE * PNG_SCALE },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return { svg, png: new Uint8Array(png), width: PICTURE_SIZE, height: PICTURE_SIZE };
}
