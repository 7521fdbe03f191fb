import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Io } from '../io/io.js';
import { TemplateError } from '../errors.js';
import { readUserFile } from '../io/read-file.js';
import { HELPERS } from './helpers.js';
import { syntaxErrorPosition, toTemplateError } from './template-errors.js';
import { FIELD_HELPER, nodesOfType, readField, strictArguments } from './template-fields.js';

/** The templates shipped with coprod. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

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
