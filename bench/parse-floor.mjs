#!/usr/bin/env node
/**
 * The parse floor: the least work any tool reading a council's data must do.
 * Reads council.yaml, framework.yaml and activities/*.yaml and parses each
 * the way coprod's loader does (yaml's parseDocument with a LineCounter, YAML
 * 1.2, strict, unique keys, then to plain data), and nothing else: no schema,
 * no rules, no output. `validate` is compared with this.
 *
 *   node bench/parse-floor.mjs DATA_DIR
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/parse-floor.mjs DATA_DIR\n');
  process.exit(2);
}
const activities = path.join(dir, 'activities');
const files = [
  path.join(dir, 'council.yaml'),
  path.join(dir, 'framework.yaml'),
  ...readdirSync(activities)
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => path.join(activities, n)),
];
let errors = 0;
let records = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'), {
    lineCounter: new LineCounter(),
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: '1.2',
  });
  errors += doc.errors.length;
  const data = doc.toJS();
  records += Array.isArray(data?.activities) ? data.activities.length : 0;
}
if (errors > 0) {
  process.stderr.write(`parse-floor: ${errors} YAML errors\n`);
  process.exit(1);
}
process.stdout.write(`parsed ${files.length} files, ${records} activities\n`);
