/**
 * The benchmark's one table, as plain text: one line per measurement, and a
 * line per further target under it. Whether a target is met is written in
 * words (yes, no, n/a), never shown by colour alone.
 */

const HEADERS = ['size', 'command', 'median s', 'peak MiB', 'ratio / value', 'target', 'met'];
const RIGHT = new Set([2, 3, 4]);

function formatValue(c) {
  if (!c) return '';
  if (c.value === null) return 'not measured';
  if (c.unit === 'x') return `${c.value.toFixed(2)} ×`;
  if (c.unit === 's') return `${c.value.toFixed(2)} s`;
  return `${c.value.toFixed(0)} MiB`;
}

function formatMet(c) {
  if (!c) return '';
  if (c.value === null) return 'n/a';
  if (c.met === null) return '-';
  return c.met ? 'yes' : 'no';
}

/**
 * `measurements`: `[{ key, size, name, median, peakMiB, error?, unavailable? }]` in
 * print order; `checks`: from evaluateTargets.
 */
export function formatTable(measurements, checks) {
  const rows = [];
  for (const m of measurements) {
    const mine = checks.filter((c) => c.on === m.key);
    const first = mine[0];
    const median = m.error ? 'failed' : m.median === null || m.median === undefined ? '' : m.median.toFixed(3);
    const name = m.unavailable ? `${m.name.replace(/^coprod /, '')}: not available` : m.name;
    const peak = m.peakMiB === null || m.peakMiB === undefined ? '' : m.peakMiB.toFixed(0);
    rows.push([m.size, name, median, peak, formatValue(first), first?.target ?? '', formatMet(first)]);
    for (const c of mine.slice(1)) rows.push(['', '', '', '', formatValue(c), c.target, formatMet(c)]);
  }
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (RIGHT.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
