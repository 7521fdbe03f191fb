/**
 * A small YAML writer for the synthetic council, producing the layout people
 * write by hand (and the sample in data/ uses): block mappings and sequences,
 * short text inline, long text as folded `>-` blocks wrapped at about 90
 * columns. Written by hand rather than with yaml's stringify so the layout
 * (and so the parser's work) matches real files, and so output is stable
 * across yaml versions.
 */

const WIDTH = 92;
const RESERVED = /^(true|false|null|~)$/i;
/** Text that reads back as the same string when written without quotes. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.'’()/&;?!£–-]*$/;
/** Dates and periods: strings, not numbers or timestamps, under YAML 1.2. */
const PERIOD = /^\d{4}(-\d{2}-\d{2}|\/\d{2}-[QH][1-4])$/;

/** A scalar for a flow context or a short value: plain when safe, else double-quoted. */
export function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (PERIOD.test(value) || (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' '))) return value;
  return JSON.stringify(value);
}

/** Lines of a folded block scalar's content, wrapped at spaces. */
function fold(text, indent) {
  const room = Math.max(40, WIDTH - indent.length);
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= room) line += ` ${word}`;
    else {
      out.push(indent + line);
      line = word;
    }
  }
  if (line !== '') out.push(indent + line);
  return out;
}

/**
 * Collects lines of a YAML document. `prefix` is what starts the line: the
 * indentation, or the indentation and `- ` for the first key of a list item.
 */
export class YamlWriter {
  constructor() {
    this.lines = [];
  }

  line(text) {
    this.lines.push(text);
  }

  blank() {
    this.lines.push('');
  }

  /** `key: value` for numbers, identifiers and other short values. */
  value(prefix, key, value) {
    this.lines.push(`${prefix}${key}: ${scalar(value)}`);
  }

  /**
   * `key: text`: inline when it fits on the line, else a folded block.
   * `prefix.length` is the column the key starts at.
   */
  text(prefix, key, text) {
    const inline = `${prefix}${key}: ${scalar(text)}`;
    if (inline.length <= WIDTH + 8) {
      this.lines.push(inline);
      return;
    }
    this.lines.push(`${prefix}${key}: >-`);
    this.lines.push(...fold(text, ' '.repeat(prefix.length + 2)));
  }

  /** `key: [a, b]` for short lists of scalars. */
  flow(prefix, key, values) {
    this.lines.push(`${prefix}${key}: [${values.map(scalar).join(', ')}]`);
  }

  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}
