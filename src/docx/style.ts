import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import type { CouncilStyle } from '../schema/council.js';

/** The council's styling with every default filled in. */
export interface ResolvedStyle {
  /** Sans-serif body and heading font. */
  font: string;
  /** Body text size in points (at least 12). */
  size: number;
  /** Heading text colour, six hex digits. */
  headingColour: string;
  /** BCP 47 tag for spell-checking and screen-reader voices, e.g. en-GB. */
  language: string;
  /** The Easy Read look: at least 16 point, a sans-serif font, 1.5 line spacing and more space after paragraphs. */
  easyRead?: boolean;
}

/** Easy Read text is at least this size in points (Mencap's and Inclusion Europe's guidance). */
export const EASY_READ_MIN_SIZE = 16;

/** Fonts known to be sans-serif; any font with "Sans" in its name but not "Serif" is taken as one too. */
const SANS_SERIF = new Set(
  [
    'Arial',
    'Helvetica',
    'Verdana',
    'Tahoma',
    'Calibri',
    'Candara',
    'Segoe UI',
    'Trebuchet MS',
    'Century Gothic',
    'Franklin Gothic',
    'Gill Sans',
    'Frutiger',
    'Futura',
    'Avenir',
    'Myriad Pro',
    'Univers',
    'Roboto',
    'Lato',
    'Inter',
    'Aptos',
    'FS Me',
    'Atkinson Hyperlegible',
    'Lexend',
  ].map((f) => f.toLowerCase()),
);

/** True when a font is sans-serif, as Easy Read asks. */
export function isSansSerif(font: string): boolean {
  const name = font.trim().toLowerCase();
  return SANS_SERIF.has(name) || (/\bsans\b/.test(name) && !/\bserif\b/.test(name));
}

/** A4 portrait with 2 cm side margins and 2.5 cm top and bottom (room for the running heads), in DXA (twentieths of a point). */
export const PAGE = {
  width: 11906,
  height: 16838,
  side: 1134,
  top: 1418,
  bottom: 1418,
  header: 567,
  footer: 567,
} as const;

/** The width text and tables may fill, in DXA. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.side;

/** Black on white headings unless the council chooses a colour. */
const DEFAULT_HEADING_COLOUR = '000000';

/** Light grey behind table header rows: decoration only, as header cells are also bold and marked as headers. */
export const HEADER_FILL = 'E7E6E6';

/** Word's own link blue, which has a contrast of 5.9:1 on white; links are also underlined. */
export const LINK_COLOUR = '0563C1';

/**
 * Fills in defaults: Arial 12 point, black headings, the document's language.
 * For Easy Read, the council's font if it is sans-serif (else Arial), at 16
 * point or the council's size if larger.
 */
export function resolveStyle(style: CouncilStyle | undefined, language: string, easyRead = false): ResolvedStyle {
  const font = style?.font ?? 'Arial';
  const size = Math.max(12, style?.fontSize ?? 12);
  return {
    font: easyRead && !isSansSerif(font) ? 'Arial' : font,
    size: easyRead ? Math.max(EASY_READ_MIN_SIZE, size) : size,
    headingColour: (style?.headingColour ?? DEFAULT_HEADING_COLOUR).toUpperCase(),
    language,
    ...(easyRead ? { easyRead: true } : {}),
  };
}

/** The size of the running head and footer: two points below the body (never below 10), and the body's own in Easy Read. */
export function runningHeadPoints(style: ResolvedStyle): number {
  return style.easyRead ? style.size : Math.max(10, style.size - 2);
}

/** Half-points, the unit of Word's font sizes. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Heading sizes step down from the title to the body size and never below it. */
function headingSize(style: ResolvedStyle, level: number): number {
  const steps = [6, 4, 2, 0, 0, 0];
  return style.size + (steps[level - 1] ?? 0);
}

function headingStyle(style: ResolvedStyle, level: number): NonNullable<IStylesOptions['paragraphStyles']>[number] {
  return {
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: style.font, size: halfPoints(headingSize(style, level)), bold: true, color: style.headingColour },
    paragraph: {
      // Outline levels make the navigation pane and tables of contents work.
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: {
        before: level === 1 ? 0 : level === 2 ? 320 : 240,
        after: 100,
        line: 240,
        lineRule: LineRuleType.AUTO,
      },
    },
  };
}

/** The package's caption, footnote and endnote styles at the body size. */
function easyReadNoteStyles(
  size: number,
): Pick<
  NonNullable<IStylesOptions['default']>,
  'caption' | 'footnoteText' | 'footnoteTextChar' | 'endnoteText' | 'endnoteTextChar'
> {
  const run = { size };
  return {
    caption: { run: { ...run, color: '404040' } },
    footnoteText: { run },
    footnoteTextChar: { run },
    endnoteText: { run },
    endnoteTextChar: { run },
  };
}

/**
 * Word styles for a council paper: the body font, size and language on the
 * document defaults (so every run inherits them), left-aligned text, real
 * Heading 1–6 styles with outline levels, and an underlined link style.
 */
export function documentStyles(style: ResolvedStyle): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: style.font, size: halfPoints(style.size), language: { value: style.language } },
        // Lines at least 1.2 times the font size, and taller where a line holds something taller (a logo,
        // a large heading): an explicit line rule, since without one LibreOffice makes every line exactly that high.
        // Easy Read: 1.5 line spacing and more space between paragraphs.
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: style.easyRead
            ? { after: 240, line: 360, lineRule: LineRuleType.AUTO }
            : { after: 120, line: style.size * 24, lineRule: LineRuleType.AT_LEAST },
        },
      },
      hyperlink: { run: { color: LINK_COLOUR, underline: { type: 'single' } } },
      // Easy Read: the package's small note and caption styles (unused) at the body size, so no text could be smaller.
      ...(style.easyRead ? easyReadNoteStyles(halfPoints(style.size)) : {}),
    },
    paragraphStyles: [
      ...[1, 2, 3, 4, 5, 6].map((level) => headingStyle(style, level)),
      // The running head and footer: small grey text, single spaced.
      ...(['Header', 'Footer'] as const).map((id) => ({
        id,
        name: id.toLowerCase(),
        basedOn: 'Normal',
        run: { size: halfPoints(runningHeadPoints(style)), color: '404040' },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      })),
      {
        id: 'ListParagraph',
        name: 'List Paragraph',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: 80 } },
      },
    ],
  };
}
