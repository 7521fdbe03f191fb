import dns from 'node:dns';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activityFileSchema, updateSchema } from '../../src/schema/activities.js';
import { councilFileSchema } from '../../src/schema/council.js';
import { frameworkFileSchema } from '../../src/schema/framework.js';
import { unwrap } from '../../src/validate/schema-walk.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { GOLDEN_COUNCIL } from '../helpers/dataset.js';

/**
 * Residents are counted, never named, and coprod never talks to the network.
 */

/** Every field of a schema, as a path (`activities[].updates[].residents`) and the type of its value. */
function fields(schema: z.ZodType, at = ''): { path: string; key: string; type: string }[] {
  const node = unwrap(schema);
  if (node instanceof z.ZodObject) {
    return Object.entries(node.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
      const here = at ? `${at}.${key}` : key;
      return [{ path: here, key, type: unwrap(child)!.type }, ...fields(child, here)];
    });
  }
  if (node instanceof z.ZodArray) return fields(node.element as z.ZodType, `${at}[]`);
  if (node instanceof z.ZodRecord) return fields(node.valueType as z.ZodType, `${at}{}`);
  return [];
}

/** Field names that could hold a person's name or how to reach them. */
const PERSONAL =
  /name|person|people|attendee|participant|member|contact|email|phone|address|postcode|birth|signature|nhs|initials/i;

describe('no resident names in the data model', () => {
  it("an activity file has no field that could hold a person's name or contact details", () => {
    const all = fields(activityFileSchema);
    expect(all.map((f) => f.path)).toContain('activities[].updates[].residents');
    expect(all.filter((f) => PERSONAL.test(f.key)).map((f) => f.path)).toEqual([]);
  });

  it('residents, co-chairs, access costs and fees in an update are numbers, and a name there is refused', () => {
    const byKey = new Map(fields(updateSchema).map((f) => [f.key, f.type]));
    for (const key of ['residents', 'coChairs', 'accessCosts', 'participationFees', 'spend'])
      expect(byKey.get(key), key).toBe('number');
    const update = { quarter: '2023/24-Q1', summary: 'Met twice.', residents: 6 };
    expect(updateSchema.safeParse(update).success).toBe(true);
    expect(updateSchema.safeParse({ ...update, residents: 'Jane Smith' }).success).toBe(false);
    expect(updateSchema.safeParse({ ...update, attendees: ['Jane Smith'] }).success).toBe(false);
  });

  it('council.yaml names only organisations, committees, departments, groups and officers (public post-holders); never a resident', () => {
    const all = fields(councilFileSchema);
    const named = all.filter((f) => PERSONAL.test(f.key)).map((f) => f.path);
    expect(named.sort()).toEqual(
      [
        'board.name',
        'committees[].name',
        'council.name',
        'departments[].name',
        'groups[].name',
        // The groups residents are counted by (who took part): names of groups, never of people.
        'reach.dimensions[].name',
        'reach.dimensions[].categories[].name',
        // Officers are public post-holders: committee papers name them, with their work phone and email.
        'board.author.name',
        'board.director.name',
        'departments[].director.name',
        'departments[].author.name',
        'departments[].contacts[].name',
        'board.author.phone',
        'board.author.email',
        'board.director.phone',
        'board.director.email',
        'departments[].director.phone',
        'departments[].director.email',
        'departments[].author.phone',
        'departments[].author.email',
        'departments[].contacts',
        'departments[].contacts[].phone',
        'departments[].contacts[].email',
        // The Easy Read companion's pictures, by topic: each holds an icon's name (checked against the icon set), never a person's.
        'easyRead.pictures.people',
        'easyRead.pictures.phone',
        'easyRead.pictures.email',
      ].sort(),
    );
    // An officer has a role, and may have a name, a team and work contact details; nothing else.
    for (const officer of ['board.author', 'departments[].director', 'departments[].contacts[]']) {
      expect(
        all
          .filter((f) => f.path.startsWith(`${officer}.`))
          .map((f) => f.key)
          .sort(),
        officer,
      ).toEqual(['email', 'name', 'phone', 'role', 'team']);
    }
  });

  it('the framework names only itself', () => {
    expect(
      fields(frameworkFileSchema)
        .filter((f) => PERSONAL.test(f.key))
        .map((f) => f.path)
        .sort(),
    ).toEqual(['framework.name', 'framework.shortName']);
  });
});

