import type { Problem } from '../model';

export interface DecodedText {
  /** The text, or undefined when the bytes are not text Claimdesk can read. */
  text: string | undefined;
  problems: Problem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false });

/**
 * Decodes a source file's bytes: UTF-8 with or without BOM, UTF-16 with a BOM. Binary input
 * (NUL bytes in the first 8 KiB without a UTF-16 BOM) is refused with a clear problem; invalid
 * UTF-8 is decoded with replacement characters and a warning, so one bad byte hides nothing else.
 */
export function decodeSourceBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) {
    return { text: '', problems: [{ severity: 'warning', code: 'empty-source', message: 'The source is empty: there is nothing to extract.' }] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), problems: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), problems: [] };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return {
      text: undefined,
      problems: [{ severity: 'error', code: 'binary-source', message: 'This file looks binary (it contains NUL bytes), so Claimdesk skipped it. Sources must be UTF-8 or UTF-16 text.' }],
    };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8.decode(body), problems: [] };
  } catch {
    return {
      text: utf8Lenient.decode(body),
      problems: [{ severity: 'warning', code: 'invalid-utf8', message: 'The source is not valid UTF-8; unreadable bytes were replaced with \uFFFD. Re-save it as UTF-8 for exact quotes.' }],
    };
  }
}

/** Strips a leading BOM from already-decoded text (editors may hand it over). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
