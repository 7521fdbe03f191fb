import type { Range } from '../diagnostics/diagnostic.js';
import type { EntryPositions, MapPositions, Positions } from './positions.js';

/**
 * A fast reader for the plain block YAML that coprod's data files are
 * written in: records of `key: value` lines, lists of `- ` items, plain and
 * quoted text on one line, `|` and `>` blocks, comments, and one-line lists
 * such as `[economy, "7.4"]`.
 *
 * It gives up (returns undefined) at the first thing outside that subset or
 * the first thing it doubts: anchors, aliases, tags, directives, several
 * documents, `?` keys, quoted keys, text running over several lines outside
 * a block, nested one-line lists, tabs, control characters, duplicate or
 * unsafe keys, very deep nesting or very long lists. The loader then reads
 * the file with the `yaml` library, which reports any problem precisely; the
 * library stays the reference for what a file means. A test checks, on every
 * fixture and on generated files, that whenever this reader returns a
 * result it is the library's, value for value and position for position.
 *
 * Scalars resolve as in YAML 1.2's core schema, as the library does: `~`,
 * `null` and nothing are null; `true` and `false` (three spellings each);
 * integers (decimal, `0o` octal, `0x` hex); floats, `.inf` and `.nan`.
 *
 * Why it exists: the library builds a full document (every token, node and
 * comment) and took about 10 s to read a council with 10,000 activities;
 * this reader keeps only the data and its positions and is several times
 * faster.
 */
export interface BlockYaml {
  data: Record<string, unknown>;
  /** Unless they were not asked for. */
  positions?: MapPositions;
}

/** Limits the loader applies to every file; beyond them this reader gives up and the loader reports. */
export interface BlockYamlLimits {
  maxDepth: number;
  maxItems: number;
  unsafeKeys: ReadonlySet<string>;
}

/**
 * Reads `text` if it is plain block YAML that this reader can vouch for;
 * otherwise undefined. With `positions: false` it keeps only the data,
 * which is faster and lighter: a file that reads is valid YAML, so its
 * positions are only needed for a diagnostic, and can be read again then.
 */
