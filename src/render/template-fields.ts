import Handlebars from 'handlebars';

/**
 * Strict fields for helper arguments, through Handlebars' public syntax tree:
 * its strict mode checks only plain `{{field}}` lookups, and nearly every
 * field in coprod's templates goes through a helper (`{{text field}}`).
 */

/** The helper every field passed to a helper is read through (see {@link strictArguments}); not for templates to call. */
export const FIELD_HELPER = 'coprod-field';

type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression | hbs.AST.PartialStatement;

/**
 * Reads every field passed to a helper (or a partial) through the
 * {@link FIELD_HELPER}, so that a field the model lacks is an error, as it is
 * for a plain `{{field}}` in strict mode: `{{text contact.role}}` becomes
 * `{{text (coprod-field (coprod-field this "contact" …) "role" …)}}`, each step
 * carrying where the field is written. Only the documented node types of
 * Handlebars' syntax tree are made; data (`@index`) and `this` are left alone.
 */
export function strictArguments(ast: hbs.AST.Program): hbs.AST.Program {
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
export function readField(parent: unknown, name: string, options: Handlebars.HelperOptions): unknown {
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
export function nodesOfType<T>(node: unknown, types: readonly string[], out: T[] = []): T[] {
  if (Array.isArray(node)) {
    for (const child of node) nodesOfType(child, types, out);
  } else if (node && typeof node === 'object') {
    if (types.includes((node as { type?: string }).type ?? '')) out.push(node as T);
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') nodesOfType(value, types, out);
  }
  return out;
}
