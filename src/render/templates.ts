import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Io } from '../io/io.js';
import { TemplateError } from '../errors.js';
import { HELPERS } from './helpers.js';

/** The templates shipped with coprod. */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
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

/**
 * Loads `*.md.hbs` documents and `partials/*.hbs` from the built-in folder,
 * then from `overrideDir` (same name wins). Every template is parsed and
 * compiled now, so a syntax error or an unknown helper is reported before
 * anything is rendered.
 */
export async function loadTemplates(io: Io, overrideDir?: string): Promise<TemplateSet> {
  const documents = new Map<string, Loaded>();
  const partials = new Map<string, Loaded>();
  const dirs = [BUILT_IN_TEMPLATES, ...(overrideDir ? [path.resolve(io.cwd, overrideDir)] : [])];
  for (const [i, dir] of dirs.entries()) {
    const shown = (f: string) => (i === 0 ? `(built-in) templates/${path.relative(dir, f)}` : path.relative(io.cwd, f) || f);
    const entries = await io.fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (i === 0) throw error;
      throw new TemplateError(overrideDir!, undefined, undefined, `cannot read the templates folder (${error.code ?? error.message})`);
    });
    for (const name of entries.filter((n) => n.endsWith('.md.hbs')).sort()) {
      const file = path.join(dir, name);
      documents.set(name.replace(/\.md\.hbs$/, ''), { name, file: shown(file), source: await io.fs.readFile(file, 'utf8') });
    }
    const partialDir = path.join(dir, 'partials');
    const partialNames = await io.fs.readdir(partialDir).catch(() => [] as string[]);
    for (const name of partialNames.filter((n) => n.endsWith('.hbs')).sort()) {
      const file = path.join(partialDir, name);
      partials.set(name.replace(/(\.md)?\.hbs$/, ''), { name, file: shown(file), source: await io.fs.readFile(file, 'utf8') });
    }
  }

  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, helper);
  const partialFile = new Map<string, string>();
  for (const [name, p] of partials) {
    env.registerPartial(name, checkedCompile(env, p));
    partialFile.set(name, p.file);
  }
  const compiled = new Map<string, { file: string; fn: HandlebarsTemplateDelegate }>();
  for (const [name, d] of documents) compiled.set(name, { file: d.file, fn: checkedCompile(env, d) });

  return {
    names: () => [...compiled.keys()],
    render(name, model) {
      const template = compiled.get(name);
      if (!template) throw new TemplateError(`${name}.md.hbs`, undefined, undefined, 'template not found');
      try {
        return template.fn(model, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw toTemplateError(error, template.file);
      }
    },
  };
}

/** Parses and precompiles (which checks helpers), then returns the runtime template. */
function checkedCompile(env: typeof Handlebars, t: Loaded): HandlebarsTemplateDelegate {
  try {
    env.precompile(t.source, COMPILE_OPTIONS);
    return env.compile(t.source, COMPILE_OPTIONS);
  } catch (error) {
    throw toTemplateError(error, t.file);
  }
}

function toTemplateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  const parseLine = /Parse error on line (\d+)/.exec(message);
  const line = e.lineNumber ?? (parseLine ? Number(parseLine[1]) : undefined);
  const column = e.column !== undefined ? e.column + 1 : undefined;
  const detail = message
    .replace(/^Parse error on line \d+:\n/, 'syntax error:\n')
    .replace(/ - \d+:\d+$/, '')
    .replace(/^"(.+)" not defined in .*$/s, 'the template uses `$1`, which the report data does not have')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (\S+).*$/s, 'the template uses the unknown helper `$1`');
  return new TemplateError(file, line, column, detail);
}
