/**
 * Bytes to text. Honours byte-order marks, accepts valid UTF-8, falls back to windows-1252 only when
 * that gives plausible text, and rejects binary files by their magic numbers or NUL bytes.
 */
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

/** Loaded with the first text that is not UTF-8: most corpora never need it, and it is 550 kB of code pages. */
let iconvLoaded: typeof import('iconv-lite') | undefined;
const iconv = () => (iconvLoaded ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

/** Why a file cannot be decoded as text. Thrown with a reason the caller prefixes with the path. */
export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the bytes were not valid UTF-8 and were read as windows-1252. */
  fallbackFrom?: { badByteOffset: number };
}

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP or RIFF media', [0x52, 0x49, 0x46, 0x46]],
];

/** Names the binary format of `bytes`, or returns undefined when they may be text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'binary data (NUL bytes)';
  return undefined;
}

/** Unzips `.gz` files, refusing to inflate past `maxBytes`; anything else is returned as is. */
export function unwrap(path: string, bytes: Buffer, maxBytes: number): Buffer {
  if (!path.toLowerCase().endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new DecodeError(`unzips to more than the size limit of ${formatBytes(maxBytes)} (--max-size)`);
    throw new DecodeError('is named .gz but is not a valid gzip file');
  }
}

/** Sizes as people read them: `5 MB`, `812 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${+(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${+(bytes / 1_000).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of `bytes` is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i += 1; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Bytes windows-1252 leaves undefined (decoded as U+FFFD), and C0 controls other than tab and line ends. */
const IMPLAUSIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;

/** A charset declared in an HTML page's first bytes (`<meta charset>` or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/**
 * Decodes a file's bytes. `isHtml` lets a page's declared charset win over the UTF-8 default.
 * Throws DecodeError with a one-line reason when the bytes are not text.
 */
export function decode(bytes: Uint8Array, isHtml = false): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);

  const binary = binaryKind(bytes);
  if (binary) throw new DecodeError(`is not text (${binary})`);

  const declared = isHtml ? declaredCharset(bytes) : undefined;
  if (declared && !/^utf-?8$/.test(declared) && iconv().encodingExists(declared)) {
    return { text: iconv().decode(Buffer.from(bytes), declared), encoding: declared };
  }

  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };

  const text = iconv().decode(Buffer.from(bytes), 'windows-1252');
  const implausible = text.match(IMPLAUSIBLE)?.length ?? 0;
  if (implausible > 0) {
    throw new DecodeError(`is not valid UTF-8 (first bad byte at offset ${bad}) and does not read as windows-1252 either`);
  }
  return { text, encoding: 'windows-1252', fallbackFrom: { badByteOffset: bad } };
}
