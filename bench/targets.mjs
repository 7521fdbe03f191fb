/**
 * The performance targets, one small function each. A target
 * reads the measurements and returns checks to print next to a measurement
 * (`on`: the measurement's key, `size:name`). Targets are goals, not
 * assertions: a missed one is printed as "no" and never fails the run.
 */

const GIB = 1024;

function check(on, value, unit, limit, target) {
  if (value === null || value === undefined || Number.isNaN(value))
    return { on, value: null, unit, limit, target, met: null };
  return { on, value, unit, limit, target, met: limit === null ? null : value <= limit };
}

function ratio(m, a, b) {
  const x = m.get(a);
  const y = m.get(b);
  return x?.median && y?.median ? x.median / y.median : null;
}

/** `coprod --help` starts within 1.5 × a bare `node -e 0`. */
function helpStartUp(m) {
  return [check('-:coprod --help', ratio(m, '-:coprod --help', '-:node -e 0'), 'x', 1.5, '≤ 1.5 × node -e 0')];
}

/** `validate` costs at most twice the bare YAML parse of the same files (M and L); S is shown for information. */
function validateVersusParse(m, sizes) {
  return sizes.map((s) =>
    check(
      `${s}:coprod validate`,
      ratio(m, `${s}:coprod validate`, `${s}:parse floor`),
      'x',
      s === 'S' ? null : 2,
      s === 'S' ? 'info (target is for M, L)' : '≤ 2 × parse floor',
    ),
  );
}

/**
 * The pack in Word (its Markdown made as the source of every document) takes at most half of pandoc's time for
 * the same Markdown; the pack as a clerk gets it, and `report`, against pandoc are for information.
 */
function versusPandoc(m, sizes, { packAvailable }) {
  const out = [];
  for (const s of sizes) {
    if (m.has(`${s}:pandoc (report md)`)) {
      out.push(
        check(
          `${s}:coprod report`,
          ratio(m, `${s}:coprod report`, `${s}:pandoc (report md)`),
          'x',
          null,
          'info: vs pandoc on its Markdown',
        ),
      );
    }
    const word = `${s}:coprod pack --format docx --no-charts`;
    out.push(
      check(
        word,
        packAvailable ? ratio(m, word, `${s}:pandoc (pack md)`) : null,
        'x',
        0.5,
        '≤ 0.5 × pandoc, same Markdown',
      ),
      check(
        `${s}:coprod pack`,
        packAvailable ? ratio(m, `${s}:coprod pack`, `${s}:pandoc (pack md)`) : null,
        'x',
        null,
        'info: vs pandoc, same Markdown',
      ),
    );
  }
  return out;
}

/** Charts add at most 15% to the pack (S and M): the pack against the same pack without charts. */
function chartsCost(m, sizes, { packAvailable }) {
  return sizes
    .filter((s) => s !== 'L')
    .map((s) =>
      check(
        `${s}:coprod pack --no-charts`,
        packAvailable ? ratio(m, `${s}:coprod pack`, `${s}:coprod pack --no-charts`) : null,
        'x',
        1.15,
        'charts: pack ≤ 1.15 × this',
      ),
    );
}

/** At L: validate within 3 s, pack within 10 s. */
function largeTimes(m, sizes) {
  if (!sizes.includes('L')) return [];
  return [
    check('L:coprod validate', m.get('L:coprod validate')?.median, 's', 3, '≤ 3 s at L'),
    check('L:coprod pack', m.get('L:coprod pack')?.median, 's', 10, '≤ 10 s at L'),
  ];
}

/** At L: every coprod command peaks under 1 GiB. */
function largeMemory(m, sizes) {
  if (!sizes.includes('L')) return [];
  return ['coprod validate', 'coprod report', 'coprod pack'].map((name) =>
    check(`L:${name}`, m.get(`L:${name}`)?.peakMiB, 'MiB', GIB, '≤ 1024 MiB peak at L'),
  );
}

/** Ten times the data (M → L) costs at most twelve times the time. */
function scaling(m, sizes) {
  if (!sizes.includes('M') || !sizes.includes('L')) return [];
  return ['coprod validate', 'coprod report', 'coprod pack'].map((name) =>
    check(`L:${name}`, ratio(m, `L:${name}`, `M:${name}`), 'x', 12, '≤ 12 × M (10× data)'),
  );
}

export const TARGETS = [helpStartUp, validateVersusParse, versusPandoc, chartsCost, largeTimes, largeMemory, scaling];

/** Every check, for the measurements in `m` (a Map of key → measurement). */
export function evaluateTargets(m, sizes, context) {
  return TARGETS.flatMap((t) => t(m, sizes, context));
}
