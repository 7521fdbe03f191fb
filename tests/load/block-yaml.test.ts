import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify, type ToStringOptions } from 'yaml';
import { generateCouncil } from '../../bench/generate.mjs';
import { readBlockYaml } from '../../src/load/block-yaml.js';
import { locate } from '../../src/load/locate.js';
import { MAX_DEPTH, MAX_ITEMS, parseSource, positionsOf, UNSAFE_KEYS } from '../../src/load/source.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const LIMITS = { maxDepth: MAX_DEPTH, maxItems: MAX_ITEMS, unsafeKeys: UNSAFE_KEYS };
const encoder = new TextEncoder();

/** What the `yaml` library makes of a text: its diagnostics, data and positions. */
function library(text: string) {
  const { source, diagnostics } = parseSource('file.yaml', encoder.encode(text), { fastReader: false });
  return { diagnostics, data: source.data, positions: source.positions };
}

/**
 * The fast reader either gives up, or reads a text the library reads
 * without any problem, to the same data and the same positions.
 * Returns whether it read the text.
 */
function agreesWithLibrary(text: string): boolean {
  const fast = readBlockYaml(text, LIMITS);
  if (!fast) return false;
  const lib = library(text);
  expect(lib.diagnostics, text).toEqual([]);
  expect(fast.data, text).toStrictEqual(lib.data);
  expect(fast.positions, text).toStrictEqual(lib.positions);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => /\.ya?ml$/.test(file) && statSync(file, { throwIfNoEntry: false })?.isFile() && statSync(file).size < 2 * 1024 * 1024);
}

const decode = (file: string) => new TextDecoder().decode(readFileSync(file)).replace(/^\uFEFF/, '');

