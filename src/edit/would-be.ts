import type { DataFolder } from '../load/folder.js';
import { parseSource, type SourceFile } from '../load/source.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { validateFolder, type ValidationResult } from '../validate/validate.js';

/** A data folder as it would be with one activity file replaced (or added). */
export function folderWith(
  folder: DataFolder,
  path: string,
  bytes: Uint8Array,
): { folder: DataFolder; source: SourceFile } {
  const parsed = parseSource(path, bytes);
  const others = folder.activities.filter((s) => s.path !== path);
  const activities = [...others, parsed.source].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const diagnostics = [...folder.diagnostics.filter((d) => d.file !== path), ...parsed.diagnostics];
  return { folder: { ...folder, activities, diagnostics }, source: parsed.source };
}

/**
 * The problems that stop an addition: any diagnostic inside the new entry's
 * text, and any error the folder did not have before (an addition can break
 * something elsewhere, such as a duplicate id). Problems that were already
 * there, and warnings elsewhere, are not the new entry's doing.
 */
export function blockingDiagnostics(
  before: ValidationResult,
  after: ValidationResult,
  file: string,
  range: readonly [number, number],
): Diagnostic[] {
  const old = new Map<string, number>();
  for (const d of before.diagnostics) if (d.severity === 'error') old.set(identity(d), (old.get(identity(d)) ?? 0) + 1);
  return after.diagnostics.filter((d) => {
    if (d.file === file && d.range && d.range[0] < range[1] && d.range[1] > range[0]) return true;
    if (d.severity !== 'error') return false;
    const left = old.get(identity(d)) ?? 0;
    if (left > 0) {
      old.set(identity(d), left - 1);
      return false;
    }
    return true;
  });
}

/** A diagnostic without its position, which moves when text is inserted before it. */
function identity(d: Diagnostic): string {
  return `${d.file}\u0000${d.code}\u0000${d.message}`;
}

/** Validates the folder as it is and as it would be with the new bytes, and returns what blocks the change. */
export function checkChange(
  folder: DataFolder,
  path: string,
  bytes: Uint8Array,
  range: readonly [number, number],
): { blocking: Diagnostic[]; after: ValidationResult; source: SourceFile; folder: DataFolder } {
  const before = validateFolder(folder);
  const next = folderWith(folder, path, bytes);
  const after = validateFolder(next.folder);
  return { blocking: blockingDiagnostics(before, after, path, range), after, source: next.source, folder: next.folder };
}
