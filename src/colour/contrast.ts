/**
 * Colour contrast as WCAG 2.2 defines it (relative luminance of sRGB
 * colours), for the colours a council configures: text needs 4.5:1 against
 * its background (success criterion 1.4.3).
 */

/** The contrast WCAG asks of normal-sized text. */
export const MIN_TEXT_CONTRAST = 4.5;

/** The page's background: papers are black and coloured text on white. */
export const PAGE_BACKGROUND = 'FFFFFF';

/** Six hex digits (no #) → red, green and blue from 0 to 255. */
function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex, 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function toHex(rgb: readonly number[]): string {
  return rgb
    .map((c) => Math.round(c).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** WCAG's relative luminance of a colour written as six hex digits. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio as people read it: 2.63 → "2.6:1" (rounded down, so 4.47 never reads as 4.5). */
export function ratioWords(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

/**
 * The colour itself when it has at least `minimum` contrast against
 * `background`, else the same hue darkened (each channel scaled towards
 * black, one per cent at a time) until it does: the lightest such colour, and
 * always the same one for the same input.
 */
export function withContrast(hex: string, background = PAGE_BACKGROUND, minimum = MIN_TEXT_CONTRAST): string {
  const colour = hex.toUpperCase();
  if (contrastRatio(colour, background) >= minimum) return colour;
  const rgb = channels(colour);
  for (let percent = 99; percent >= 0; percent--) {
    const darker = toHex(rgb.map((c) => (c * percent) / 100));
    if (contrastRatio(darker, background) >= minimum) return darker;
  }
  return '000000';
}