describe('the fast YAML reader', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'coprod-block-yaml-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reads every file of the sample council and of a generated council, as the library does', () => {
    generateCouncil({ activities: 300, seed: 7, out: scratch });
    for (const file of [...yamlFiles(path.join(ROOT, 'data')), ...yamlFiles(scratch)]) {
      expect(agreesWithLibrary(decode(file)), file).toBe(true);
    }
  });

  it('defers positions for a file it reads, and reads them when a diagnostic first needs them', () => {
    const file = path.join(ROOT, 'data', 'activities', 'economy.yaml');
    const { source } = parseSource(file, readFileSync(file));
    expect(source.positions).toBeUndefined();
    expect(source.positionsDeferred).toBe(true);
    const lib = library(decode(file));
    expect(locate(source, ['activities', 0, 'updates', 1, 'summary'])).toEqual(locate({ ...source, positions: lib.positions! }, ['activities', 0, 'updates', 1, 'summary']));
    expect(positionsOf(source)).toStrictEqual(lib.positions);
    expect(source.positionsDeferred).toBeUndefined();
  });

  it('agrees with the library, or gives up, on every test fixture', () => {
    const files = yamlFiles(FIXTURES);
    const read = files.filter((file) => agreesWithLibrary(decode(file)));
    // Most fixtures are ordinary data with one problem elsewhere; the broken files go to the library.
    expect(read.length).toBeGreaterThan(files.length / 2);
    expect(read.length).toBeLessThan(files.length);
  });

  it('gives up on what it leaves to the library', () => {
    const outside = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '%YAML 1.2\n---\na: 1\n', // directives and document markers
      'a: 1\n---\nb: 2\n', // several documents
      '? a\n: 1\n', // long-form keys
      '"a": 1\n', // quoted keys
      'a: one\n  two\n', // text over several lines
      'a:\n\tb: 1\n', // tabs
      'a: [b, [c]]\n', // nested one-line lists
      'a: {b: 1}\n', // one-line records
      'a: 1\na: 2\n', // duplicate keys
      '__proto__: 1\n', // unsafe keys
      'a: "\\u0001"\n', // escapes Word cannot store
      'a: >\n  one\n    more\n', // folded lines more indented
      'a: |\n\n  leading blank\n', // blank lines before a block
      '- a\n- b\n', // a list, not a record
      '# only a comment\n',
      'a:\n- \n', // an empty item
      'a: b: c\n',
    ];
    for (const text of outside) expect(readBlockYaml(text, LIMITS), text).toBeUndefined();
  });

  it('reads blocks, quotes, one-line lists, comments and Windows line ends', () => {
    const text = [
      '# a comment',
      'title: Plain text # and a comment',
      'quoted: "say \\"hello\\"\\n" # escapes',
      "single: 'it''s'",
      'numbers: [1, 0x1F, 0o17, 1.5, .inf, "7.4"]',
      'empty:',
      'flags: [true, False, ~, null]',
      'strip: >-',
      '  folded',
      '  text',
      '',
      '  new paragraph',
      'keep: |+',
      '  kept',
      '',
      'list:',
      '- id: a',
      '  note: |',
      '    literal',
      '      indented',
      '- plain',
      'none: {}',
      '',
    ].join('\r\n');
    expect(agreesWithLibrary(text)).toBe(true);
    expect(readBlockYaml(text, LIMITS)!.data).toEqual({
      title: 'Plain text',
      quoted: 'say "hello"\n',
      single: "it's",
      numbers: [1, 31, 15, 1.5, Infinity, '7.4'],
      empty: null,
      flags: [true, false, null, null],
      strip: 'folded text\nnew paragraph',
      keep: 'kept\n\n',
      list: [{ id: 'a', note: 'literal\n  indented\n' }, 'plain'],
      none: {},
    });
  });

  it('gives up when nesting or lists reach the loader\'s limits, which the library then reports', () => {
    const deep = `${Array.from({ length: MAX_DEPTH + 2 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    expect(readBlockYaml(deep, LIMITS)).toBeUndefined();
    const long = `a:\n${'- x\n'.repeat(MAX_ITEMS + 1)}`;
    expect(readBlockYaml(long, LIMITS)).toBeUndefined();
    expect(readBlockYaml(`a:\n${'- x\n'.repeat(MAX_ITEMS)}`, LIMITS)).toBeDefined();
  });

  // Generated documents, written by the library in its many styles, then decorated and damaged.
  const key = fc.oneof(
    { arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/), weight: 6 },
    fc.constantFrom('id', 'title', '1', '0x1F', 'true', 'null', '~', 'a b', 'x-y', '2023/24-Q1', 'é', '-k', 'k#', 'k:v', '.inf', 'k '),
  );
  const text = fc.oneof(
    { arbitrary: fc.lorem({ maxCount: 12 }), weight: 4 },
    fc.constantFrom('', ' ', 'yes', 'True', 'null', '~', '1', '-1', '+1', '0o17', '0x1F', '1e3', '.5', '1.', '.inf', '.nan', '0.10', '2023-02-30', 'a: b', 'a #b', 'a#b', '#x', '- x', '-x', ':x', '? x', '"q"', "'q'", "it's", 'back\\slash', 'line\nbreak', 'two\n\nbreaks', 'end\n', ' lead', 'trail ', '[a]', '{a}', '*a', '&a', '!t', '%x', '@x', '`x', '|', '>', 'aé中', '😀', '\t', '\u0085'),
    fc.string({ unit: fc.constantFrom(...'ab :#-\'"\\\n[]{},|>&*!%.09eE+é'), maxLength: 30 }),
    fc.lorem({ maxCount: 30, mode: 'sentences' }),
  );
  const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(key, tie('value'), { maxKeys: 4 })),
  }));
  const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });
  const style: fc.Arbitrary<ToStringOptions> = fc.record({
    indent: fc.constantFrom(2, 3, 4),
    indentSeq: fc.boolean(),
    defaultStringType: fc.constantFrom('PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'PLAIN'),
    lineWidth: fc.constantFrom(0, 0, 0, 20, 80),
    minContentWidth: fc.constantFrom(0, 10),
    flowCollectionPadding: fc.boolean(),
    collectionStyle: fc.constantFrom('any', 'any', 'block', 'flow'),
  });
  const written = fc.tuple(document, style).map(([doc, options]) => stringify(doc, options));
  const decorations = fc.record({
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '# c', '  # c', '    ', '      # deep', '  ')), { maxLength: 4 }),
  });

  function decorate(yaml: string, { crlf, finalNewline, inserts }: { crlf: boolean; finalNewline: boolean; inserts: [number, string][] }): string {
    const lines = yaml.replace(/\n$/, '').split('\n');
    for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? (crlf ? '\r\n' : '\n') : '');
  }

  it('agrees with the library on generated documents in every style', () => {
    let read = 0;
    fc.assert(
      fc.property(written, decorations, (yaml, decoration) => {
        if (agreesWithLibrary(decorate(yaml, decoration))) read++;
      }),
      { seed: 20231001, numRuns: 600 },
    );
    // Many are outside the subset (flow style, nested lists, long keys); the rest must be read.
    expect(read).toBeGreaterThan(60);
  });

  it('reads most generated documents shaped like department files, as the library does', () => {
    const plainKey = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,9}$/);
    const field = fc.oneof(fc.lorem({ maxCount: 40 }), fc.lorem({ maxCount: 60, mode: 'sentences' }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom('2023/24-Q1', '2023-02-28', 'amber', 'yes', 'null', '7.4'));
    const record = fc.dictionary(plainKey, fc.oneof({ arbitrary: field, weight: 4 }, fc.array(field, { maxLength: 3 })), { minKeys: 1, maxKeys: 6 });
    const departmentFile = fc.dictionary(plainKey, fc.oneof(field, fc.array(fc.tuple(record, fc.array(record, { maxLength: 3 })).map(([r, updates]) => ({ ...r, updates })), { minLength: 1, maxLength: 4 })), { minKeys: 1, maxKeys: 4 });
    const blockStyle = fc.record({
      indent: fc.constantFrom(2, 4),
      indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom('PLAIN', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      defaultKeyType: fc.constant('PLAIN'),
      lineWidth: fc.constantFrom(0, 60, 100),
      flowCollectionPadding: fc.boolean(),
    } satisfies Record<string, fc.Arbitrary<unknown>>) as fc.Arbitrary<ToStringOptions>;
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(departmentFile, blockStyle, decorations, (doc, options, decoration) => {
        runs++;
        if (agreesWithLibrary(decorate(stringify(doc, options), decoration))) read++;
      }),
      { seed: 20231002, numRuns: 300 },
    );
    // Lines inserted into blocks and long plain lines folded over several send some to the library.
    expect(read).toBeGreaterThan(runs / 3);
  });

  it('agrees with the library, or gives up, on damaged documents', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', ' ', '  ', ':', ': ', '#', ' #', '-', '- ', "'", '"', '\\', '|', '>', '\n', '\n  ', '\r\n', '[', ']', ',', '{', '}', '&', '*', '!', '?', '~', '0'));
    fc.assert(
      fc.property(written, fc.array(edit, { minLength: 1, maxLength: 3 }), (yaml, edits) => {
        let damaged = yaml;
        for (const [at, remove, insert] of edits) {
          const i = at % (damaged.length + 1);
          damaged = damaged.slice(0, i) + insert + damaged.slice(i + remove);
        }
        agreesWithLibrary(damaged);
      }),
      { seed: 20231003, numRuns: 1500 },
    );
  });
});
