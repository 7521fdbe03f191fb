/**
 * Draws charts: Vega-Lite compiles each spec to Vega, Vega lays it out and
 * writes SVG in Node (no browser, no canvas), and resvg turns the SVG into
 * PNG for Word. Text is measured and drawn in the font coprod ships, never a
 * font of the machine, so the same data gives the same bytes everywhere.
 * This module loads the charting libraries; commands reach it by import()
 * only when they draw a chart.
 */
import { Resvg } from '@resvg/resvg-js';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as opentype from 'opentype.js';
import type { Font } from 'opentype.js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { Chart, ChartLayout } from './chart.js';
import { chartFontFiles } from './font.js';
import { CHART_FONT, chartSpec } from './specs.js';

/**
 * opentype.js's parse. Its ES module build (what the bundle takes) exports it
 * by name; its CommonJS build (what Node loads when the sources run directly)
 * as a property of the one default export.
 */
const parseFont: (buffer: ArrayBuffer) => Font =
  opentype.parse ?? (opentype as unknown as { default: { parse: (buffer: ArrayBuffer) => Font } }).default.parse;

/** A chart drawn: accessible SVG, PNG at twice its size for sharp print, and its size in CSS pixels. */
export interface DrawnChart {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

/** PNG pixels per CSS pixel: 192 to the inch when shown at its own size. */
const PNG_SCALE = 2;

let fonts: { regular: Font; bold: Font; files: string[] } | undefined;

/** The chart font, read once a run; Vega measures text with it, so labels are laid out as resvg will draw them. */
function chartFonts() {
  if (!fonts) {
    const files = chartFontFiles();
    const [regular, bold] = files.map((f) => parseFont(new Uint8Array(f.bytes).buffer));
    fonts = { regular: regular!, bold: bold!, files: files.map((f) => f.path) };
    // textMetrics is exported by vega (vega-scenegraph) but missing from its typings; replacing its width is how Node renderers without a canvas measure text.
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (
      item: { fontWeight?: string | number; fontSize?: number; text?: unknown },
      text?: unknown,
    ) => {
      const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
      return (bold ? fonts!.bold : fonts!.regular).getAdvanceWidth(labelText(text ?? item.text), item.fontSize ?? 11);
    };
  }
  return fonts;
}

/** Warnings the libraries gave while drawing (tests expect none). */
export const drawWarnings: string[] = [];

const logger = {
  level: () => logger,
  error: (...args: unknown[]) => {
    throw new Error(`chart: ${args.join(' ')}`);
  },
  warn: (...args: unknown[]) => {
    drawWarnings.push(args.join(' '));
    return logger;
  },
  info: () => logger,
  debug: () => logger,
};

/** The chart as Vega draws it, in SVG. */
async function vegaSvg(chart: Chart, layout: ChartLayout): Promise<string> {
  chartFonts();
  const spec = compile(chartSpec(chart, layout) as unknown as Parameters<typeof compile>[0], {
    logger: logger,
  }).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Warn, logger: logger });
  // Clip and gradient ids count up across a run; from zero, a chart's SVG depends only on its own data.
  vega.resetSVGDefIds();
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Gives the SVG a role, a title and a description, so that a page showing it inline reads out the finding. */
function accessibleSvg(svg: string, chart: Chart): { svg: string; width: number; height: number } {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement!;
  const id = `coprod-${chart.file.replace(/\.png$/, '')}`;
  const title = doc.createElementNS(root.namespaceURI, 'title');
  title.setAttribute('id', `${id}-title`);
  title.appendChild(doc.createTextNode(chart.title));
  const desc = doc.createElementNS(root.namespaceURI, 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.appendChild(doc.createTextNode(chart.alt));
  root.insertBefore(desc, root.firstChild);
  root.insertBefore(title, desc);
  root.setAttribute('role', 'img');
  root.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  root.removeAttribute('aria-label');
  root.removeAttribute('aria-roledescription');
  return {
    svg: new XMLSerializer().serializeToString(doc),
    width: Number(root.getAttribute('width')),
    height: Number(root.getAttribute('height')),
  };
}

/** The chart as an SVG document with `role="img"`, a `<title>` and a `<desc>`, for a page to show inline. */
export async function chartSvg(chart: Chart, layout: ChartLayout): Promise<string> {
  return accessibleSvg(await vegaSvg(chart, layout), chart).svg;
}

/** The chart as SVG and PNG, drawn at `layout`. */
export async function drawChart(chart: Chart, layout: ChartLayout): Promise<DrawnChart> {
  const { svg, width, height } = accessibleSvg(await vegaSvg(chart, layout), chart);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: {
      fontFiles: chartFonts().files,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT,
    },
    logLevel: 'off',
  })
    .render()
    .asPng();
  return { svg, png: new Uint8Array(png), width, height };
}

/** The text Vega asks to measure: a string, a number, or the lines of a multi-line label. */
function labelText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'number') return String(text);
  if (Array.isArray(text)) return text.map(labelText).join(' ');
  return '';
}