export function readBlockYaml(
  text: string,
  limits: BlockYamlLimits,
  options: { positions?: boolean } = {},
): BlockYaml | undefined {
  if (DOUBTFUL_CHARACTERS.test(text)) return undefined;
  try {
    return new BlockReader(text, limits, options.positions ?? true).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Characters after which this reader does not trust itself: tabs (YAML
 * forbids them in indentation and they change how text is trimmed), control
 * characters that Word cannot hold (the loader reports them), a carriage
 * return that does not end a line, byte-order marks and Unicode line
 * separators, and lone surrogates. Emoji and other characters beyond the
 * Basic Multilingual Plane (surrogate pairs) are read: both readers count
 * offsets in UTF-16 code units.
 */
/* eslint-disable no-control-regex -- the control characters are what is matched */
const DOUBTFUL_CHARACTERS =
  /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\r(?!\n)/;
/* eslint-enable no-control-regex */

/** Thrown to abandon the fast reading; never escapes {@link readBlockYaml}. */
const GIVE_UP: unique symbol = Symbol('outside the block YAML subset');

function giveUp(): never {
  // A symbol, not an Error: giving up is routine here, and needs no stack trace.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw GIVE_UP;
}

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const CR = 0x0d;

/** Characters that cannot begin a plain scalar in block context (YAML's c-indicator). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** The colon after an implicit key is at most 1024 characters (UTF-16 code units) after the key's start; a key anywhere near that is left to the library. */
const MAX_KEY_LENGTH = 1024;

interface Read {
  value: unknown;
  /** Undefined when positions are not kept. */
  at: Positions | undefined;
}

class BlockReader {
  private readonly text: string;
  private readonly limits: BlockYamlLimits;
  /** Whether to keep positions, or only the data. */
  private readonly track: boolean;

  // The current significant line: one with something other than spaces or a comment.
  /** Offset of its first character that is not a space. */
  private first = 0;
  /** Its indentation in spaces; -1 at the end of the text. */
  private indent = -1;
  /** Offset where its content ends (before any `\r\n` or `\n`). */
  private end = 0;
  /** Offset of the line after it. */
  private next = 0;

  constructor(text: string, limits: BlockYamlLimits, track: boolean) {
    this.text = text;
    this.limits = limits;
    this.track = track;
  }

  document(): BlockYaml {
    this.seek(0);
    if (this.atEnd() || this.indent !== 0 || this.isDash() || this.keyColon(this.first) < 0) giveUp();
    const read = this.map(this.first, 0, 0);
    if (!this.atEnd()) giveUp();
    return { data: read.value as Record<string, unknown>, ...(read.at ? { positions: read.at as MapPositions } : {}) };
  }

  private scalar(value: unknown, start: number, end: number): Read {
    return { value, at: this.track ? { kind: 'scalar', range: [start, end] } : undefined };
  }

  private atEnd(): boolean {
    return this.indent < 0;
  }

  /** Makes the line starting at `start` the current one, whatever it holds. */
  private measure(start: number): void {
    const text = this.text;
    const newline = text.indexOf('\n', start);
    let end = newline < 0 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    let i = start;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    this.first = i;
    this.indent = i - start;
    this.end = end;
    this.next = newline < 0 ? text.length : newline + 1;
  }

  /** Moves to the first significant line starting at or after `from`. */
  private seek(from: number): void {
    const text = this.text;
    for (let start = from; start < text.length; start = this.next) {
      this.measure(start);
      if (this.first < this.end && text.charCodeAt(this.first) !== HASH) {
        // `---` and `...` at the start of a line mark documents: not for this reader.
        if (this.indent === 0 && (text.startsWith('---', start) || text.startsWith('...', start))) giveUp();
        return;
      }
    }
    this.first = this.end = this.next = text.length;
    this.indent = -1;
  }

  /** The current line is a list item: a dash followed by a space or by nothing. */
  private isDash(): boolean {
    return (
      this.text.charCodeAt(this.first) === DASH &&
      (this.first + 1 === this.end || this.text.charCodeAt(this.first + 1) === SPACE)
    );
  }

  /**
   * The colon that ends a plain key starting at `from` on the current line
   * (one followed by a space or by the line's end, before any comment), or -1.
   */
  private keyColon(from: number): number {
    const text = this.text;
    const end = this.end;
    if (INDICATORS.has(text.charCodeAt(from))) return -1;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON) {
        if (i + 1 === end || text.charCodeAt(i + 1) === SPACE) return i;
      } else if (c === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** A nested block: a list or a record on the current line, indented more than its parent. */
  private block(depth: number): Read {
    if (this.isDash()) return this.seq(this.indent, depth);
    if (this.keyColon(this.first) < 0) giveUp();
    return this.map(this.first, this.indent, depth);
  }

  /** A record whose first key starts at `keyAt` on the current line; its keys are at column `indent`. */
  private map(keyAt: number, indent: number, depth: number): Read {
    if (depth > this.limits.maxDepth) giveUp();
    const text = this.text;
    const data: Record<string, unknown> = {};
    const entries = this.track ? new Map<string, EntryPositions>() : undefined;
    let count = 0;
    let last: Positions | undefined;
    let at = keyAt;
    for (;;) {
      const colon = this.keyColon(at);
      if (colon < 0) giveUp();
      let keyEnd = colon;
      while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      // The library measures to the colon, from the key's start or, after a key with no value, from the line break before it.
      if (colon - (this.first - this.indent) + 2 > MAX_KEY_LENGTH) giveUp();
      const key = String(resolvePlain(text.slice(at, keyEnd)));
      if (Object.hasOwn(data, key) || this.limits.unsafeKeys.has(key) || ++count > this.limits.maxItems) giveUp();

      let v = colon + 1;
      while (v < this.end && text.charCodeAt(v) === SPACE) v++;
      let read: Read;
      if (v === this.end || text.charCodeAt(v) === HASH) {
        // Nothing after the colon: the value is on the lines below, or there is none.
        this.seek(this.next);
        if (!this.atEnd() && this.indent > indent) read = this.block(depth + 1);
        else if (!this.atEnd() && this.indent === indent && this.isDash()) read = this.seq(indent, depth + 1);
        else read = this.scalar(null, v, v);
      } else {
        read = this.inline(v, indent, depth + 1);
      }
      data[key] = read.value;
      if (entries) {
        entries.set(key, { key: [at, keyEnd], value: read.at });
        last = read.at;
      }

      if (this.atEnd() || this.indent < indent) break;
      if (this.indent > indent || this.isDash()) giveUp();
      at = this.first;
    }
    return { value: data, at: entries ? { kind: 'map', range: [keyAt, last!.range[1]], entries } : undefined };
  }

  /** A list whose dashes are at column `indent`, starting on the current line. */
  private seq(indent: number, depth: number): Read {
    if (depth > this.limits.maxDepth) giveUp();
    const text = this.text;
    const values: unknown[] = [];
    const items: Positions[] | undefined = this.track ? [] : undefined;
    const start = this.first;
    for (;;) {
      let v = this.first + 1;
      while (v < this.end && text.charCodeAt(v) === SPACE) v++;
      let read: Read;
      if (v === this.end || text.charCodeAt(v) === HASH) {
        this.seek(this.next);
        // An item with nothing in it is left to the library.
        if (this.atEnd() || this.indent <= indent) giveUp();
        read = this.block(depth + 1);
      } else if (this.keyColon(v) >= 0) {
        // `- key: value`: a record whose keys line up after the dash.
        read = this.map(v, v - (this.first - this.indent), depth + 1);
      } else {
        read = this.inline(v, indent, depth + 1);
      }
      values.push(read.value);
      items?.push(read.at!);
      if (values.length > this.limits.maxItems) giveUp();

      if (this.atEnd() || this.indent < indent) break;
      if (this.indent > indent) giveUp();
      if (!this.isDash()) break;
    }
    return {
      value: values,
      at: items ? { kind: 'seq', range: [start, items[items.length - 1]!.range[1]], items } : undefined,
    };
  }

  /**
   * A value that starts at `v` on the current line, in a record or list
   * whose keys or dashes are at column `owner`. Leaves the reader on the next
   * significant line, which must not be indented more than `owner` (that
   * would continue the text over several lines, which is left to the library).
   */
  private inline(v: number, owner: number, depth: number): Read {
    const text = this.text;
    const c = text.charCodeAt(v);
    let read: Read;
    let after: number;
    if (c === QUOTE || c === APOSTROPHE) {
      const quoted = c === QUOTE ? this.doubleQuoted(v) : this.singleQuoted(v);
      read = this.scalar(quoted.value, v, quoted.end);
      after = quoted.end;
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      return this.blockScalar(v, owner);
    } else if (c === OPEN_BRACKET) {
      if (depth > this.limits.maxDepth) giveUp();
      const list = this.flowSeq(v);
      read = list.read;
      after = list.end;
    } else if (c === OPEN_BRACE && text.charCodeAt(v + 1) === CLOSE_BRACE) {
      after = v + 2;
      read = { value: {}, at: this.track ? { kind: 'map', range: [v, after], entries: new Map() } : undefined };
    } else {
      if (!canStartPlain(text, v, this.end)) giveUp();
      let end = v + 1;
      while (end < this.end && !(text.charCodeAt(end) === HASH && text.charCodeAt(end - 1) === SPACE)) end++;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      const raw = text.slice(v, end);
      // `key: a: b` is an error in YAML; a colon ending the text is one too.
      if (raw.includes(': ') || raw.charCodeAt(raw.length - 1) === COLON) giveUp();
      read = this.scalar(resolvePlain(raw), v, end);
      after = end;
    }
    this.endOfLine(after);
    this.seek(this.next);
    if (!this.atEnd() && this.indent > owner) giveUp();
    return read;
  }

  /** Only spaces and perhaps a comment may follow a value on its line. */
  private endOfLine(from: number): void {
    let i = from;
    while (i < this.end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < this.end && !(i > from && this.text.charCodeAt(i) === HASH)) giveUp();
  }

  /** `"text"` on one line, with the common escapes. */
  private doubleQuoted(v: number): { value: string; end: number } {
    const text = this.text;
    let value = '';
    let from = v + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0 || quote >= this.end) giveUp();
      let slash = from;
      while (slash < quote && text.charCodeAt(slash) !== BACKSLASH) slash++;
      if (slash === quote) return { value: value + text.slice(from, quote), end: quote + 1 };
      value += text.slice(from, slash);
      const e = text[slash + 1];
      let consumed = 2;
      if (e === '"' || e === '\\' || e === '/') value += e;
      else if (e === 'n') value += '\n';
      else if (e === 't') value += '\t';
      else if (e === 'r') value += '\r';
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(slash + 2, slash + 6))) {
        const code = parseInt(text.slice(slash + 2, slash + 6), 16);
        // Controls, surrogates and non-characters are left to the library (which reports them).
        if (
          (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
          (code >= 0x7f && code <= 0x9f) ||
          (code >= 0xd800 && code <= 0xdfff) ||
          code >= 0xfffe
        )
          giveUp();
        value += String.fromCharCode(code);
        consumed = 6;
      } else giveUp();
      from = slash + consumed;
      if (from > this.end) giveUp();
    }
  }

  /** `'text'` on one line, where `''` is a quote. */
  private singleQuoted(v: number): { value: string; end: number } {
    const text = this.text;
    let value = '';
    let from = v + 1;
    for (;;) {
      const quote = text.indexOf("'", from);
      if (quote < 0 || quote >= this.end) giveUp();
      value += text.slice(from, quote);
      if (text.charCodeAt(quote + 1) !== APOSTROPHE) return { value, end: quote + 1 };
      value += "'";
      from = quote + 2;
    }
  }

  /** `[a, "b", 3]` on one line, of scalars only. */
  private flowSeq(v: number): { read: Read; end: number } {
    const text = this.text;
    const values: unknown[] = [];
    const items: Positions[] | undefined = this.track ? [] : undefined;
    const done = (end: number) => ({
      read: { value: values, at: items ? ({ kind: 'seq', range: [v, end], items } as const) : undefined },
      end,
    });
    let i = v + 1;
    const skipSpaces = () => {
      while (i < this.end && text.charCodeAt(i) === SPACE) i++;
    };
    skipSpaces();
    if (text.charCodeAt(i) === CLOSE_BRACKET) return done(i + 1);
    for (;;) {
      skipSpaces();
      if (i >= this.end) giveUp();
      const c = text.charCodeAt(i);
      if (c === QUOTE || c === APOSTROPHE) {
        const quoted = c === QUOTE ? this.doubleQuoted(i) : this.singleQuoted(i);
        values.push(quoted.value);
        items?.push({ kind: 'scalar', range: [i, quoted.end] });
        i = quoted.end;
      } else {
        if (!canStartPlain(text, i, this.end, true)) giveUp();
        let end = i;
        while (end < this.end) {
          const d = text.charCodeAt(end);
          if (d === COMMA || d === CLOSE_BRACKET) break;
          // Colons, brackets, braces and comments inside a one-line list are left to the library.
          if (d === COLON || d === OPEN_BRACKET || d === OPEN_BRACE || d === CLOSE_BRACE || d === HASH) giveUp();
          end++;
        }
        let trimmed = end;
        while (text.charCodeAt(trimmed - 1) === SPACE) trimmed--;
        values.push(resolvePlain(text.slice(i, trimmed)));
        items?.push({ kind: 'scalar', range: [i, trimmed] });
        i = end;
      }
      if (values.length > this.limits.maxItems) giveUp();
      skipSpaces();
      const d = text.charCodeAt(i);
      if (i < this.end && d === CLOSE_BRACKET) return done(i + 1);
      if (i >= this.end || d !== COMMA) giveUp();
      i++;
      skipSpaces();
      // A trailing comma is left to the library.
      if (text.charCodeAt(i) === CLOSE_BRACKET) giveUp();
    }
  }

  /**
   * A `|` (literal) or `>` (folded) block after a key or dash at column
   * `owner`, with an optional `-` or `+`. Lines more indented than the
   * first (kept as they are by YAML's folding rules), leading blank lines
   * and explicit indentation numbers are left to the library.
   */
  private blockScalar(v: number, owner: number): Read {
    const text = this.text;
    const literal = text.charCodeAt(v) === 0x7c;
    let h = v + 1;
    let chomp: 'clip' | 'strip' | 'keep' = 'clip';
    const indicator = text.charCodeAt(h);
    if (indicator === DASH) {
      chomp = 'strip';
      h++;
    } else if (indicator === 0x2b /* + */) {
      chomp = 'keep';
      h++;
    }
    if (h < this.end && text.charCodeAt(h) !== SPACE) giveUp();
    this.endOfLine(h);

    const length = text.length;
    let value = '';
    let indent = -1;
    let blank = 0;
    let lastBreak = false;
    let blankAtEnd = false;
    let lines = 0;
    let contentEnd = this.next;
    let trailingEnd = this.next;
    let p = this.next;
    // Lines are measured as the current line; the seek at the end makes the right one current again.
    while (p < length) {
      this.measure(p);
      const { end, next, indent: lineIndent } = this;
      if (this.first === end) {
        // A blank line: no leading ones, and no spaces beyond the indentation.
        if (indent < 0 || lineIndent > indent) giveUp();
        blank++;
        blankAtEnd = next === end;
        trailingEnd = next;
        p = next;
        continue;
      }
      if (indent < 0) {
        if (lineIndent <= owner) giveUp();
        indent = lineIndent;
      }
      if (lineIndent < indent) break;
      if (lineIndent > indent && !literal) giveUp();
      const line = text.slice(p + indent, end);
      if (lines++ === 0) value = line;
      else if (literal) value += '\n'.repeat(blank + 1) + line;
      else value += blank === 0 ? ` ${line}` : '\n'.repeat(blank) + line;
      blank = 0;
      blankAtEnd = false;
      lastBreak = next > end;
      contentEnd = trailingEnd = next;
      p = next;
    }
    if (indent < 0) giveUp();
    // At the very end of a file without a final line break, and with `+` before a last line of spaces alone, the library's reading is left to it.
    if (!lastBreak && chomp !== 'strip') giveUp();
    if (chomp === 'clip') value += '\n';
    else if (chomp === 'keep') {
      if (blankAtEnd) giveUp();
      value += '\n'.repeat(blank + 1);
    }
    const rangeEnd = chomp === 'keep' ? trailingEnd : contentEnd;
    this.seek(p);
    if (!this.atEnd() && this.indent > owner) giveUp();
    return this.scalar(value, v, rangeEnd);
  }
}

