import { AlignmentType, LevelFormat, type ILevelsOptions, type NumberingDefinition } from 'docx';

const LEVELS = 9;
const BULLETS = ['•', '◦', '▪'] as const;
const ORDERED = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

/** Each level is indented a further 0.63 cm, with the marker hanging in front of the text. */
function indent(level: number): { left: number; hanging: number } {
  return { left: 567 * (level + 1), hanging: 397 };
}

function bulletLevel(level: number): ILevelsOptions {
  return {
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: indent(level) } },
  };
}

function orderedLevel(level: number, start: number): ILevelsOptions {
  return {
    level,
    format: ORDERED[level % ORDERED.length]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: indent(level) } },
  };
}

/** The bullet list definition: •, ◦, ▪ by nesting level. */
export const BULLET_LIST: NumberingDefinition = {
  reference: 'coprod-bullets',
  levels: Array.from({ length: LEVELS }, (_, level) => bulletLevel(level)),
};

/**
 * A numbered list definition (1., a., i. by nesting level) whose top level
 * starts at `start`, as a Markdown list may ("3. …" starts at 3).
 */
export function orderedList(start: number): NumberingDefinition {
  return {
    reference: start === 1 ? 'coprod-numbers' : `coprod-numbers-from-${start}`,
    levels: Array.from({ length: LEVELS }, (_, level) => orderedLevel(level, start)),
  };
}
