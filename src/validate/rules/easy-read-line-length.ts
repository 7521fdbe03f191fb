import { formatQuarter } from '../../periods/periods.js';
import { longestSentence, MAX_WORDS } from '../../easy-read/sentences.js';
import { forEachActivity, type Rule } from '../rule.js';

/**
 * The lines of the data an Easy Read companion prints as written (an
 * activity's title, an update's `easyRead` line, and its "you said, we did"
 * when it has no `easyRead` line) have sentences of at most 15 words. Checked
 * for the quarter being validated, like the long sentences of the plain
 * language check: that is what the next companion prints.
 */
export const easyReadLineLength: Rule = {
  meta: {
    code: 'easy-read-too-long',
    severity: 'warning',
    description: `A line the Easy Read companion prints as written has a sentence of more than ${MAX_WORDS} words.`,
    example:
      'outcomes:\n  - youSaid: Seating in the public square should have arm rests and back rests, and be at different heights.\n    weDid: Three seat heights were added.',
    hint: `add an \`easyRead:\` line of ${MAX_WORDS} words or fewer to the update, which the companion prints instead`,
  },
  check: ({ dataset, quarter, report }) => {
    if (!quarter) return;
    const checked = formatQuarter(quarter);
    forEachActivity(dataset, (activity, at, { source }, updates) => {
      const j = activity.updates.findIndex((u) => u.quarter === checked);
      if (j < 0) return;
      const update = activity.updates[j]!;
      const u = updates.pathOf(j);
      const lines: { text: string; path: (string | number)[]; field: string }[] = [
        { text: activity.title, path: [...at, 'title'], field: 'title' },
      ];
      if (update.easyRead) lines.push({ text: update.easyRead, path: [...u, 'easyRead'], field: 'easyRead' });
      else
        update.outcomes.forEach((o, k) =>
          lines.push(
            { text: o.youSaid, path: [...u, 'outcomes', k, 'youSaid'], field: 'youSaid' },
            { text: o.weDid, path: [...u, 'outcomes', k, 'weDid'], field: 'weDid' },
          ),
        );
      for (const line of lines) {
        const words = longestSentence(line.text);
        if (words <= MAX_WORDS) continue;
        report({
          code: 'easy-read-too-long',
          severity: 'warning',
          message: `\`${line.field}\` of activity \`${activity.id}\` has a sentence of ${words} words, more than the ${MAX_WORDS} an Easy Read sentence has`,
          source,
          path: line.path,
          hint:
            line.field === 'title'
              ? `the Easy Read companion prints the title as written: shorten it to ${MAX_WORDS} words or fewer`
              : line.field === 'easyRead'
                ? `shorten it to ${MAX_WORDS} words or fewer, in everyday words`
                : `add an \`easyRead:\` line of ${MAX_WORDS} words or fewer to this ${checked} update, which the Easy Read companion prints instead`,
        });
      }
    });
  },
};
