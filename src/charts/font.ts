import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The charts' font: Atkinson Hyperlegible, drawn for the Braille Institute
 * to be easy to read for people with low vision, under the SIL Open Font
 * Licence 1.1. It comes as TrueType files in an npm package (resvg reads
 * TrueType or OpenType, not WOFF2), so coprod ships it as a dependency.
 */
const PACKAGE = '@expo-google-fonts/atkinson-hyperlegible';
const FILES = ['400Regular/AtkinsonHyperlegible_400Regular.ttf', '700Bold/AtkinsonHyperlegible_700Bold.ttf'];

/** The regular and bold font files: their paths and bytes. */
export function chartFontFiles(): { path: string; bytes: Uint8Array }[] {
  const require = createRequire(import.meta.url);
  return FILES.map((file) => {
    const path = require.resolve(`${PACKAGE}/${file}`);
    return { path, bytes: readFileSync(path) };
  });
}
