import path from 'node:path';
import type { FileSystem } from '../io/io.js';
import type { CouncilStyle } from '../schema/council.js';
import { DocxError } from './errors.js';

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

function u16(data: Uint8Array, at: number): number {
  return (data[at]! << 8) | data[at + 1]!;
}

function u32(data: Uint8Array, at: number): number {
  return u16(data, at) * 0x10000 + u16(data, at + 2);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A JPEG start-of-frame marker: it holds the image size (C4, C8 and CC are other segments). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(data: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return undefined;
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (isStartOfFrame(marker)) return { height: u16(data, at + 5), width: u16(data, at + 7) };
    at += marker >= 0xd0 && marker <= 0xd9 ? 2 : 2 + u16(data, at + 2);
  }
  return undefined;
}

/**
 * The type and pixel size of a PNG or JPEG file, read from its header (the
 * PNG IHDR chunk, or the JPEG start-of-frame segment); undefined for anything else.
 */
export function imageInfo(data: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } | undefined {
  if (data.length >= 24 && PNG_SIGNATURE.every((b, i) => data[i] === b) && String.fromCharCode(...data.subarray(12, 16)) === 'IHDR') {
    const width = u32(data, 16);
    const height = u32(data, 20);
    return width > 0 && height > 0 ? { type: 'png', width, height } : undefined;
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    const size = jpegSize(data);
    return size && size.width > 0 && size.height > 0 ? { type: 'jpg', ...size } : undefined;
  }
  return undefined;
}

/**
 * Reads the logo named in `council.style.logo` (relative to the data folder).
 * A missing file, or one that is not a PNG or JPEG, is an error the user must
 * fix: a paper is never published with a broken image.
 */
export async function loadLogo(style: CouncilStyle | undefined, dataDir: string, fs: Pick<FileSystem, 'readFile'>): Promise<LogoImage | undefined> {
  const logo = style?.logo;
  if (!logo) return undefined;
  const file = path.resolve(dataDir, logo.path);
  let data: Uint8Array;
  try {
    data = new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new DocxError('logo-missing', `the logo ${file} (council.style.logo.path in council.yaml) ${reason}`);
  }
  const info = imageInfo(data);
  if (!info) throw new DocxError('logo-format', `the logo ${file} (council.style.logo.path in council.yaml) is not a PNG or JPEG image; Word documents need one of those`);
  const width = logo.width ?? DEFAULT_WIDTH;
  return { data, type: info.type, width, height: Math.max(1, Math.round((width * info.height) / info.width)), alt: logo.alt };
}
