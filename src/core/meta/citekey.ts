import type { SourceMeta } from '../model';
import { foldName } from '../text/keys';

const STOP = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'and', 'to', 'for', 'at', 'but', 'no', 'is']);

/** ASCII-folds and lower-cases a word for a citekey ("Borodyna" → "borodyna", "Żółć" → "zolc", "Øster" → "oster"). */
export function foldKeyPart(word: string): string {
  return foldName(word).replace(/[^a-z0-9]/g, '');
}

/**
 * A Better BibTeX-like base key: first author's family name + year ("borodyna2025"); without an
 * author, the first significant title word + year; without either, the file name. Collisions are
 * disambiguated by the workspace index (a, b, c… in path order).
 */
export function baseCitekey(meta: SourceMeta, fileName: string): string {
  const year = /\b(\d{4})\b/.exec(meta.issued ?? '')?.[1] ?? '';
  const author = meta.authors?.[0];
  if (author) {
    const parts = author.trim().split(/\s+/);
    const family = foldKeyPart(parts[parts.length - 1] ?? '');
    if (family) return family + year;
  }
  const titleWord = (meta.title ?? '').split(/[^\p{L}\p{N}]+/u).map(foldKeyPart).find((w) => w && !STOP.has(w));
  if (titleWord) return titleWord + year;
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return foldKeyPart(base.replace(/[-_\s]+/g, '')) || 'source';
}

/** Pandoc citekeys: start with a letter, digit or _, then word characters and internal :.#$%&-+?<>~/ . */
export const CITEKEY_PATTERN = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*/u;

const WHOLE_CITEKEY = new RegExp(`^${CITEKEY_PATTERN.source}$`, 'u');

export function isValidCitekey(key: string): boolean {
  return WHOLE_CITEKEY.test(key);
}
