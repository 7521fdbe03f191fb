import type { AlignType, Nodes, Parent, PhrasingContent, Root, TableCell, TableRow } from 'mdast';
import MarkdownIt, { type Token } from 'markdown-it';

/**
 * CommonMark with GFM tables, as the templates write it. markdown-it parses
 * several times faster than micromark, which matters in a Board pack of many
 * papers; its tokens are turned into the same mdast tree micromark gives, so
 * the rest of coprod (and the tests' independent micromark reader) see one
 * shape. Links are kept as written: markdown-it's URL percent-encoding and
 * its refusal of some schemes would change what a reader is shown, and the
 * Word mapping decides itself which links it follows (`isExternal`).
 */
const parser = new MarkdownIt('commonmark').enable('table');
parser.validateLink = () => true;
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (url) => url;

/**
 * Parses the Markdown the templates produce (CommonMark and GFM tables) into
 * an mdast tree: the one parser behind every format made from a paper's
 * Markdown (Word and HTML).
 */
export function parseMarkdown(markdown: string): Root {
  const root: Root = { type: 'root', children: [] };
  const stack: Parent[] = [root];
  const top = () => stack[stack.length - 1]!;
  const open = (node: Nodes & Parent) => {
    (top().children as Nodes[]).push(node);
    stack.push(node);
  };
  let align: AlignType[] = [];
  for (const token of parser.parse(markdown, {})) {
    switch (token.type) {
      case 'heading_open':
        open({ type: 'heading', depth: Number(token.tag.slice(1)) as 1 | 2 | 3 | 4 | 5 | 6, children: [] });
        break;
      case 'paragraph_open':
        open({ type: 'paragraph', children: [] });
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] });
        break;
      case 'bullet_list_open':
        open({ type: 'list', ordered: false, start: null, spread: false, children: [] });
        break;
      case 'ordered_list_open':
        open({ type: 'list', ordered: true, start: Number(token.attrGet('start') ?? 1), spread: false, children: [] });
        break;
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] });
        break;
      case 'table_open':
        align = [];
        open({ type: 'table', align, children: [] });
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] } satisfies TableRow);
        break;
      case 'th_open':
      case 'td_open':
        if (token.type === 'th_open') align.push(alignOf(token));
        open({ type: 'tableCell', children: [] } satisfies TableCell);
        break;
      case 'heading_close':
      case 'paragraph_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
      case 'th_close':
      case 'td_close':
        stack.pop();
        break;
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
        break;
      case 'hr':
        top().children.push({ type: 'thematicBreak' });
        break;
      case 'code_block':
      case 'fence':
        top().children.push({
          type: 'code',
          lang: token.info.trim().split(/\s/)[0] || null,
          meta: null,
          value: withoutFinalNewline(token.content),
        });
        break;
      case 'html_block':
        top().children.push({ type: 'html', value: withoutFinalNewline(token.content) });
        break;
      case 'inline':
        (top().children as PhrasingContent[]).push(...phrasing(token.children ?? []));
        break;
      default:
        throw new Error(
          `coprod cannot read the Markdown token ${token.type}; this is a bug in coprod, please report it`,
        );
    }
  }
  return root;
}

/** A GFM table column's alignment, from the style markdown-it puts on its header cell. */
function alignOf(token: Token): AlignType {
  const style = token.attrGet('style');
  if (style === 'text-align:left') return 'left';
  if (style === 'text-align:right') return 'right';
  if (style === 'text-align:center') return 'center';
  return null;
}

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function withoutFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Inline tokens as phrasing content, adjacent text joined into one node as micromark gives it. */
function phrasing(tokens: readonly Token[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const stack: { children: PhrasingContent[] }[] = [{ children: out }];
  const here = () => stack[stack.length - 1]!.children;
  const text = (value: string) => {
    const siblings = here();
    const last = siblings[siblings.length - 1];
    if (last?.type === 'text') last.value += value;
    else siblings.push({ type: 'text', value });
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    here().push(node);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        text(token.content);
        break;
      case 'softbreak':
        text('\n');
        break;
      case 'hardbreak':
        here().push({ type: 'break' });
        break;
      case 'code_inline':
        here().push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        here().push({ type: 'html', value: token.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        here().push({
          type: 'image',
          url: attr(token, 'src') ?? '',
          title: attr(token, 'title'),
          alt: plainText(token.children ?? []),
        });
        break;
      default:
        throw new Error(
          `coprod cannot read the Markdown token ${token.type}; this is a bug in coprod, please report it`,
        );
    }
  }
  return out;
}

/** An image's alternative text: the text of its description, without its formatting. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) =>
      t.type === 'softbreak' || t.type === 'hardbreak'
        ? '\n'
        : t.type === 'image'
          ? plainText(t.children ?? [])
          : t.content,
    )
    .join('');
}
