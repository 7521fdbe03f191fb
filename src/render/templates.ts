import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Io } from '../io/io.js';
import { TemplateError } from '../errors.js';
import { readUserFile } from '../io/read-file.js';
import { HELPERS } from './helpers.js';

/** The templates shipped with coprod. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The helper every field passed to a helper is read through (see {@link strictArguments}); not for templates to call. */
const FIELD_HELPER = 'coprod-field';

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries([...Object.keys(HELPERS), FIELD_HELPER].map((k) => [k, true])),
  knownHelpersOnly: true,
  preventIndent: true,
} as const;

interface Loaded {
  name: string;
  file: string;
  source: string;
}

/** A compiled, checked set of documents and partials. */
export interface TemplateSet {
  render(name: string, model: unknown): string;
  names(): string[];
}

/** Marks which template a runtime error came from, innermost (the partial) first. */
const ERROR_FILE = new WeakMap<object, string>();

/**
 * Loads `*.md.hbs` documents and `partials/*.hbs` from the built-in folder,
 * then from `overrideDir` (same name wins). Every template is parsed and
 * compiled now, so a syntax error, an unknown helper or a missing partial is
 * reported (with file, line and column) before anything is rendered; a field
 * the model lacks is reported the same way when the template is rendered.
 */
export async function loadTemplates(io: Io, overrideDir?: string): Promise<TemplateSet> {
  const documents = new Map<string, Loaded>();
  const partials = new Map<string, Loaded>();
  const dirs = [BUILT_IN_TEMPLATES, ...(overrideDir ? [path.resolve(io.cwd, overrideDir)] : [])];
  for (const [i, dir] of dirs.entries()) {
    const shown = (f: string) =>
      i === 0 ? `(built-in) templates/${path.relative(dir, f)}` : path.relative(io.cwd, f) || f;
    const entries = await io.fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (i === 0) throw error;
      throw new TemplateError(
        overrideDir!,
        undefined,
        undefined,
        `cannot read the templates folder (${error.code ?? error.message})`,
      );
    });
    for (const name of entries.filter((n) => n.endsWith('.md.hbs')).sort()) {
      const file = path.join(dir, name);
      documents.set(name.replace(/\.md\.hbs$/, ''), {
        name,
        file: shown(file),
        source: await readTemplate(io, file, shown(file)),
      });
    }
    const partialDir = path.join(dir, 'partials');
    const partialNames = await io.fs.readdir(partialDir).catch(() => [] as string[]);
    for (const name of partialNames.filter((n) => n.endsWith('.hbs')).sort()) {
      const file = path.join(partialDir, name);
      partials.set(name.replace(/(\.md)?\.hbs$/, ''), {
        name,
        file: shown(file),
        source: await readTemplate(io, file, shown(file)),
      });
    }
  }

  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, helper);
  env.registerHelper(FIELD_HELPER, readField);
  const known = new Set(partials.keys());
  for (const [name, p] of partials) {
    const fn = checkedCompile(env, p, known);
    env.registerPartial(name, ((context: unknown, options: unknown) => {
      try {
        return fn(context, options as RuntimeOptions);
      } catch (error) {
        if (error instanceof Object && !ERROR_FILE.has(error)) ERROR_FILE.set(error, p.file);
        throw error;
      }
    }) as unknown as HandlebarsTemplateDelegate);
  }
  const compiled = new Map<string, { file: string; fn: HandlebarsTemplateDelegate }>();
  for (const [name, d] of documents) compiled.set(name, { file: d.file, fn: checkedCompile(env, d, known) });

  return {
    names: () => [...compiled.keys()],
    render(name, model) {
      const template = compiled.get(name);
      if (!template) throw new TemplateError(`${name}.md.hbs`, undefined, undefined, 'template not found');
      try {
        return template.fn(model, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw toTemplateError(error, (error instanceof Object && ERROR_FILE.get(error)) || template.file);
      }
    },
  };
}

type RuntimeOptions = Parameters<HandlebarsTemplateDelegate>[1];

/** A template file larger than this is refused: the built-in ones are a few kilobytes. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/**
 * Reads one template as text. Only an ordinary file is read (a named pipe
 * with a template's name would otherwise wait for ever), within
 * {@link MAX_TEMPLATE_BYTES}; anything else stops the command naming the file.
 */
async function readTemplate(io: Io, file: string, shown: string): Promise<string> {
  const read = await readUserFile(io.fs, file, { maxBytes: MAX_TEMPLATE_BYTES });
  if (!read.ok) {
    const detail =
      read.problem.code === 'folder'
        ? 'this is a folder, but a template file has this name: move or rename the folder'
        : `this template ${read.problem.message}`;
    throw new TemplateError(shown, undefined, undefined, detail);
  }
  return new TextDecoder().decode(read.bytes);
}

