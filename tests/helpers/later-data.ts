import * as fsp from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { stringify } from 'yaml';
import type { Io } from '../../src/io/io.js';
import { readDataFolder, type DataFolder } from '../../src/load/folder.js';
import { parseSource } from '../../src/load/source.js';
import type { Dataset } from '../../src/validate/dataset.js';
import { validateFolder } from '../../src/validate/validate.js';
import { ROOT } from './cli.js';

/**
 * Editing a council's data as a council officer would: the plain data of its
 * department files, written back as YAML and read and validated again by
 * coprod's own loader and validator, in-process.
 */

/** An update as written in a department file (only the fields the tests touch are typed). */
export interface RawUpdate {
  quarter: string;
  [field: string]: unknown;
}

export interface RawActivity {
  id: string;
  start: string;
  end?: string;
  updates?: RawUpdate[];
  [field: string]: unknown;
}

export interface RawAssessment {
  quarter: string;
  recommendation: number;
  [field: string]: unknown;
}

/** A department file's plain data. */
export interface RawDepartmentFile {
  department: string;
  assessments?: RawAssessment[];
  activities?: RawActivity[];
}

/** Io that reads the real file system and writes nowhere. */
export function quietIo(cwd: string = ROOT): Io {
  const stdin = new PassThrough();
  stdin.end();
  return { cwd, env: {}, stdout: { write: () => true }, stderr: { write: () => true }, stdin, fs: fsp };
}

/** A data folder as read from disk, with its validated dataset. */
export interface LoadedFolder {
  folder: DataFolder;
  dataset: Dataset;
}

/** Reads and validates a data folder; throws when it has errors. */
export async function loadFolder(dir: string): Promise<LoadedFolder> {
  const folder = await readDataFolder(dir, quietIo());
  return { folder, dataset: validOrThrow(folder, dir) };
}

function validOrThrow(folder: DataFolder, what: string): Dataset {
  const result = validateFolder(folder);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.dataset) {
    throw new Error(`${what} is not valid data: ${errors.map((e) => `${e.file}: ${e.code}: ${e.message}`).join('; ')}`);
  }
  return result.dataset;
}

/** A deep copy of every department file's plain data, in folder order. */
export function departmentFiles(folder: DataFolder): RawDepartmentFile[] {
  return folder.activities.map((s) => structuredClone(s.data) as RawDepartmentFile);
}

/**
 * The folder with its department files replaced by `files` (same order),
 * each written as YAML and read and validated again; throws if the edited
 * data is not valid, so a test never renders data coprod would refuse.
 */
export function datasetWith(folder: DataFolder, files: readonly RawDepartmentFile[]): Dataset {
  const encoder = new TextEncoder();
  const diagnostics = [...folder.diagnostics];
  const activities = folder.activities.map((source, i) => {
    const parsed = parseSource(source.path, encoder.encode(stringify(files[i], { lineWidth: 0 })));
    diagnostics.push(...parsed.diagnostics);
    return parsed.source;
  });
  return validOrThrow({ ...folder, activities, diagnostics }, 'the edited data');
}

/** Where two texts first differ, by line, for a failure message; undefined when they are equal. */
export function firstDifference(before: string, after: string, width = 240): string | undefined {
  if (before === after) return undefined;
  const a = before.split('\n');
  const b = after.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let changed = 0;
  for (let j = 0; j < Math.max(a.length, b.length); j++) if (a[j] !== b[j]) changed++;
  const cut = (line: string | undefined) =>
    line === undefined ? '(no line)' : line.length > width ? `${line.slice(0, width)}…` : line;
  return [
    `first difference at line ${i + 1} (${a.length} lines before, ${b.length} after, ${changed} lines differ in place):`,
    `  - ${cut(a[i])}`,
    `  + ${cut(b[i])}`,
  ].join('\n');
}
