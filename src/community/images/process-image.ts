// Turns one uploaded file into what we store: the type is decided by content (magic bytes, then libvips must
// agree), size and pixel count are bounded (decompression bombs), and the picture is re-encoded as WebP after
// EXIF auto-rotation, so no EXIF/GPS/XMP/IPTC/ICC from the phone survives (colours are converted to sRGB).
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { HttpError } from '../../lib/http/errors.js';

export const MAX_IMAGES = 4;
/** Longest side of the displayed image and of the list thumbnail. */
export const MAX_DIMENSION = 1600;
export const THUMB_DIMENSION = 480;
export const MAX_ALT = 500;

export type SniffedImage = 'jpeg' | 'png' | 'webp' | 'heif';

const at = (b: Uint8Array, sig: number[], offset = 0) => b.length >= offset + sig.length && sig.every((v, i) => b[offset + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** JPEG, PNG, WebP, or HEIC/HEIF (ISO-BMFF "ftyp" with a HEIF brand). SVG, GIF, TIFF, AVIF, PDF, text: null. */
export function sniffImage(b: Uint8Array): SniffedImage | null {
  if (at(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (at(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(b, [0x52, 0x49, 0x46, 0x46]) && at(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(ascii(b, 8, 12))) return 'heif';
  return null;
}

/** Error codes; the form shows `community.image.error.<code>`, the API returns them as field messages. */
export type ImageErrorCode = 'type' | 'heic' | 'too_large' | 'too_many_pixels' | 'unreadable' | 'too_many' | 'alt_too_long';

export const imageError = (code: ImageErrorCode, message: string, position?: number) =>
  new HttpError(code === 'too_large' ? 413 : 400, `image_${code}`, message, {}, { images: code, ...(position ? { position: String(position) } : {}) });

export interface Encoded {
  bytes: Buffer;
  width: number;
  height: number;
  /** Content-addressed key: the same output bytes always get the same name (never a user-supplied name). */
  key: string;
}

export interface ProcessedImage {
  main: Encoded;
  thumb: Encoded;
  contentType: 'image/webp';
}

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

const keyOf = (b: Buffer) => {
  const h = createHash('sha256').update(b).digest('hex');
  return `community/${h.slice(0, 2)}/${h}.webp`;
};

// libvips decodes with its own threads; at most two images per process at once bounds memory under bursts.
let active = 0;
const waiting: Array<() => void> = [];
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export async function processImage(input: Uint8Array, limits: ImageLimits, position = 1): Promise<ProcessedImage> {
  if (input.byteLength > limits.maxBytes) throw imageError('too_large', `Each image may be at most ${limits.maxBytes} bytes.`, position);
  const kind = sniffImage(input);
  if (!kind) throw imageError('type', 'Only JPEG, PNG and WebP images are accepted.', position);
  const opts = { limitInputPixels: limits.maxPixels, failOn: 'error' as const, sequentialRead: true };
  return withSlot(async () => {
    let meta: Metadata;
    try {
      meta = await sharp(input, opts).metadata();
    } catch (err) {
      if (err instanceof Error && /pixel limit/i.test(err.message)) throw imageError('too_many_pixels', `Images may have at most ${limits.maxPixels} pixels.`, position);
      // The prebuilt libvips reads HEIF only with AV1 (AVIF); HEVC-coded HEIC photos need a licensed decoder.
      if (kind === 'heif') throw imageError('heic', 'HEIC photos cannot be read here; choose JPEG ("Most Compatible") instead.', position);
      throw imageError('unreadable', 'The image could not be read.', position);
    }
    // Magic bytes and the decoder must agree (a PNG header in front of something else is refused).
    if (meta.format !== kind) throw imageError('type', 'Only JPEG, PNG and WebP images are accepted.', position);
    if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxPixels) throw imageError('too_many_pixels', `Images may have at most ${limits.maxPixels} pixels.`, position);
    try {
      // rotate() with no angle applies the EXIF orientation; the WebP encoder then writes no metadata at all
      // (sharp keeps none unless asked with keepMetadata/withMetadata), and pixels are converted to sRGB.
      const main = await sharp(input, opts)
        .rotate()
        .resize({ width: MAX_DIMENSION, height: MAX_DIMENSION, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .webp({ quality: 80, effort: 4 })
        .timeout({ seconds: 30 })
        .toBuffer({ resolveWithObject: true });
      const thumb = await sharp(main.data)
        .resize({ width: THUMB_DIMENSION, height: THUMB_DIMENSION, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 70, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      return {
        main: { bytes: main.data, width: main.info.width, height: main.info.height, key: keyOf(main.data) },
        thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height, key: keyOf(thumb.data) },
        contentType: 'image/webp',
      };
    } catch (err) {
      if (err instanceof Error && /pixel limit/i.test(err.message)) throw imageError('too_many_pixels', `Images may have at most ${limits.maxPixels} pixels.`, position);
      throw imageError('unreadable', 'The image could not be read.', position);
    }
  });
}
