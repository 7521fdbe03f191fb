/**
 * The type and pixel size of an image from its first bytes: what `validate`
 * needs to refuse a logo that Word could not show, and what the DOCX writer
 * needs to size it. No image library: only the PNG and JPEG headers are read.
 */

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
  if (
    data.length >= 24 &&
    PNG_SIGNATURE.every((b, i) => data[i] === b) &&
    String.fromCharCode(...data.subarray(12, 16)) === 'IHDR'
  ) {
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
