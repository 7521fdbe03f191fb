import { Composer, CST, Lexer, Parser, YAMLParseError, type Document } from 'yaml';

/**
 * A file that is not plain block YAML goes to the `yaml` library, which
 * costs about a microsecond and a kilobyte for each token (a key, a value, a
 * bracket, a comment), and up to three times that for a file with a problem
 * on every token. This many tokens keeps the worst file within the limits to
 * under a second and 300 MB (`node bench/worst-case.mjs`); an ordinary
 * department file of 1.5 MiB holds about as many, and one of up to 2 MiB is
 * read by the fast reader, which has no such limit.
 */
export const MAX_YAML_TOKENS = 200_000;

/** The library's options: YAML 1.2 core whatever the file says, tags left as text, duplicate keys found by coprod (the library's check is quadratic). */
const OPTIONS = {
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  version: '1.2',
  schema: 'core',
  resolveKnownTags: false,
} as const;

/**
 * The document, or where a limit was passed: `tooLongAt` with `openAt`, the
 * `[` or `{` still open there (most often one never closed), if any.
 */
export type Parsed =
  | { doc: Document.Parsed; tooLongAt?: undefined; tooDeepAt?: undefined }
  | { tooLongAt: number; openAt?: number; tooDeepAt?: undefined }
  | { tooDeepAt: number; tooLongAt?: undefined };

/** Stops the parse at the first limit passed. */
class LimitPassed {
  constructor(readonly found: { tooLongAt: number; openAt?: number } | { tooDeepAt: number }) {}
}

/**
 * Parses `text` with the library as `parseDocument` does, but feeding its
 * parser one token at a time from its own lexer, so that limits are checked
 * as it reads, before anything is built for them: more than
 * {@link MAX_YAML_TOKENS} tokens, or brackets nested more than `maxDepth`
 * deep (the composer recurses into each; counted as the lexer reads them,
 * so a `[` in quotes or a comment does not count). Block nesting, which the
 * lexer does not track, is guarded by {@link blockDepthExceeded} first.
 * `tooDeepAt` is -1 when the composer ran out of stack all the same.
 */
export function parseWithinLimits(text: string, maxDepth: number): Parsed {
  const deep = blockDepthExceeded(text, maxDepth);
  if (deep !== undefined) return { tooDeepAt: deep };
  const parser = new Parser();
  function* tokens() {
    let count = 0;
    let offset = 0;
    /** Where each `[` or `{` still open was opened. */
    const open: number[] = [];
    for (const lexeme of new Lexer().lex(text)) {
      const type = CST.tokenType(lexeme);
      // The lexer's markers for the parser stand for no text.
      if (type !== 'doc-mode' && type !== 'flow-error-end' && type !== 'scalar') {
        if (++count > MAX_YAML_TOKENS) {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- caught just below; a stack trace would cost on every hostile file
          throw new LimitPassed({ tooLongAt: offset, ...(open.length > 0 ? { openAt: open[0]! } : {}) });
        }
        if (type === 'flow-seq-start' || type === 'flow-map-start') {
          open.push(offset);
          if (open.length > maxDepth) {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- as above
            throw new LimitPassed({ tooDeepAt: offset });
          }
        } else if (type === 'flow-seq-end' || type === 'flow-map-end') open.pop();
        offset += lexeme.length;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  // The parser makes an Error for each problem, and a hostile file can hold 100,000: without stack traces they cost a third as much.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let doc: Document.Parsed | undefined;
    for (const next of new Composer(OPTIONS).compose(tokens(), true, text.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(
          new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
        );
        break;
      }
    }
    return { doc: doc! };
  } catch (error) {
    if (error instanceof LimitPassed) return error.found;
    if (error instanceof RangeError) return { tooDeepAt: -1 };
    throw error;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Cheap guard against pathological block nesting before the YAML composer
 * (which recurses) sees it: counts indentation steps and compact indicators
 * (`- - - x`, `? ? x`, which nest without indenting the next line). Returns
 * the offset where the guard's limit is passed, or undefined. Linear in the
 * length of the text; generous (four times `maxDepth`) because it
 * overcounts, and the exact limit is checked on the parsed tree.
 */
function blockDepthExceeded(text: string, maxDepth: number): number | undefined {
  const limit = maxDepth * 4;
  const stack: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - line.replace(/^ */, '').length;
    while (stack.length > 0 && stack[stack.length - 1]! >= indent) stack.pop();
    stack.push(indent);
    if (stack.length > limit) return start + indent;
    // Each compact indicator opens one more level on the same line, at a deeper column.
    const compact = /^(?:[-?:] +)*/.exec(line.slice(indent))![0];
    for (let k = 0; k < compact.length; k++) {
      if (compact[k] === ' ') continue;
      stack.push(indent + k + 1);
      if (stack.length > limit) return start + indent + k;
    }
  }
  return undefined;
}
