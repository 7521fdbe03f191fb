import type { Element, ElementContent, Root, RootContent } from 'hast';
import { idMaker } from './ids.js';
import { el, elementsOf, isElement, text, textOf } from './tree.js';

/** One entry of the contents: a section (h2) and the sub-sections (h3) inside it. */
export interface ContentsEntry {
  id: string;
  label: string;
  children: ContentsEntry[];
}

/** A paper's body, taken apart for the page: its one heading, what comes before its first section, the sections, and their contents. */
export interface PaperParts {
  h1: Element;
  intro: ElementContent[];
  sections: ElementContent[];
  contents: ContentsEntry[];
}

/** A lead-in paragraph ends with a colon: "2.4 What changed because of co-production:". */
const LEAD_IN_END = ':';

/**
 * Shapes the hast tree made from a paper's Markdown for the web: exactly one
 * h1 (a later one becomes h2; none, and `title` makes one), an id on each
 * h2 and h3 for the contents, and every table given a caption, header cells
 * with scope, and a labelled, focusable region to scroll it in when it is
 * wider than the screen.
 */
export function shapePaper(tree: Root, title: string): PaperParts {
  const nextId = idMaker();
  const state: WalkState = { nextId, heading: title, captions: new Map(), h1: undefined, contents: [] };
  const children = shapeChildren(tree.children, state);
  const h1 = state.h1 ?? el('h1', {}, [text(title)]);
  const at = children.indexOf(h1);
  const rest = at >= 0 ? [...children.slice(0, at), ...children.slice(at + 1)] : children;
  const firstSection = rest.findIndex((c) => isElement(c, 'h2'));
  const split = firstSection >= 0 ? firstSection : rest.length;
  return { h1, intro: rest.slice(0, split), sections: rest.slice(split), contents: state.contents };
}

interface WalkState {
  nextId: (label: string) => string;
  /** The text of the latest heading: a table's caption when no lead-in introduces it. */
  heading: string;
  /** How many tables have had each caption so far, to keep captions (and region labels) unique. */
  captions: Map<string, number>;
  h1: Element | undefined;
  contents: ContentsEntry[];
}

function shapeChildren(children: readonly (RootContent | ElementContent)[], state: WalkState): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type === 'doctype' || child.type === 'comment') continue;
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    if (/^h[1-6]$/.test(child.tagName)) {
      out.push(shapeHeading(child, state));
    } else if (child.tagName === 'table') {
      const leadIn = takeLeadIn(out);
      out.push(shapeTable(child, leadIn, state));
    } else {
      child.children = shapeChildren(child.children, state);
      out.push(child);
    }
  }
  return out;
}

function shapeHeading(heading: Element, state: WalkState): Element {
  if (heading.tagName === 'h1') {
    if (state.h1 === undefined) state.h1 = heading;
    else heading.tagName = 'h2';
  }
  const label = textOf(heading).trim();
  state.heading = label;
  if (heading.tagName === 'h2' || heading.tagName === 'h3') {
    const id = state.nextId(label);
    heading.properties['id'] = id;
    const entry: ContentsEntry = { id, label, children: [] };
    const parent = state.contents.at(-1);
    if (heading.tagName === 'h3' && parent) parent.children.push(entry);
    else state.contents.push(entry);
  }
  return heading;
}

/** The paragraph just before a table, taken out of `out` when it introduces the table (it ends with a colon). */
function takeLeadIn(out: ElementContent[]): Element | undefined {
  let i = out.length - 1;
  while (i >= 0 && out[i]!.type === 'text' && textOf(out[i]!).trim() === '') i--;
  const candidate = out[i];
  if (!isElement(candidate, 'p') || !textOf(candidate).trimEnd().endsWith(LEAD_IN_END)) return undefined;
  out.splice(i);
  return candidate;
}

/**
 * A table's caption is its lead-in paragraph (without the colon), moved into
 * the table so it is not read twice; otherwise the heading of its section,
 * hidden on screen (the heading is right above it) but read out with the table.
 */
function shapeTable(table: Element, leadIn: Element | undefined, state: WalkState): Element {
  const words = leadIn ? withoutColon(textOf(leadIn)) : state.heading;
  const seen = (state.captions.get(words) ?? 0) + 1;
  state.captions.set(words, seen);
  const label = seen === 1 ? words : `${words}, table ${seen}`;
  const caption = leadIn
    ? el('caption', {}, [...dropColon(leadIn.children), ...(seen === 1 ? [] : [text(`, table ${seen}`)])])
    : el('caption', { className: ['visually-hidden'] }, [text(label)]);
  for (const section of elementsOf(table.children)) {
    for (const row of elementsOf(section.children)) {
      elementsOf(row.children).forEach((cell, i) => {
        if (section.tagName === 'thead') cell.properties['scope'] = 'col';
        else if (i === 0) Object.assign(cell, { tagName: 'th', properties: { ...cell.properties, scope: 'row' } });
      });
    }
  }
  table.children = [caption, ...table.children];
  return el('div', { className: ['table-region'], role: 'region', ariaLabel: label, tabIndex: 0 }, [table]);
}

function withoutColon(words: string): string {
  const trimmed = words.trim();
  return trimmed.endsWith(LEAD_IN_END) ? trimmed.slice(0, -LEAD_IN_END.length).trimEnd() : trimmed;
}

/** A lead-in's inline content without its closing colon (the last text node ends with it). */
function dropColon(children: ElementContent[]): ElementContent[] {
  const last = children.at(-1);
  if (last?.type !== 'text') return children;
  const value = last.value.trimEnd();
  return [
    ...children.slice(0, -1),
    text(value.endsWith(LEAD_IN_END) ? value.slice(0, -LEAD_IN_END.length).trimEnd() : value),
  ];
}
