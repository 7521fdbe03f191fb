/** Markdown → accessible, self-contained web pages; loaded only when HTML is made. */
export { loadHtmlFrame, type HtmlFrame } from './frame.js';
export { pageHtml, paperHtml, type HtmlPaper, type PageExtras } from './page.js';
export { el, text } from './tree.js';
