import type { Problem } from '../model';

export interface DecodedText {
  /** The text, or undefined when the bytes are not text Claimdesk can read. */
  text: string | undefined;
  problems: Problem[];
}

export interface DecodeOptions {
  /** Larger files are refused with a problem rather than tying up the extension host. */
  maxBytes?: number;
}

/** Sources above this size are refused: extraction is linear, but hovers and the tree would crawl. */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

// Formats people drop into sources/ by mistake, named so the message says what to do.
const SIGNATURES: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document (export it as plain text)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or a .docx/.odt document (save it as plain text)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word/Office document (save it as plain text)'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document (save it as plain text)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/**
 * Decodes a source file's bytes: UTF-8 with or without BOM, UTF-16 with a BOM (or, recognisably,
 * without one). Binary input is refused with a clear problem; invalid UTF-8 is decoded with
 * replacement characters and a warning, so one bad byte hides nothing else.
 */
export function decodeSourceBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  if (bytes.length === 0) {
    return { text: '', problems: [warning('empty-source', 'The source is empty: there is nothing to extract.')] };
  }
  if (bytes.length > maxBytes) {
    return {
      text: undefined,
      problems: [error('source-too-large', `The source is ${megabytes(bytes.length)}; Claimdesk reads sources up to ${megabytes(maxBytes)}, so it skipped this one. Split it into smaller files.`)],
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', false);
  const signature = SIGNATURES.find(([magic]) => magic.every((b, i) => bytes[i] === b));
  if (signature) {
    return { text: undefined, problems: [error('binary-source', `This file is ${signature[1]}, not text, so Claimdesk skipped it. Sources must be UTF-8 or UTF-16 text.`)] };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const guess = utf16WithoutBom(head);
    if (guess) return decodeUtf16(bytes, guess, true);
    return {
      text: undefined,
      problems: [error('binary-source', 'This file looks binary (it contains NUL bytes), so Claimdesk skipped it. Sources must be UTF-8 or UTF-16 text.')],
    };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), problems: [] };
  } catch {
    return {
      text: utf8Lenient.decode(body),
      problems: [warning('invalid-utf8', `The source is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(body)}); unreadable bytes were replaced with \uFFFD. Re-save it as UTF-8 for exact quotes.`)],
    };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', guessed: boolean): DecodedText {
  const problems: Problem[] = [];
  if (guessed) problems.push(warning('utf16-no-bom', `The source looks like ${encoding.toUpperCase()} without a byte order mark; it was read as such. Re-save it as UTF-8 to be sure.`));
  if (body.length % 2 === 1) problems.push(warning('invalid-utf16', 'The UTF-16 source ends in half a character; it was dropped.'));
  const even = body.subarray(0, body.length - (body.length % 2));
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(even), problems };
  } catch {
    problems.push(warning('invalid-utf16', 'The UTF-16 source has broken surrogate pairs; they were replaced with \uFFFD.'));
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(even), problems };
  }
}

/** UTF-16 text without a BOM has NULs in alternate bytes (ASCII-heavy text) and nowhere else. */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = head.length - (head.length % 2);
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul === 0) return 'utf-16be';
  return undefined;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1];
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (need > 0 && (second === undefined || second < lo || second > hi)) return i;
    for (let k = 2; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function warning(code: string, message: string): Problem {
  return { severity: 'warning', code, message };
}

function error(code: string, message: string): Problem {
  return { severity: 'error', code, message };
}

/** Strips a leading BOM from already-decoded text (editors may hand it over). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
