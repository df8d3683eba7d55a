// Keys under which two spellings of one thing meet: entity ids (slugs), name keys for joining
// entities across sources, and quantity keys for figures. One definition each, used everywhere.

// Latin letters NFKD does not decompose, folded the way a reader would type them without the key.
const LATIN_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H' };
const LATIN_FOLD = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'gu');

/**
 * Folds a name for comparison: compatibility forms unified, accents dropped from Latin and Greek
 * letters (é → e, Ł → l, ά → α), Arabic vowel marks and tatweel dropped, apostrophes removed,
 * lower-cased. Other scripts keep their marks (a Devanagari vowel sign is part of the word),
 * and Cyrillic keeps й and ё (they are letters, not accented ones).
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1')
    .replace(/[\u0640\u064B-\u065F\u0670]/g, '')
    .replace(LATIN_FOLD, (c) => LATIN_FOLDS[c])
    .replace(/['’ʼ‘`]/g, '')
    .toLowerCase()
    .normalize('NFC');
}

// Names recur across sources and slugs depend on the name alone: kept, and dropped wholesale when the table grows.
const SLUGS = new Map<string, string>();

/**
 * The slug of a name, as in entity ids: folded (see `foldName`), every run of characters that are
 * neither letters nor digits turned into one hyphen. "People's Bank of China" → `peoples-bank-of-china`,
 * "Владимир Зеленский" → `владимир-зеленский`, "習近平" → `習近平`.
 */
export function slug(name: string): string {
  let value = SLUGS.get(name);
  if (value === undefined) {
    if (SLUGS.size >= 10_000) SLUGS.clear();
    value = foldName(name)
      .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    SLUGS.set(name, value);
  }
  return value;
}

/** The id of an entity: its type and the slug of its canonical name, e.g. `person:donald-trump`. */
export function entityId(type: string, name: string): string {
  return `${type}:${slug(name)}`;
}

/**
 * The key two spellings of one name share when joining entities across sources: the slug with
 * words separated by spaces, a possessive "'s" and a leading "the" dropped ("The World Bank's" → `world bank`).
 */
export function nameKey(name: string): string {
  return slug(name.replace(/['’ʼ]s(?![\p{L}\p{N}])/gu, ''))
    .replace(/-/g, ' ')
    .replace(/^the /, '');
}

/** Folds text for matching anchors and names (sidecar corrections): Unicode-normalised, quotes and dashes unified, spaces collapsed, case-folded. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/(?:…|\.\.\.)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A figure's unit in one spelling: lower-case, `%`, "per cent" and "pct" as `percent`, `$` and `US$` as `usd`. */
export function normalUnit(unit: string): string {
  const u = unit.trim().toLowerCase();
  if (u === '%' || u === 'per cent' || u === 'pct') return 'percent';
  if (u === '$' || u === 'us$') return 'usd';
  return u;
}

/**
 * Key under which the same quantity written different ways meets: normal unit and value to 12
 * significant digits, so quantities equal under `sameQuantity` share it.
 */
export function quantityKey(q: { value: number; unit: string }): string {
  return `${normalUnit(q.unit)}|${Number(q.value.toPrecision(12))}`;
}
