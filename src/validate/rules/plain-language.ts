import type { DataPath } from '../../load/locate.js';
import { LANGUAGE_RULES, languageChecker, type LanguageFinding, type LanguageRule } from '../../language/check.js';
import type { Activity, Assessment } from '../../schema/activities.js';
import type { SourceFile } from '../../load/source.js';
import { formatQuarter } from '../../periods/periods.js';
import { forEachActivity, forEachAssessment, type CheckMeta, type Rule, type RuleContext } from '../rule.js';

/** A piece of the data's text that reaches a paper, and where it is written. */
interface Prose {
  text: string;
  path: DataPath;
  /** The quarter of the update it belongs to; none for an activity's own text. */
  quarter?: string;
}

/**
 * Text that the papers print: an activity's title, description and decision
 * role; each update's summary, plan, Easy Read line, outcomes ("you said, we
 * did"), barriers and follow-up reason; each assessment's narrative.
 */
function* proseOfActivity(activity: Activity, at: DataPath, pathOf: (j: number) => DataPath): Generator<Prose> {
  yield { text: activity.title, path: [...at, 'title'] };
  if (activity.description) yield { text: activity.description, path: [...at, 'description'] };
  if (activity.decisionRole) yield { text: activity.decisionRole, path: [...at, 'decisionRole'] };
  for (const [j, update] of activity.updates.entries()) {
    const u = pathOf(j);
    const quarter = update.quarter;
    yield { text: update.summary, path: [...u, 'summary'], quarter };
    if (update.next) yield { text: update.next, path: [...u, 'next'], quarter };
    if (update.easyRead) yield { text: update.easyRead, path: [...u, 'easyRead'], quarter };
    if (update.followUp?.reason) yield { text: update.followUp.reason, path: [...u, 'followUp', 'reason'], quarter };
    for (const [k, o] of update.outcomes.entries()) {
      yield { text: o.youSaid, path: [...u, 'outcomes', k, 'youSaid'], quarter };
      yield { text: o.weDid, path: [...u, 'outcomes', k, 'weDid'], quarter };
    }
    for (const [k, b] of update.barriers.entries()) {
      yield { text: b.barrier, path: [...u, 'barriers', k, 'barrier'], quarter };
      yield { text: b.response, path: [...u, 'barriers', k, 'response'], quarter };
    }
  }
}

function proseOfAssessment(assessment: Assessment, at: DataPath): Prose {
  return { text: assessment.narrative, path: [...at, 'narrative'], quarter: assessment.quarter };
}

const WORDS_IN_A_LONG_SENTENCE = 8;

/** The diagnostic for one finding. */
function report(context: RuleContext, source: SourceFile, prose: Prose, finding: LanguageFinding): void {
  const field = `\`${String(prose.path[prose.path.length - 1])}\``;
  if (finding.rule === 'social-model-language') {
    context.report({
      code: 'social-model-language',
      severity: 'warning',
      message: `${field} says "${finding.actual}", the medical model's words for Disabled people`,
      source,
      path: prose.path,
      words: finding.actual,
      hint: `write "${finding.suggestion}" instead: the social model puts the barrier in society, not in the person`,
    });
  } else if (finding.rule === 'complex-word') {
    context.report({
      code: 'complex-word',
      severity: 'warning',
      message: `${field} uses "${finding.actual}", which has a plainer word`,
      source,
      path: prose.path,
      words: finding.actual,
      hint: `${finding.suggestion === '' ? 'try leaving it out' : `try "${finding.suggestion}"`}; or add it to \`language.allow\` in council.yaml if it is the right word here`,
    });
  } else {
    const start = finding.actual.split(/\s+/).slice(0, WORDS_IN_A_LONG_SENTENCE).join(' ');
    context.report({
      code: 'hard-to-read',
      severity: 'warning',
      message: `${field} has a long sentence that is hard to read: "${start} …"`,
      source,
      path: prose.path,
      // Pointing at the sentence's first words is enough to find it, and quick for a sentence of any length.
      words: start,
      hint: 'split it into shorter sentences of one idea each, 15 to 20 words, in everyday words',
    });
  }
}

/**
 * One of the three language checks on the data's text: medical-model or
 * inconsiderate phrases and needlessly complex words wherever they are, and
 * sentences too hard to read in an activity's own text and in the quarter
 * being checked (the text the next paper prints; earlier quarters' were
 * checked in their turn), at the words concerned, with a suggested wording.
 * Warnings, never errors; a council switches any of them off in council.yaml.
 */
function languageRule(rule: LanguageRule, meta: Omit<CheckMeta, 'code' | 'severity'>): Rule {
  return {
    meta: { code: rule, severity: 'warning', ...meta },
    check: (context) => {
      const settings = context.dataset.council.language;
      if (settings.off.includes(rule)) return;
      const checker = languageChecker({ ...settings, off: LANGUAGE_RULES.filter((r) => r !== rule) });
      const checked = context.quarter ? formatQuarter(context.quarter) : undefined;
      const check = (source: SourceFile, prose: Prose) => {
        const sentences = prose.quarter === undefined || prose.quarter === checked;
        for (const finding of checker.check(prose.text, { sentences })) report(context, source, prose, finding);
      };
      forEachActivity(context.dataset, (activity, at, { source }, updates) => {
        for (const prose of proseOfActivity(activity, at, (j) => updates.pathOf(j))) check(source, prose);
      });
      forEachAssessment(context.dataset, (assessment, at, { source }) =>
        check(source, proseOfAssessment(assessment, at)),
      );
    },
  };
}

/** Words of the medical model, or that readers find inconsiderate. */
export const socialModelLanguage = languageRule('social-model-language', {
  description:
    "The data's text describes Disabled people in the medical model's words, or in words readers find inconsiderate.",
  example: 'summary: Two residents who suffer from chronic pain signed off the design.',
  hint: 'write the suggested words instead: the social model puts the barrier in society, not in the person',
});

/** Council jargon with an everyday word. */
export const complexWords = languageRule('complex-word', {
  description: "The data's text uses council jargon that has an everyday word.",
  example: 'next: Utilise the new entrance in order to test the ramp.',
  hint: 'use the suggested everyday word, or add the word to `language.allow` in council.yaml if it is the right one here',
});

/** Long sentences most readability formulas find hard. */
export const hardToRead = languageRule('hard-to-read', {
  description:
    "A sentence of 25 words or more in the data's text is hard to read by most of retext-readability's formulas.",
  example:
    'summary: >-\n  The team met twice with officers from the highways department, the architects and the\n  contractor and, after a long discussion, finally signed off the entrance design.',
  hint: 'split it into shorter sentences of one idea each, 15 to 20 words, in everyday words',
});
