// The parser lives in src/markdown/, shared with the HTML papers, so that neither format loads the other.
export { parseMarkdown } from '../markdown/parse.js';
