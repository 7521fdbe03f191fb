import { hasIcon, iconNames } from '../../easy-read/icons.js';
import { suggest } from '../suggest.js';
import type { Rule } from '../rule.js';

/** A picture council.yaml chooses for the Easy Read companion is an icon of the Tabler set coprod ships. */
export const knownPictures: Rule = {
  meta: {
    code: 'unknown-picture',
    severity: 'error',
    description: 'A picture chosen under `easyRead.pictures` in `council.yaml` is not an icon of the Tabler set.',
    example: 'easyRead:\n  pictures:\n    meeting: user-group',
    hint: 'give the name of a Tabler outline icon, as its file is named (the nearest name is suggested)',
  },
  check: ({ dataset, report }) => {
    for (const [topic, choice] of Object.entries(dataset.council.easyRead.pictures)) {
      if (choice === undefined) continue;
      const icon = typeof choice === 'string' ? choice : choice.icon;
      if (hasIcon(icon)) continue;
      const guess = suggest(icon, iconNames());
      report({
        code: 'unknown-picture',
        message: `\`easyRead.pictures.${topic}\` names the icon \`${icon}\`, which is not in the Tabler set`,
        source: dataset.councilSource,
        path: ['easyRead', 'pictures', topic, ...(typeof choice === 'string' ? [] : ['icon'])],
        hint: guess
          ? `did you mean \`${guess}\`?`
          : 'give the name of a Tabler outline icon, as its file is named in @tabler/icons (icons/outline)',
      });
    }
  },
};