/**
 * Whether a plain scalar may start at `i`: not an indicator, except `-`, `?`
 * or `:` followed by a character that is not a space (in a one-line list,
 * nor a comma or bracket: `[-]` is an error and `[?]` an empty key there).
 */
function canStartPlain(text: string, i: number, end: number, flow = false): boolean {
  const c = text.charCodeAt(i);
  if (!INDICATORS.has(c)) return true;
  if (c !== DASH && c !== 0x3f && c !== COLON) return false;
  if (i + 1 >= end) return false;
  const next = text.charCodeAt(i + 1);
  return (
    next !== SPACE &&
    !(
      flow &&
      (next === COMMA || next === OPEN_BRACKET || next === CLOSE_BRACKET || next === OPEN_BRACE || next === CLOSE_BRACE)
    )
  );
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under YAML 1.2's core schema, tested in the order the `yaml` library tests. */
export function resolvePlain(s: string): unknown {
  if (s === '') return null;
  const c = s.charCodeAt(0);
  // Most text starts with a letter no null, boolean or number starts with.
  const maybeSpecial =
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46 ||
    c === 0x2b ||
    c === 0x2d ||
    c === 0x2e ||
    (c >= 0x30 && c <= 0x39);
  if (!maybeSpecial) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 0x74 || c === 0x54;
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : c === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

export type { Range };
