/**
 * The papers' one stylesheet, inlined in each page so a file is complete on
 * its own: the council's font and heading colour, text that reflows down to
 * 320 CSS pixels (and so at 400% zoom) with no sideways scrolling of the
 * page, tables that scroll inside their own region instead, a visible focus,
 * and an A4 print layout.
 */

/** What the stylesheet takes from the council. */
export interface PageLook {
  /** The font family name, as the council gives it. */
  font: string;
  /** Body text size in points (12 or more). */
  size: number;
  /** Heading colour, six hex digits with enough contrast on white. */
  headingColour: string;
}

/** Black text, Word's link blue (5.9:1 on white, and underlined), and GOV.UK's focus yellow with black. */
const TEXT = '#0b0c0c';
const LINK = '#0563c1';
const FOCUS = '#ffdd00';

/**
 * A CSS string literal for any text: every character but letters, digits,
 * spaces and hyphens written as a CSS escape, so a font name can never end
 * the string, the rule or the style element.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    out += /^[A-Za-z0-9 -]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/**
 * What the Easy Read look adds: text of at least 1.25rem (16pt at 100%
 * zoom) with 1.5 line spacing, more space between paragraphs and rows, and
 * each row a picture on the left and the words on the right, laid out by
 * flexbox (no layout table), the words below the picture on a narrow screen.
 */
function easyReadCss(look: PageLook): string {
  const size = `${Math.round((Math.max(16, look.size) / 12) * 10000) / 10000}rem`;
  return `
body{font-size:${size};line-height:1.5}
p,li{max-width:36em}
main p{margin:0 0 1em}
h2{margin-top:2em}
.picture-row{display:flex;align-items:center;gap:1.25em;margin:0 0 1.25em}
.picture-row .picture{flex:0 0 auto;line-height:0}
.picture-row .picture svg{display:block;width:4.5rem;height:4.5rem}
.picture-row p{margin:0;flex:1 1 14em;min-width:0}
.picture-row strong{white-space:nowrap}
@media (max-width:24em){.picture-row{flex-wrap:wrap;gap:0.5em}}
@media print{body{font-size:${Math.max(16, look.size)}pt}.picture-row{break-inside:avoid}}
`;
}

/** The stylesheet for a page; `easyRead` adds the Easy Read look. */
export function pageCss(look: PageLook, options: { easyRead?: boolean } = {}): string {
  const heading = `#${look.headingColour.toLowerCase()}`;
  // Points to rem: 12pt is the browser's 16px, so a council's 14pt stays 14pt at 100% zoom.
  const base = `${Math.round((look.size / 12) * 10000) / 10000}rem`;
  return `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:${TEXT};background:#fff;font-family:${cssString(look.font)},Arial,Helvetica,sans-serif;font-size:${base};line-height:1.5;overflow-wrap:break-word}
.page{max-width:46em;margin:0 auto;padding:0 1em}
header.banner{border-bottom:0.5em solid ${heading};padding:1em 0;margin-bottom:1.5em}
header.banner p{margin:0;font-weight:700;font-size:1.125em}
header.banner img{display:block;max-width:100%;height:auto;margin-bottom:0.5em}
.chart svg{display:block;max-width:100%;height:auto}
h1,h2,h3,h4,h5,h6{color:${heading};line-height:1.25;margin:1.5em 0 0.5em}
h1{font-size:2em;margin-top:0}
h2{font-size:1.5em}
h3{font-size:1.25em}
h4,h5,h6{font-size:1em}
@media (max-width:40em){h1{font-size:1.625em}h2{font-size:1.375em}}
p,li{max-width:40em}
a{color:${LINK};text-decoration:underline;text-underline-offset:0.15em}
a:hover{text-decoration-thickness:0.15em}
a:focus,[tabindex]:focus{outline:3px solid transparent;background:${FOCUS};color:${TEXT};box-shadow:0 -2px ${FOCUS},0 4px ${TEXT};text-decoration:none}
.table-region:focus,main:focus{background:none;box-shadow:none;outline:3px solid ${TEXT};outline-offset:2px}
main:focus:not(:focus-visible){outline:none}
.skip-link{position:absolute;left:0;top:-100em;padding:0.5em 1em;background:${FOCUS};color:${TEXT}}
.skip-link:focus{top:0}
nav.contents{border-left:0.25em solid ${heading};padding:0.25em 0 0.25em 1em;margin:1.5em 0}
nav.contents h2{margin-top:0;font-size:1.25em}
nav.contents ul{margin:0;padding-left:0;list-style:none}
nav.contents ul ul{padding-left:1.25em}
nav.contents li{margin:0.25em 0}
.table-region{overflow-x:auto;max-width:100%;margin:1em 0 1.5em}
table{border-collapse:collapse;min-width:100%}
caption{text-align:left;font-weight:700;padding:0 0 0.5em}
caption:not(.visually-hidden){position:sticky;left:0;max-width:calc(100vw - 2em)}
th,td{border:1px solid #505a5f;padding:0.4em 0.6em;text-align:left;vertical-align:top;min-width:4em}
thead th{background:#e7e6e6}
tbody th{font-weight:400}
.visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;clip-path:inset(50%)!important;white-space:nowrap!important;border:0!important}
.notice{border:0.25em solid #d4351c;padding:0.5em 1em;margin:1em 0 1.5em}
.notice h2{margin-top:0.25em;color:${TEXT}}
.notice pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.875em;background:#f3f2f1;padding:0.5em}
footer.paper-footer{border-top:1px solid #b1b4b6;margin-top:3em;padding:1em 0 2em;font-size:0.875em}
@page{size:A4;margin:2cm 2cm 2.5cm}
@media print{
body{font-size:${look.size}pt}
.page{max-width:none;padding:0}
.skip-link{display:none}
a{color:inherit}
.table-region{overflow:visible}
tr,img{break-inside:avoid}
h1,h2,h3,h4,caption{break-after:avoid}
thead{display:table-header-group}
}
${options.easyRead ? easyReadCss(look).trimStart() : ''}`.trimStart();
}