/**
 * Parses, checks partial names, precompiles (which checks helpers), then
 * returns the runtime template. Handlebars' strict mode checks only plain
 * `{{field}}` lookups, and nearly every field here goes through a helper
 * (`{{text field}}`), so each helper argument is read through a checking
 * helper too (see {@link strictArguments}): a field the model lacks then
 * fails with its line and column.
 */
function checkedCompile(env: typeof Handlebars, t: Loaded, partials: ReadonlySet<string>): HandlebarsTemplateDelegate {
  const parse = (): hbs.AST.Program => {
    try {
      return strictArguments(env.parseWithoutProcessing(t.source));
    } catch (error) {
      throw toTemplateError(error, t.file, syntaxErrorPosition(error, t.source));
    }
  };
  const ast = parse();
  for (const node of nodesOfType<hbs.AST.PartialStatement>(ast, ['PartialStatement', 'PartialBlockStatement'])) {
    if (node.name.type === 'PathExpression') {
      const name = node.name.original;
      if (!partials.has(name)) {
        throw new TemplateError(
          t.file,
          node.loc.start.line,
          node.loc.start.column + 1,
          `the template uses the partial \`${name}\`, which does not exist (partials: ${[...partials].join(', ')})`,
        );
      }
    }
  }
  try {
    env.precompile(ast, COMPILE_OPTIONS);
    // The compiler annotates the tree it is given, so the runtime template gets a fresh one.
    return env.compile(parse(), COMPILE_OPTIONS);
  } catch (error) {
    throw toTemplateError(error, t.file);
  }
}

type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression | hbs.AST.PartialStatement;

/**
 * Reads every field passed to a helper (or a partial) through the
 * {@link FIELD_HELPER}, so that a field the model lacks is an error, as it is
 * for a plain `{{field}}` in strict mode: `{{text contact.role}}` becomes
 * `{{text (coprod-field (coprod-field this "contact" …) "role" …)}}`, each step
 * carrying where the field is written. Only the documented node types of
 * Handlebars' syntax tree are made; data (`@index`) and `this` are left alone.
 */
function strictArguments(ast: hbs.AST.Program): hbs.AST.Program {
  for (const node of nodesOfType<CallNode>(ast, [
    'MustacheStatement',
    'BlockStatement',
    'SubExpression',
    'PartialStatement',
    'PartialBlockStatement',
  ])) {
    if (node.params) node.params = node.params.map(checkedField);
    for (const pair of node.hash?.pairs ?? []) pair.value = checkedField(pair.value);
  }
  return ast;
}

/** A field argument read step by step through the checking helper; any other argument as it is. */
function checkedField(arg: hbs.AST.Expression): hbs.AST.Expression {
  if (arg.type !== 'PathExpression') return arg;
  const path = arg as hbs.AST.PathExpression;
  if (path.data || path.parts.length === 0) return path;
  const { loc } = path;
  const number = (value: number): hbs.AST.NumberLiteral => ({ type: 'NumberLiteral', value, original: value, loc });
  const where: hbs.AST.Hash = {
    type: 'Hash',
    pairs: [
      { type: 'HashPair', key: 'line', value: number(loc.start.line), loc },
      { type: 'HashPair', key: 'column', value: number(loc.start.column), loc },
    ],
    loc,
  };
  const helper: hbs.AST.PathExpression = {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [FIELD_HELPER],
    original: FIELD_HELPER,
    loc,
  };
  let value: hbs.AST.Expression = {
    type: 'PathExpression',
    data: false,
    depth: path.depth,
    parts: [],
    original: path.depth > 0 ? '..' : 'this',
    loc,
  } as hbs.AST.PathExpression;
  for (const part of path.parts) {
    const name: hbs.AST.StringLiteral = { type: 'StringLiteral', value: part, original: part, loc };
    value = { type: 'SubExpression', path: helper, params: [value, name], hash: where, loc } as hbs.AST.SubExpression;
  }
  return value;
}

/**
 * `(coprod-field parent "name" line=… column=…)`: the field, or Handlebars'
 * own strict-mode error, at the field's position, when the model lacks it.
 * Like Handlebars' lookups, it gives no property of a prototype.
 */
