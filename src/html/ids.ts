import { slugify } from '../slug.js';

/** Ids the page itself uses, which a heading's id must never take. */
const RESERVED = ['main', 'contents'];

/** Gives each heading a readable, unique id made from its text: "summary", "summary-2". */
export function idMaker(): (label: string) => string {
  const used = new Set(RESERVED);
  return (label) => {
    const base = slugify(label);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
