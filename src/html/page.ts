import type { Element, ElementContent, Root } from 'hast';
import type { Root as MarkdownRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { parseMarkdown } from '../markdown/parse.js';
import { pageCss } from './css.js';
import type { HtmlFrame } from './frame.js';
import { shapePaper, type ContentsEntry } from './structure.js';
import { el, text } from './tree.js';

/** What a page is made from: a paper's Markdown, its title and its language. */
export interface HtmlPaper {
  markdown: string;
  meta: { title: string; language: string };
}

/** What `coprod preview` adds to a page: a notice at the top of the paper and its reload script. Published papers have neither. */
export interface PageExtras {
  notice?: Element;
  script?: string;
  /**
   * The paper's charts, drawn, by the image file its Markdown links: each is
   * shown inline as its SVG (with `role="img"`, a title and a description),
   * so the page stays one self-contained file.
   */
  charts?: ReadonlyMap<string, { svg: string }>;
  /**
   * An Easy Read companion's pictures, drawn, by the image file its Markdown
   * links: a paragraph that starts with one becomes a row, the picture's SVG
   * (with `role="img"` and its alternative text) beside the words.
   */
  pictures?: ReadonlyMap<string, { svg: string }>;
  /** The Easy Read look: larger text, more space, rows of pictures and words. */
  easyRead?: boolean;
}

const NEWLINE = text('\n');

/**
 * One paper as a complete, self-contained web page, from the same Markdown as
 * the other formats: parsed to mdast, turned into hast, shaped for the web
 * (see `shapePaper`), set in the page's landmarks (a skip link, a header with
 * the council's logo and name, the contents as a nav, the paper as main, a
 * footer), and serialised by hast-util-to-html. The same input always gives
 * the same bytes. No script: the page reads the same without one.
 */
export function paperHtml(frame: HtmlFrame, paper: HtmlPaper, extras: PageExtras = {}): string {
  return pageHtml(frame, parseMarkdown(paper.markdown), paper.meta, extras);
}

/** A page from a Markdown tree, for pages coprod makes as trees rather than from a template (the preview's own). */
export function pageHtml(
  frame: HtmlFrame,
  markdown: MarkdownRoot,
  meta: HtmlPaper['meta'],
  extras: PageExtras = {},
): string {
  const tree = toHast(markdown) as Root;
  if (extras.charts) inlineCharts(tree, extras.charts);
  if (extras.pictures) pictureRows(tree, extras.pictures);
  const parts = shapePaper(tree, meta.title);
  const notice = extras.notice ? [NEWLINE, extras.notice] : [];
  const main = el('main', { id: 'main', tabIndex: -1 }, [
    parts.h1,
    ...notice,
    ...parts.intro,
    ...(parts.contents.length > 0 ? [NEWLINE, contentsNav(parts.contents), NEWLINE] : []),
    ...parts.sections,
  ]);
  const page = el('div', { className: ['page'] }, [
    NEWLINE,
    banner(frame),
    NEWLINE,
    main,
    NEWLINE,
    footer(frame, meta.title),
    NEWLINE,
  ]);
  const script = extras.script ? [el('script', {}, [text(extras.script)]), NEWLINE] : [];
  const body = el('body', {}, [
    NEWLINE,
    el('a', { href: '#main', className: ['skip-link'] }, [text('Skip to main content')]),
    NEWLINE,
    page,
    NEWLINE,
    ...script,
  ]);
  const head = el('head', {}, [
    NEWLINE,
    el('meta', { charSet: 'utf-8' }),
    NEWLINE,
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    NEWLINE,
    el('title', {}, [text(meta.title)]),
    NEWLINE,
    el('style', {}, [text(pageCss(frame.look, { easyRead: extras.easyRead === true }))]),
    NEWLINE,
  ]);
  const root: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      NEWLINE,
      el('html', { lang: meta.language }, [NEWLINE, head, NEWLINE, body, NEWLINE]),
      NEWLINE,
    ],
  };
  // Raw nodes are only the charts' and pictures' SVG, which coprod drew itself (Vega and xmldom escape every text they write).
  return toHtml(root, { allowDangerousHtml: true });
}

/** Replaces each image that links a drawn chart with the chart's SVG, in a figure, so no file beside the page is needed. */
function inlineCharts(node: Root | Element, charts: ReadonlyMap<string, { svg: string }>): void {
  node.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    const src = child.tagName === 'img' ? String(child.properties['src'] ?? '') : '';
    const chart = charts.get(src);
    if (chart) node.children[i] = el('span', { className: ['chart'] }, [{ type: 'raw', value: chart.svg }]);
    else inlineCharts(child, charts);
  });
}

/**
 * Each paragraph that starts with a picture the paper supplies becomes a row:
 * the picture's SVG, then the words in their own paragraph, side by side
 * (the stylesheet lays them out; no layout table).
 */
function pictureRows(node: Root | Element, pictures: ReadonlyMap<string, { svg: string }>): void {
  node.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    const first = child.children[0];
    const picture =
      child.tagName === 'p' && first?.type === 'element' && first.tagName === 'img'
        ? pictures.get(String(first.properties['src'] ?? ''))
        : undefined;
    if (!picture) return pictureRows(child, pictures);
    const words = child.children.slice(1);
    const lead = words[0];
    if (lead?.type === 'text') words[0] = text(lead.value.trimStart());
    node.children[i] = el('div', { className: ['picture-row'] }, [
      el('span', { className: ['picture'] }, [{ type: 'raw', value: picture.svg }]),
      el('p', {}, words),
    ]);
  });
}

/** The council's logo (with its alternative text) and name, above the paper. */
function banner(frame: HtmlFrame): Element {
  const logo = frame.logo
    ? [el('img', { src: frame.logo.src, alt: frame.logo.alt, width: frame.logo.width, height: frame.logo.height })]
    : [];
  return el('header', { className: ['banner'] }, [...logo, el('p', {}, [text(frame.council)])]);
}

/** The paper's sections and their sub-sections, as a list of links. */
function contentsNav(contents: readonly ContentsEntry[]): Element {
  return el('nav', { className: ['contents'], ariaLabelledBy: ['contents'] }, [
    el('h2', { id: 'contents' }, [text('Contents')]),
    contentsList(contents),
  ]);
}

function contentsList(entries: readonly ContentsEntry[]): Element {
  const items: ElementContent[] = entries.map((entry) =>
    el('li', {}, [
      el('a', { href: `#${entry.id}` }, [text(entry.label)]),
      ...(entry.children.length > 0 ? [contentsList(entry.children)] : []),
    ]),
  );
  return el('ul', {}, items);
}

function footer(frame: HtmlFrame, title: string): Element {
  return el('footer', { className: ['paper-footer'] }, [el('p', {}, [text(`${frame.council}. ${title}.`)])]);
}