function readField(parent: unknown, name: string, options: Handlebars.HelperOptions): unknown {
  if (parent === null || (typeof parent !== 'object' && typeof parent !== 'function') || !(name in parent)) {
    const { line, column } = options.hash as { line: number; column: number };
    const at = { line, column };
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- Handlebars' own exception (an Error at run time), as its strict mode throws
    throw new Handlebars.Exception(`"${name}" not defined in ${String(parent)}`, {
      loc: { start: at, end: at },
    } as hbs.AST.Node);
  }
  return Object.hasOwn(parent, name) ? (parent as Record<string, unknown>)[name] : undefined;
}

/** Every node of the given types in a template, at any depth. */
function nodesOfType<T>(node: unknown, types: readonly string[], out: T[] = []): T[] {
  if (Array.isArray(node)) {
    for (const child of node) nodesOfType(child, types, out);
  } else if (node && typeof node === 'object') {
    if (types.includes((node as { type?: string }).type ?? '')) out.push(node as T);
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') nodesOfType(value, types, out);
  }
  return out;
}

/**
 * Where a syntax error is, from Handlebars' own message: it names the line,
 * and shows the 20 characters before the token it stopped at (after `...`
 * when there were more) and the 20 from the token on, line breaks left out,
 * with a caret between. The offset on that line where both fit is the column
 * the user needs; the token is the first of the text after it.
 */
function syntaxErrorPosition(
  error: unknown,
  source: string,
): { line: number; column: number; text: string } | undefined {
  const message = error instanceof Error ? error.message : '';
  const [first, excerpt, caret] = message.split('\n');
  const line = Number(/^Parse error on line (\d+):$/.exec(first ?? '')?.[1]);
  if (!line || excerpt === undefined || caret === undefined || !/^-*\^$/.test(caret)) return undefined;
  const before = excerpt.slice(0, caret.length - 1);
  const after = excerpt.slice(caret.length - 1);
  const noBreaks = (text: string) => text.replaceAll('\n', '');
  const fitsBefore = (offset: number) =>
    offset > 20
      ? before === `...${noBreaks(source.slice(offset - 20, offset))}`
      : before === noBreaks(source.slice(0, offset));
  const fitsAfter = (offset: number) => noBreaks(source.slice(offset, offset + 20)) === after.replace(/\.\.\.$/, '');
  const lineStart = line === 1 ? 0 : nthIndexOf(source, '\n', line - 1) + 1;
  if (lineStart === 0 && line !== 1) return undefined;
  const lineEnd = source.indexOf('\n', lineStart);
  for (let offset = lineStart; offset <= (lineEnd < 0 ? source.length : lineEnd); offset++) {
    if (!fitsBefore(offset) || !fitsAfter(offset)) continue;
    const text = /got 'INVALID'\s*$/.test(message) ? after.slice(0, 1) : (TOKEN.exec(after)?.[0] ?? '');
    return { line, column: offset - lineStart + 1, text };
  }
  return undefined;
}

/** The index of the `n`th `char` in `text` (n from 1), or -1. */
function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The first token of Handlebars' syntax in some text: an opening or closing tag, a punctuation mark, a string or a word. */
const TOKEN = /^(?:\{\{\{?~?[#/^>&!]?|~?\}\}\}?|[()=|./]|"[^"]*"|'[^']*'|[^\s{}()=|"'.]+)/;

/** Handlebars' parser message names grammar tokens; say instead what is wrong in the template's terms. */
function syntaxDetail(message: string, text: string | undefined): string {
  const got = /got '([^']+)'\s*$/.exec(message)?.[1];
  if (got === 'EOF')
    return 'syntax error: the template ends before a tag or block is closed (every {{ needs its }}, every {{#block}} its {{/block}})';
  if (got === 'OPEN_ENDBLOCK') return 'syntax error: this {{/…}} closes a block that was not opened';
  return `syntax error: unexpected ${text ? `\`${text}\`` : 'text'} (every {{ needs its }}, every {{#block}} its {{/block}})`;
}

function toTemplateError(
  error: unknown,
  file: string,
  position?: { line: number; column: number; text: string },
): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (message.startsWith('Parse error'))
    return new TemplateError(
      file,
      position?.line ?? Number(/line (\d+)/.exec(message)?.[1]),
      position?.column,
      syntaxDetail(message, position?.text),
    );
  const line = e.lineNumber;
  const column = e.column !== undefined ? e.column + 1 : undefined;
  const detail = message
    .replace(/ - \d+:\d+$/, '')
    .replace(/^"(.+)" not defined in .*$/s, 'the template uses `$1`, which the report data does not have')
    .replace(
      /^You specified knownHelpersOnly, but used the unknown helper (\S+).*$/s,
      'the template uses the unknown helper `$1`',
    );
  return new TemplateError(file, line, column, detail);
}
