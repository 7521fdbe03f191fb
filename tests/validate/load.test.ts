import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';
import { locate } from '../../src/load/locate.js';
import { parseSource } from '../../src/load/source.js';
import { positionOf } from '../../src/diagnostics/position.js';
import { dateHint } from '../../src/validate/schema-issues.js';
import { suggest } from '../../src/validate/suggest.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decoding', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', bom: true });
  });

  it('keeps the text of invalid UTF-8 and gives the offset of the first bad character', () => {
    const decoded = decodeUtf8(Uint8Array.from([0x61, 0x0a, 0xc3, 0xa9, 0xe9, 0x62]));
    expect(decoded).toEqual({ text: 'a\né\uFFFDb', bom: false, invalidAt: 3 });
  });

  it('reports a truncated multi-byte character at the end of the file', () => {
    expect(decodeUtf8(Uint8Array.from([0x61, 0xe2, 0x82])).invalidAt).toBe(1);
  });
});

describe('parsing', () => {
  it('reads a file that starts with many blank lines quickly (no runaway regular expression)', () => {
    const started = performance.now();
    const { source, diagnostics } = parseSource(
      'x.yaml',
      bytes(`${'\n'.repeat(5000)}${' \n'.repeat(5000)}department: economy\n`),
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(diagnostics).toEqual([]);
    expect(source.data).toEqual({ department: 'economy' });
  });

  it('gives positions for files the parser never sees', () => {
    const { source, diagnostics } = parseSource('x.yaml', Uint8Array.from([...bytes('a: 1\nb: caf'), 0xe9, 0x0a]));
    expect(diagnostics.map((d) => d.code)).toEqual(['encoding-invalid-utf8']);
    expect(positionOf(source, diagnostics[0].range![0])).toEqual({ line: 2, column: 7 });
  });

  it('reads YAML 1.2: dates stay text, yes/no stay text', () => {
    expect(parseSource('x.yaml', bytes('a: 2023-02-30\nb: yes\nc: 30/02/2020\n')).source.data).toEqual({
      a: '2023-02-30',
      b: 'yes',
      c: '30/02/2020',
    });
  });

  it('refuses aliases without expanding them', () => {
    const lol = `a: &a [${'"lol",'.repeat(10)}]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${`*${String.fromCharCode(97 + i)},`.repeat(10)}]`).join('\n')}\n`;
    const { source, diagnostics } = parseSource('x.yaml', bytes(lol));
    expect(source.data).toBeUndefined();
    expect(diagnostics).toHaveLength(90);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(['yaml-alias']));
  });
});

describe('locating a data path in the YAML', () => {
  const { source } = parseSource(
    'x.yaml',
    bytes('activities:\n  - id: a\n    title:\n    updates:\n      - quarter: 2023/24-Q1\n'),
  );
  const at = (path: (string | number)[], keyOf = false) => positionOf(source, locate(source, path, { keyOf })![0]);

  it('finds values, and keys on request', () => {
    expect(at(['activities', 0, 'updates', 0, 'quarter'])).toEqual({ line: 5, column: 18 });
    expect(at(['activities', 0, 'updates', 0, 'quarter'], true)).toEqual({ line: 5, column: 9 });
  });

  it('points a missing field at the nearest record that exists, and an empty value at its key', () => {
    expect(at(['activities', 0, 'stage'])).toEqual({ line: 2, column: 5 });
    expect(at(['activities', 0, 'updates', 0, 'summary'])).toEqual({ line: 5, column: 9 });
    expect(at(['activities', 3, 'id'])).toEqual({ line: 1, column: 1 });
    expect(at(['activities', 0, 'title'])).toEqual({ line: 3, column: 5 });
  });
});

describe('hints', () => {
  it('suggests the nearest name for a typo, counting swapped letters as one', () => {
    expect(suggest('meaures', ['measures', 'recommendations'])).toBe('measures');
    expect(suggest('levle', ['level', 'stage'])).toBe('level');
    expect(suggest('budget', ['level', 'stage'])).toBeUndefined();
  });

  it('says why a date does not exist, or how to write a real one', () => {
    expect(dateHint('30/02/2020')).toBe('there is no 30 February 2020: February 2020 has 29 days');
    expect(dateHint('2023-02-29')).toBe('there is no 29 February 2023: February 2023 has 28 days');
    expect(dateHint('20/06/2023')).toBe('write it as 2023-06-20');
    expect(dateHint('next Tuesday')).toBe('write the date as YYYY-MM-DD, e.g. 2023-06-20');
  });
});