describe('no network', () => {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  let out: string;

  /** Replaces `owner[key]` with a function that records the call and throws. */
  function forbid(owner: object, key: string, label: string): void {
    const record = owner as Record<string, unknown>;
    const original = record[key];
    record[key] = (...args: unknown[]) => {
      calls.push(`${label}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
      throw new Error(`network access: ${label}`);
    };
    restore.push(() => {
      record[key] = original;
    });
  }

  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'coprod-no-network-'));
    forbid(net.Socket.prototype, 'connect', 'net.Socket.connect');
    forbid(net, 'connect', 'net.connect');
    forbid(net, 'createConnection', 'net.createConnection');
    forbid(tls, 'connect', 'tls.connect');
    forbid(http, 'request', 'http.request');
    forbid(http, 'get', 'http.get');
    forbid(https, 'request', 'https.request');
    forbid(https, 'get', 'https.get');
    forbid(dns, 'lookup', 'dns.lookup');
    forbid(dns, 'resolve', 'dns.resolve');
    forbid(dns.promises, 'lookup', 'dns.promises.lookup');
    forbid(globalThis, 'fetch', 'fetch');
    // `import { request } from 'node:http'` reads the ES module's own bindings: bring them in line.
    syncBuiltinESMExports();
  });

  afterAll(async () => {
    for (const undo of restore) undo();
    syncBuiltinESMExports();
    await rm(out, { recursive: true, force: true });
  });

  it('validate, report, summary and DOCX run with every network call replaced by one that fails, and none is made', async () => {
    expect(() => http.request('http://example.invalid')).toThrow(/network access/);
    calls.length = 0;
    const env = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
    for (const data of [GOLDEN_COUNCIL, path.join(ROOT, 'data')]) {
      for (const args of [
        ['validate', '--data', data, '--format', 'json'],
        ['report', '--quarter', '2023/24-Q1', '--data', data, '--out', out, '--format', 'all', '--force'],
        ['summary', '--half', '2023/24-H1', '--data', data, '--out', out, '--format', 'all', '--force'],
      ]) {
        const result = await runCli(args, { env });
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      }
    }
    expect(readdirSync(out).filter((n) => n.endsWith('.docx')).length).toBeGreaterThanOrEqual(6);
    expect(calls).toEqual([]);
  }, 60_000);

  // dist/ is a bundle (scripts/bundle.mjs): it holds the packages coprod uses as well as coprod's own code.
  it("the built code, packages included, loads no network module, but for the preview's server", () => {
    const files = (readdirSync(path.join(ROOT, 'dist'), { recursive: true }) as string[]).filter((f) =>
      /\.c?js$/.test(f),
    );
    expect(files.length).toBeGreaterThan(10);
    const NETWORK =
      /(from |require\(|import\()['"](node:)?(http|https|http2|net|tls|dgram|dns)(\/promises)?['"]|\bfetch\(/;
    // `coprod preview` serves pages on 127.0.0.1 (tests/html/preview.test.ts checks no other address answers): its chunk alone takes node:http, for createServer only.
    const PREVIEW = path.join('chunks', 'preview.js');
    for (const file of files.filter((f) => f !== PREVIEW))
      expect(readFileSync(path.join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(NETWORK);
    const preview = readFileSync(path.join(ROOT, 'dist', PREVIEW), 'utf8');
    expect(preview.match(/import\{[^}]*\}from"node:http"/g)).toEqual(['import{createServer}from"node:http"']);
    expect(preview.replace('import{createServer}from"node:http"', '')).not.toMatch(NETWORK);
  });

  it("coprod's own code names no web address except XML namespaces, schema ids and the preview's loopback address", () => {
    const files = (readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(20);
    // …and the preview's own address on this computer.
    const NAMESPACES =
      /^https?:\/\/((schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|www\.w3\.org|json-schema\.org)\/|\$\{LOOPBACK\}(:|\/|$))/;
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, 'src', file), 'utf8');
      for (const url of text.match(/https?:\/\/[^\s'"`)<>]+/g) ?? []) expect(url, file).toMatch(NAMESPACES);
    }
  });
});
