import type { Root as MarkdownRoot } from 'mdast';
import type { Element } from 'hast';
import type { HtmlFrame } from '../html/frame.js';
import { el, pageHtml, paperHtml, text } from '../html/pages.js';
import type { IndexedPaper } from '../render/build-papers.js';

/** The papers last rendered without a problem, and how to show them. */
export interface GoodRender {
  period: string;
  papers: readonly IndexedPaper[];
  frame: HtmlFrame;
}

/** What the preview serves at one moment: every page by its path, and a version that changes with every render. */
export interface Site {
  version: number;
  pages: ReadonlyMap<string, string>;
}

/**
 * The preview's pages: an index at `/` and each paper at `/NAME.html`, with
 * the same HTML as `--format html` writes plus, in preview only, a notice of
 * the data's problems and a small script that reloads the page when the
 * papers change. The last good papers stay reachable while the data has
 * problems.
 */
export function buildSite(
  good: GoodRender | undefined,
  problems: string | undefined,
  version: number,
  fallback: HtmlFrame,
): Site {
  const script = reloadScript(version);
  const notice = problems === undefined ? undefined : problemNotice(problems, good !== undefined);
  const frame = good?.frame ?? fallback;
  const pages = new Map<string, string>();
  pages.set(
    '/',
    pageHtml(
      frame,
      indexTree(good),
      { title: good ? `Preview of the papers for ${good.period}` : 'coprod preview', language: frame.language },
      { script, ...(notice ? { notice } : {}) },
    ),
  );
  for (const paper of good?.papers ?? [])
    pages.set(`/${paper.baseName}.html`, paperHtml(frame, paper, { script, ...(notice ? { notice } : {}) }));
  return { version, pages };
}

/** The index as a Markdown tree: built as data, so no title needs escaping. */
function indexTree(good: GoodRender | undefined): MarkdownRoot {
  const heading = good ? `Preview of the papers for ${good.period}` : 'coprod preview';
  const intro = good
    ? 'Each paper as the HTML format writes it, made again whenever a data, template or council file changes. coprod preview writes nothing to disk.'
    : 'No paper could be made from the data yet. This page changes as soon as the problems below are fixed.';
  return {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: heading }] },
      { type: 'paragraph', children: [{ type: 'text', value: intro }] },
      ...(good && good.papers.length > 0
        ? [
            {
              type: 'list' as const,
              ordered: false,
              spread: false,
              children: good.papers.map((p) => ({
                type: 'listItem' as const,
                spread: false,
                children: [
                  {
                    type: 'paragraph' as const,
                    children: [
                      {
                        type: 'link' as const,
                        url: `${p.baseName}.html`,
                        children: [{ type: 'text' as const, value: p.meta.title }],
                      },
                    ],
                  },
                ],
              })),
            },
          ]
        : []),
    ],
  };
}

/** The data's problems, as `coprod validate` prints them, at the top of every page. */
function problemNotice(problems: string, stale: boolean): Element {
  return el('div', { className: ['notice'], role: 'alert' }, [
    el('h2', {}, [text('The data has problems')]),
    el('p', {}, [
      text(
        stale
          ? 'This is the last version of the papers that could be made. It changes again as soon as these problems are fixed:'
          : 'No paper could be made yet. This page changes as soon as these problems are fixed:',
      ),
    ]),
    el('pre', {}, [text(problems)]),
  ]);
}

/**
 * Reloads the page when the server says the papers changed (keeping the
 * reader's place). The server sends its version on connecting too, so a
 * change made while the page loaded is not missed. The paper reads the same
 * without it.
 */
function reloadScript(version: number): string {
  return `(() => {
  const key = 'coprod-preview-scroll';
  const y = sessionStorage.getItem(key);
  if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(y)); }
  const events = new EventSource('/events');
  events.onmessage = (event) => {
    if (event.data === '${version}') return;
    sessionStorage.setItem(key, String(window.scrollY));
    window.location.reload();
  };
})();`;
}
