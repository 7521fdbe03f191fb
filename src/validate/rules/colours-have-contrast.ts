import { contrastRatio, MIN_TEXT_CONTRAST, PAGE_BACKGROUND, ratioWords, withContrast } from '../../colour/contrast.js';
import type { Rule } from '../rule.js';

/**
 * A colour the council chooses for text must stand out from the white page
 * by 4.5:1 (WCAG 2.2, 1.4.3), or readers with low vision lose the headings.
 * A warning, as Markdown and HTML papers still render (HTML darkens the
 * colour until it passes); Word and PDF papers are refused until it is fixed.
 */
export const coloursHaveContrast: Rule = {
  meta: {
    code: 'colour-contrast',
    severity: 'warning',
    description: "The council's heading colour has less than 4.5:1 contrast against the white page (WCAG 2.2, 1.4.3).",
    example: 'council:\n  style:\n    headingColour: "9FB8D0"',
    hint: 'choose a darker colour; HTML papers darken it meanwhile, and Word and PDF papers are not written until then',
  },
  check: ({ dataset, report }) => {
    const colour = dataset.council.council.style?.headingColour;
    if (colour === undefined) return;
    const ratio = contrastRatio(colour, PAGE_BACKGROUND);
    if (ratio >= MIN_TEXT_CONTRAST) return;
    report({
      code: 'colour-contrast',
      severity: 'warning',
      message: `\`headingColour\` ${colour} has a contrast of ${ratioWords(ratio)} against the white page, below the ${MIN_TEXT_CONTRAST}:1 text needs`,
      source: dataset.councilSource,
      path: ['council', 'style', 'headingColour'],
      hint: `choose a darker colour such as ${withContrast(colour)}; HTML papers use that meanwhile, and Word and PDF papers are not written until then`,
    });
  },
};
