/**
 * The layers of coprod's pipeline, checked by `npm run lint:deps` (part of
 * `npm test`): load → validate → model → render → docx → pack, with
 * diagnostics, periods and schema below them all and the CLI on top. A rule
 * names what a layer must not import (papers/ turns rendered Markdown into
 * files in each format, loading docx lazily); no import cycle is allowed anywhere,
 * type-only imports included.
 */
const layer = (name, below) => ({
  name: `${name}-stays-below`,
  comment: `src/${name}/ is below ${below.join(', ')}: it must not import them`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${below.join('|')})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle ties modules that should be layered',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-dev-dependencies-in-src',
      comment: 'what ships may not need a package that `npm install --omit=dev` leaves out',
      severity: 'error',
      from: { path: '^src/' },
      // Type declarations (@types/*) are erased when built.
      to: { dependencyTypes: ['npm-dev'], pathNot: '^node_modules/@types/' },
    },
    layer('diagnostics', [
      'load',
      'schema',
      'validate',
      'model',
      'render',
      'docx',
      'pack',
      'write',
      'edit',
      'prompt',
      'cli',
    ]),
    layer('periods', [
      'diagnostics',
      'load',
      'schema',
      'validate',
      'model',
      'render',
      'docx',
      'pack',
      'write',
      'edit',
      'prompt',
      'cli',
    ]),
    layer('schema', ['load', 'validate', 'model', 'render', 'docx', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('load', ['validate', 'model', 'render', 'docx', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('validate', ['model', 'render', 'docx', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('model', ['render', 'docx', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('render', ['docx', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('docx', ['pack', 'write', 'edit', 'prompt', 'cli']),
    layer('papers', ['pack', 'write', 'edit', 'prompt', 'cli']),
    // The Easy Read companions are made from the view models and rendered like the papers; pack and the CLI load them.
    layer('easy-read', ['docx', 'html', 'papers', 'pack', 'write', 'edit', 'prompt', 'cli']),
    layer('pack', ['edit', 'prompt', 'cli']),
    layer('write', ['load', 'validate', 'model', 'render', 'docx', 'pack', 'edit', 'prompt', 'cli']),
    layer('edit', ['model', 'render', 'docx', 'pack', 'prompt', 'cli']),
    layer('io', ['load', 'schema', 'validate', 'model', 'render', 'docx', 'pack', 'write', 'edit', 'cli']),
    layer('prompt', ['load', 'validate', 'model', 'render', 'docx', 'pack', 'write', 'edit', 'cli']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types still ties the modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
