import type { FileSystem } from '../io/io.js';
import { readLogo } from '../load/named-files.js';
import type { CouncilStyle } from '../schema/council.js';
import { DocxError } from './errors.js';

export { imageInfo } from '../load/image.js';

/** The council's logo, read and checked, ready to place at the top of the first page. */
export interface LogoImage {
  data: Uint8Array;
  type: 'png' | 'jpg';
  /** Display size in pixels at 96 to the inch, keeping the image's proportions. */
  width: number;
  height: number;
  /** Read out by screen readers in place of the image. */
  alt: string;
}

/** Width on the page when the council does not give one: about 4.8 cm. */
const DEFAULT_WIDTH = 180;

/**
 * Reads the logo named in `council.style.logo` (relative to the data folder).
 * It must be an ordinary file inside the data folder, at most
 * 5 MiB, and a PNG or JPEG (see `readLogo`); anything else is an error the
 * user must fix: a paper is never published with a broken image. (`validate`
 * makes the same checks, so this fails only if the file changed since.)
 */
export async function loadLogo(
  style: CouncilStyle | undefined,
  dataDir: string,
  fs: FileSystem,
): Promise<LogoImage | undefined> {
  const logo = style?.logo;
  if (!logo) return undefined;
  const read = await readLogo(fs, dataDir, logo.path);
  if (!read.ok)
    throw new DocxError(
      read.notImage ? 'logo-format' : 'logo-missing',
      `the logo ${logo.path} (council.style.logo.path in council.yaml) ${read.message}${read.notImage ? '; Word documents need one of those' : ''}`,
    );
  const width = logo.width ?? DEFAULT_WIDTH;
  return {
    data: read.bytes,
    type: read.type,
    width,
    height: Math.max(1, Math.round((width * read.height) / read.width)),
    alt: logo.alt,
  };
}
