import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostics/diagnostic.js';
import { LOAD_CHECKS } from './load-checks.js';
import type { CheckMeta } from './rule.js';
import { RULES } from './rules/index.js';

/** Every check's meta: those made while loading, then the rules, in the order they run. */
export function allChecks(): readonly CheckMeta[] {
  return [...LOAD_CHECKS, ...RULES.map((rule) => rule.meta)];
}

/**
 * docs/diagnostics.md: every diagnostic code, in the order of
 * DIAGNOSTIC_CODES, with what each check that reports it says of itself.
 * Pure; `npm run docs` writes it and a test fails when the file is stale.
 */
export function diagnosticsReference(): string {
  const byCode = new Map<DiagnosticCode, CheckMeta[]>();
  for (const meta of allChecks()) byCode.set(meta.code, [...(byCode.get(meta.code) ?? []), meta]);
  const lines = [
    '# Diagnostic codes',
    '',
    "<!-- Generated from the checks' own meta (src/validate/rules/*, src/validate/load-checks.ts) by `npm run docs`: do not edit by hand. -->",
    '',
    '`coprod validate` reports each problem with one of these codes, its file, line and column, and a hint.',
    'Errors stop every command that renders papers (exit 1; exit 2 for `file-unreadable` and `missing-council`);',
    'warnings are gaps the papers will show, and fail only with `--strict`. See [validate.md](validate.md).',
    '',
    '| code | severity | what it means |',
    '| --- | --- | --- |',
  ];
  for (const code of DIAGNOSTIC_CODES) {
    const metas = byCode.get(code) ?? [];
    lines.push(`| [\`${code}\`](#${code}) | ${severityOf(metas)} | ${metas.map((m) => m.description).join(' ')} |`);
  }
  for (const code of DIAGNOSTIC_CODES) {
    const metas = byCode.get(code) ?? [];
    lines.push('', `## ${code}`, '', `Severity: ${severityOf(metas)}.`);
    for (const meta of metas) {
      lines.push('', meta.description, '', '```yaml', meta.example, '```', '', `Hint: ${meta.hint}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function severityOf(metas: readonly CheckMeta[]): string {
  return [...new Set(metas.map((m) => m.severity))].join(', ');
}
