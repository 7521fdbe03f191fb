import { withContrast } from '../colour/contrast.js';
import { EnvironmentError } from '../errors.js';
import type { FileSystem } from '../io/io.js';
import { readLogo } from '../load/named-files.js';
import type { CouncilStyle } from '../schema/council.js';
import type { PageLook } from './css.js';

/** The council's logo, inlined in each page as a data URL so the file stands alone. */
export interface PageLogo {
  src: string;
  alt: string;
  width: number;
  height: number;
}

/** What every page of a run shares: the council, its language, its look and its logo. */
export interface HtmlFrame {
  council: string;
  language: string;
  look: PageLook;
  logo?: PageLogo;
}

/** Width of the logo when the council gives none, as in Word papers: about 4.8 cm. */
const DEFAULT_LOGO_WIDTH = 180;

/** Black headings unless the council chooses a colour. */
const DEFAULT_HEADING_COLOUR = '0B0C0C';

/**
 * The frame of this run's HTML papers. The heading colour is darkened until
 * it has 4.5:1 contrast on white (`validate` warns about it); the logo is read
 * once, with the checks `validate` makes.
 */
export async function loadHtmlFrame(options: {
  style?: CouncilStyle;
  council: string;
  language: string;
  dataDir: string;
  fs: FileSystem;
}): Promise<HtmlFrame> {
  const { style } = options;
  const look: PageLook = {
    font: style?.font ?? 'Arial',
    size: Math.max(12, style?.fontSize ?? 12),
    headingColour: withContrast(style?.headingColour ?? DEFAULT_HEADING_COLOUR),
  };
  const logo = style?.logo ? await pageLogo(style.logo, options.dataDir, options.fs) : undefined;
  return { council: options.council, language: options.language, look, ...(logo ? { logo } : {}) };
}

async function pageLogo(logo: NonNullable<CouncilStyle['logo']>, dataDir: string, fs: FileSystem): Promise<PageLogo> {
  const read = await readLogo(fs, dataDir, logo.path);
  if (!read.ok)
    throw new EnvironmentError(`the logo ${logo.path} (council.style.logo.path in council.yaml) ${read.message}`);
  const width = logo.width ?? DEFAULT_LOGO_WIDTH;
  const mime = read.type === 'png' ? 'image/png' : 'image/jpeg';
  return {
    src: `data:${mime};base64,${Buffer.from(read.bytes).toString('base64')}`,
    alt: logo.alt,
    width,
    height: Math.max(1, Math.round((width * read.height) / read.width)),
  };
}
