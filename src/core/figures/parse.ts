// Figures in running text: money, percentages, counts and years, with their normalised value and
// unit. Used on sources (extraction) and on memos (checks, hovers), so it knows nothing of either.
// One linear pass with precompiled, sticky/anchored regexes around each number found.

import { normalUnit } from '../text/keys';

/** A quantity found in text; offsets are into the text passed in. */
export interface FigureMatch {
  start: number;
  end: number;
  /** Exact substring, qualifier included ("more than 300 drones"). */
  text: string;
  value: number;
  /** ISO 4217 code for money, else 'percent' | 'count' | 'year'. */
  unit: string;
  /** "more than", "about"… verbatim, or null. */
  qualifier: string | null;
  /** For counts: the noun counted (one or two words), or null. */
  counts: string | null;
  /** Upper bound of a range ("60–100%"); value holds the lower bound. */
  valueMax?: number;
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
// Fractions ("half a million", "a quarter of a percentage point") are numbers only before a scale; see readFigure.
const SPELLED_WORD = `(?:${[...Object.keys(TENS)].join('|')})(?:[- ](?:${Object.keys(SMALL).slice(1, 10).join('|')}))?|${Object.keys(SMALL).join('|')}|a\\s+dozen|dozen|hundred|half\\s+an?|quarter\\s+of\\s+an?`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;

// A number: digits, or a spelled-out number word (optionally "two hundred").
const NUMBER_RE = new RegExp(String.raw`(?<![\p{L}\p{N}.,\-/:])(?:(${DIGITS})|\b(${SPELLED_WORD})(?:\s+hundred)?\b)(?![\p{N}]|[.,]\d|:\d)`, 'iuy');
// A cheap first pass (no Unicode classes, no lookbehind) finds where a number may start.
const SPELLED_FIRST = new Set([...Object.keys(SMALL), ...Object.keys(TENS), 'dozen', 'hundred', 'half', 'quarter']);
// A digit, or a whole word that is a spelled number ("two", "Twenty"): only the first letter may be capitalised.
// Listing the words keeps the scan from stopping at every word that merely starts like one.
const NUMBER_SCAN = new RegExp(String.raw`\d|\b(?:${[...SPELLED_FIRST].map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\b`, 'g');
const SECOND_DIGITS = new RegExp(String.raw`^(?:US\$|[$€£¥₹₽₴])?(${DIGITS})(?![\p{N}])`, 'u');
const SECOND_SPELLED = new RegExp(String.raw`^(${SPELLED_WORD})\b`, 'iu');

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, bln: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12, tr: 1e12,
};
// Full words after a space; abbreviations only glued to the number or after a currency ("$40m", "£40 mn").
const MULT_WORD_RE = /^\s*(thousand|million|billion|trillion)\b/i;
const MULT_ABBR_RE = /^\s?(mn|mln|bn|bln|tn|trn|m|b|k)\b/;

// Currency written before the number, matched against the text just before it.
const PREFIX_RE = /(?:\b(US|USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|INR|CHF|AUD|CAD|NZD|HKD|SGD|BRL|ZAR|KRW|TRY|SEK|NOK|DKK|PLN|MXN|NGN|ILS|SAR|IDR|THB|MYR)\s?|\b(US|A|AU|C|CA|NZ|HK|S|R|Z)\$|([$€£¥₹₽₴₩₺₦₪]))$/;
const PREFIX_CODES: Record<string, string> = { US: 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', NZ: 'NZD', HK: 'HKD', S: 'SGD', R: 'BRL', Z: 'ZWL', RMB: 'CNY' };
const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH', '₩': 'KRW', '₺': 'TRY', '₦': 'NGN', '₪': 'ILS' };

// Currency written after the number ("524 billion dollars", "1.5 trillion yuan", "40 million euros").
const SUFFIX_RE = /^\s+(?:(US|American|Canadian|Australian|Hong Kong|Singapore|New Zealand)\s+)?(dollars?|euros?|pounds sterling|pounds|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|hryvnias?|hryvnia|francs?|won|lira|zloty|reais|rand|naira|shekels?|riyals?|rupiah|baht|ringgit|USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|INR|CHF|AUD|CAD)\b/i;
const SUFFIX_CODES: Record<string, string> = {
  dollar: 'USD', euro: 'EUR', 'pounds sterling': 'GBP', pound: 'GBP', sterling: 'GBP', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY',
  rupee: 'INR', rouble: 'RUB', ruble: 'RUB', hryvnia: 'UAH', franc: 'CHF', won: 'KRW', lira: 'TRY', zloty: 'PLN',
  reais: 'BRL', reai: 'BRL', rand: 'ZAR', naira: 'NGN', shekel: 'ILS', riyal: 'SAR', rupiah: 'IDR', baht: 'THB', ringgit: 'MYR',
};
const DOLLAR_QUALIFIERS: Record<string, string> = { american: 'USD', us: 'USD', canadian: 'CAD', australian: 'AUD', 'hong kong': 'HKD', singapore: 'SGD', 'new zealand': 'NZD' };

// Measures written against the number ("180km", "2GW"): counts of that unit.
const GLUED_MEASURE_RE = /^(?:km|kms|mi|kg|mph|kph|km\/h|GW|MW|kW|GWh|MWh|TWh|bcm|ha|sq\s?km|cm|mm|ft)\b/;
const PERCENT_RE = /^(?:\s?%|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b|\s+pc\b)/i;
const RANGE_SEP_RE = /^(?:\s?[-–—]\s?|\s+to\s+|\s+and\s+)/;

const QUALIFIER_RE = /\b(more than|fewer than|less than|greater than|higher than|lower than|as many as|as much as|as few as|as little as|at least|at most|up to|upwards of|in excess of|no more than|no fewer than|no less than|close to|nearly|almost|about|around|roughly|approximately|some|over|under|just over|just under|just above|just below|above|below|an estimated|estimated|an average of|on average|exceeding|between|from|barely|well over|well above|well below|well under)\s+$/i;

// Words after which a number is a label, not a quantity ("Article 5", "para. 3", "No. 10").
const LABEL_BEFORE_RE = /\b(?:article|articles|section|chapter|para|paras|paragraph|paragraphs|page|pages|pp|p|no|nos|number|vol|volume|figure|fig|table|resolution|item|clause|flight|route|level|phase|stage|category|grade|room|gate|platform|version|season|episode|part|annex|appendix|amendment|rule|step|round|point|points|article\.|covid|g|f|su|mig|tu|mi|ka)\.?\s*$/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
// A capitalised word right before a bare number, not opening the sentence: a brand ("Boeing 787", "Airbus’s 350").
const MODEL_BRAND_BEFORE_RE = /(?<=[\p{Ll},;]\s+|\p{Ll}\s+the\s+)\p{Lu}[\p{L}-]+(?:['’]s)?\s+$/u;
// A singular capitalised name right after a bare number: "787 Dreamliner", "737 Max".
const MODEL_NAME_AFTER_RE = /^-?\s?\p{Lu}\p{Ll}+(?<!s)\b(?![’'-])/u;
// …unless the word is a month or a weekday ("5 March", "the 6 Monday").
const DAY_AFTER_RE = new RegExp(`^-?\\s?(?:${MONTHS}|${WEEKDAYS})\\b`, 'i');
const MONTH_BEFORE_RE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+$`, 'i');
const MONTH_AFTER_RE = new RegExp(`^\\s+(?:${MONTHS})\\b`, 'i');
const ORDINAL_AFTER_RE = /^(?:st|nd|rd|th)\b/i;
const TIME_AFTER_RE = /^\s?(?:a\.?m\.?|p\.?m\.?|GMT|UTC|BST|CET|EST|EDT|PST|hrs|o'clock)(?![\p{L}])/iu;
const DECADE_AFTER_RE = /^'?s\b/;

// Words that cannot be what a number counts.
const NOT_COUNTED = new Set([
  'of', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'than', 'that', 'which', 'who', 'the', 'a', 'an',
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'per',
  'percent', 'cent', 'ago', 'later', 'earlier', 'more', 'less', 'fewer', 'times', 'this', 'these', 'those', 'its',
  'their', 'his', 'her', 'our', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'after', 'before', 'since', 'until', 'when', 'where',
  'while', 'if', 'but', 'so', 'not', 'also', 'all', 'each', 'both', 'such', 'into', 'over', 'under', 'about', 'out', 'up', 'down',
  'said', 'says', 'say', 'according', 'including', 'between', 'among', 'during', 'against', 'through', 'across', 'within',
]);
// "three of those projects", "four of its members": the number counts the noun after the determiner (the figure stays the number).
const PARTITIVE_SKIP_RE = /^(?:\s+\p{L}+['’]s)?(?:\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred))?(?=\s)/iu;
const PARTITIVE_RE = /^\s+of\s+(?:the|those|these|its|their|our|his|her|your|my|this|that|them)(?=\s)/i;
// "a four-hour debate", "a 30-year plan": a duration or measure joined to the number counts that unit.
const COMPOUND_UNIT_RE = /^[-‑](year|month|week|day|hour|minute|decade|mile|kilometre|kilometer|metre|meter|member|seat|nation|country|storey|story)(?![\p{L}\p{N}])/iu;
const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries', 'quarters']);
const COMPOUND_PLURALS: Record<string, string> = { country: 'countries', story: 'stories' };
// Nouns counted in the singular or irregular plural that still make a spelled-out number a count.
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'troops', 'cattle', 'sheep', 'fish', 'aircraft', 'deer', 'data', 'media', 'feet', 'teeth', 'mice', 'geese']);

/** Finds every figure in text[start, end). */
export function findFigures(text: string, start = 0, end = text.length): FigureMatch[] {
  const out: FigureMatch[] = [];
  const scan = NUMBER_SCAN; // module-level and reset here: findFigures never re-enters itself
  // The scan runs over the range (and one character either side, for its word boundaries), so that a
  // range without numbers does not send it searching the rest of the text; NUMBER_RE still reads the whole text.
  const from = Math.max(0, start - 1);
  const window = text.slice(from, Math.min(text.length, end + 1));
  scan.lastIndex = start - from;
  let hit: RegExpExecArray | null;
  while ((hit = scan.exec(window)) && hit.index + from < end) {
    const at = hit.index + from;
    const spelledHit = hit[0].length > 1;
    if (spelledHit && !SPELLED_FIRST.has(hit[0].toLowerCase())) continue;
    NUMBER_RE.lastIndex = at;
    const m = NUMBER_RE.exec(text);
    if (!m) {
      // Not a number here ("G7", "5G"): skip the rest of this word.
      let k = at + hit[0].length;
      while (k < end && /[\w.,]/.test(text[k])) k++;
      scan.lastIndex = k - from;
      continue;
    }
    const found = readFigure(text, m, start, end);
    if (found) out.push(found);
    scan.lastIndex = Math.max(m.index + m[0].length, found ? found.end : 0) - from;
  }
  return out;
}

/** True when two quantities are the same: same unit (case-insensitive) and values equal to a relative 1e-9. */
export function sameQuantity(a: { value: number; unit: string }, b: { value: number; unit: string }): boolean {
  if (normalUnit(a.unit) !== normalUnit(b.unit)) return false;
  if (!Number.isFinite(a.value) || !Number.isFinite(b.value)) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

function parseNumber(digits: string | undefined, words: string | undefined): number {
  if (digits !== undefined) return Number(digits.replace(/,/g, ''));
  return spelledValue(words ?? '');
}

function spelledValue(words: string): number {
  let total = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'a' || w === 'an' || w === 'of') continue;
    if (w === 'half') total += 0.5;
    else if (w === 'quarter') total += 0.25;
    else if (w === 'dozen') total = (total || 1) * 12;
    else if (w === 'hundred') total = (total || 1) * 100;
    else total += SMALL[w] ?? TENS[w] ?? 0;
  }
  return total;
}

function readFigure(text: string, m: RegExpExecArray, rangeStart: number, rangeEnd: number): FigureMatch | undefined {
  const spelled = m[1] === undefined;
  const numStart = m.index;
  let pos = numStart + m[0].length;
  let value = parseNumber(m[1], m[2]);
  if (!Number.isFinite(value)) return undefined;
  const after = (p: number) => text.slice(p, Math.min(rangeEnd, p + 40));

  // Contexts where the digits are not a quantity.
  const before = text.slice(Math.max(rangeStart, numStart - 24), numStart);
  const dash = text.charCodeAt(pos);
  const compound = dash === 45 || dash === 0x2011 ? COMPOUND_UNIT_RE.exec(text.slice(pos, Math.min(rangeEnd, pos + 12))) : null;
  if (compound) {
    if (spelled && value === 1) return undefined; // "a one-day strike" reads as an article, like "one day"
    if (!spelled && LABEL_BEFORE_RE.test(before)) return undefined;
    const single = compound[1].toLowerCase();
    const end = pos + compound[0].length;
    return withQualifier(text, rangeStart, numStart, end, value, 'count', COMPOUND_PLURALS[single] ?? `${single}s`);
  }
  if (!spelled) {
    if (LABEL_BEFORE_RE.test(before) || /[@#]\S*$/.test(before)) return undefined;
    if (ORDINAL_AFTER_RE.test(after(pos)) || TIME_AFTER_RE.test(after(pos))) return undefined;
    if (/^[-–]?\p{L}/u.test(text.slice(pos, pos + 2)) && !MULT_ABBR_RE.test(after(pos)) && !GLUED_MEASURE_RE.test(after(pos))) return undefined; // 5G, 3D
    // Model numbers: "Boeing 787", "the 737 Max", "787 Dreamliner" (a bare number between a brand and a model name).
    if (/^\d{2,4}$/.test(m[1]) && !(value >= 1000 && value <= 2100) && ((MODEL_BRAND_BEFORE_RE.test(before) && !MONTH_BEFORE_RE.test(before)) || (MODEL_NAME_AFTER_RE.test(after(pos)) && !DAY_AFTER_RE.test(after(pos))))) return undefined;
  }

  // Currency before the number.
  let unit: string | null = null;
  let figStart = numStart;
  const pre = PREFIX_RE.exec(before);
  if (pre && !spelled) {
    unit = pre[1] ? PREFIX_CODES[pre[1]] ?? pre[1].toUpperCase() : pre[2] ? PREFIX_CODES[pre[2]] ?? 'USD' : SYMBOLS[pre[3]];
    figStart = numStart - pre[0].length;
  }

  // Multiplier ("billion", "bn", "m").
  let multiplier = 1;
  const word = MULT_WORD_RE.exec(after(pos));
  const abbr = !word && (unit || !/\s/.test(text[pos] ?? '')) ? MULT_ABBR_RE.exec(after(pos)) : null;
  // A glued abbreviation without currency is only a multiplier when a currency word follows ("40m euros").
  // Glued to the number ("1.5m people", "40bn") it is a scale too; after a space only with a currency.
  const multMatch = word ?? (abbr && (unit || !/\s/.test(abbr[0]) || SUFFIX_RE.test(after(pos + abbr[0].length))) ? abbr : null);
  if (multMatch) {
    multiplier = MULTIPLIERS[multMatch[1].toLowerCase()];
    pos += multMatch[0].length;
  }

  // A range: "60–100%", "$5-10 billion", "between 2 and 3 per cent".
  let valueMax: number | undefined;
  const sep = RANGE_SEP_RE.exec(after(pos));
  if (sep) {
    const rest = text.slice(pos + sep[0].length, Math.min(rangeEnd, pos + sep[0].length + 40));
    let second = SECOND_DIGITS.exec(rest) ?? SECOND_SPELLED.exec(rest);
    // Letters right after the second number must be a scale ("£30bn"), else it is no number ("5G").
    if (second && /^\p{L}/u.test(rest.slice(second[0].length)) && !MULT_ABBR_RE.test(rest.slice(second[0].length))) second = null;
    const isAnd = /and/.test(sep[0]);
    const lead = text.slice(Math.max(rangeStart, figStart - 12), figStart);
    if (second && (!isAnd || /\bbetween\s+$/i.test(lead))) {
      let max = parseNumber(/^\d|^\./.test(second[1]) ? second[1] : undefined, /^\d|^\./.test(second[1]) ? undefined : second[1]);
      let p2 = pos + sep[0].length + second[0].length;
      const w2 = MULT_WORD_RE.exec(after(p2)) ?? (unit || !/\s/.test(text[p2] ?? '') ? MULT_ABBR_RE.exec(after(p2)) : null);
      let m2 = 1;
      if (w2) {
        m2 = MULTIPLIERS[w2[1].toLowerCase()];
        p2 += w2[0].length;
      }
      const unitAfter = PERCENT_RE.test(after(p2)) || SUFFIX_RE.test(after(p2));
      // Only a range when it shares a unit or scale (else "2014-2016" years, "3-1" scores pass through).
      if ((unitAfter || unit || w2 || multMatch) && !ORDINAL_AFTER_RE.test(after(p2))) {
        if (multiplier === 1 && m2 !== 1) multiplier = m2;
        max *= m2 === 1 ? multiplier : m2;
        valueMax = max;
        pos = p2;
      }
    }
  }

  value *= multiplier;
  if (valueMax !== undefined && valueMax <= value) valueMax = undefined;
  let counts: string | null = null;

  // Unit after the number.
  const pct = PERCENT_RE.exec(after(pos));
  if (pct) {
    if (unit) return undefined; // "$5%" is not a thing
    unit = 'percent';
    pos += pct[0].length;
  } else if (!unit) {
    const suf = SUFFIX_RE.exec(after(pos));
    if (suf) {
      const name = suf[2].toLowerCase().replace(/s$/, '');
      const code = /^[A-Z]{3}$/.test(suf[2]) ? (suf[2] === 'RMB' ? 'CNY' : suf[2]) : SUFFIX_CODES[name] ?? SUFFIX_CODES[suf[2].toLowerCase()];
      unit = suf[1] && name === 'dollar' ? DOLLAR_QUALIFIERS[suf[1].toLowerCase()] ?? 'USD' : code;
      // "pounds" after a bare number with no scale is usually weight; keep only with a scale word or "sterling".
      if (name === 'pound' && multiplier === 1) unit = null;
      else pos += suf[0].length;
    }
  }
  if (!unit && !spelled && multiplier === 1 && GLUED_MEASURE_RE.test(after(pos)) && !/\s/.test(text[pos] ?? ' ')) {
    const measure = GLUED_MEASURE_RE.exec(after(pos))![0];
    unit = 'count';
    counts = measure;
    pos += measure.length;
  }
  if (!unit) {
    if (!spelled && isYear(m, before, after(pos), multiplier)) {
      unit = 'year';
    } else {
      const noun = countedNoun(after(pos));
      if (spelled) {
        // Spelled-out numbers are counts only with a scale or a plural noun ("three ministers").
        if (value === 1 && multiplier === 1) return undefined;
        if (noun && !isPlural(noun.first) && multiplier === 1) return undefined;
      }
      if (!spelled && multiplier === 1 && value >= 1 && value <= 31 && Number.isInteger(value) && MONTH_BEFORE_RE.test(before)) return undefined; // "August 17", "October 7 attacks"
      if (!spelled && MONTH_AFTER_RE.test(after(pos))) return undefined; // "17 August"
      unit = 'count';
      if (noun) {
        counts = noun.words;
        pos += noun.length;
      } else {
        // "Only three of those projects": the noun after the partitive, which the figure's text leaves out.
        const partitive = text.startsWith(' of ', pos) ? PARTITIVE_RE.exec(after(pos)) : null;
        // "two of the region’s seven producers": past an owner and a second number to the noun.
        const ownedAt = partitive ? pos + partitive[0].length : 0;
        const skip = partitive ? PARTITIVE_SKIP_RE.exec(text.slice(ownedAt, Math.min(rangeEnd, ownedAt + 40))) : null;
        const owned = partitive ? countedNoun(text.slice(ownedAt + (skip ? skip[0].length : 0), Math.min(rangeEnd, ownedAt + 60))) : undefined;
        if (owned && isPlural(owned.first)) counts = owned.words;
        else if (spelled) return undefined;
      }
    }
  }

  // "half a million", "a quarter of a percentage point"; not "half a loaf".
  if (spelled && /^(?:half|quarter)\b/i.test(m[2])) {
    if (multiplier === 1 && unit !== 'percent') return undefined;
    if (/^quarter/i.test(m[2])) {
      const article = /\b(?:a|one)\s+$/i.exec(text.slice(Math.max(rangeStart, figStart - 5), figStart));
      if (!article) return undefined;
      figStart -= article[0].length;
    }
  }

  // Qualifier before the figure.
  let qualifier: string | null = null;
  const q = QUALIFIER_RE.exec(text.slice(Math.max(rangeStart, figStart - 24), figStart));
  // "over two years" is a period (the plan runs over them), not "more than".
  const period = q && /^over$/i.test(q[1]) && counts !== null && TIME_UNITS.has(counts.toLowerCase());
  if (q && !period && !(q[1].toLowerCase() === 'between' && valueMax === undefined) && !(q[1].toLowerCase() === 'from' && valueMax === undefined)) {
    qualifier = q[1];
    figStart -= q[0].length;
  }
  return { start: figStart, end: pos, text: text.slice(figStart, pos), value, unit, qualifier, counts, ...(valueMax !== undefined ? { valueMax } : {}) };
}

/** A count ending at end, with any qualifier before it ("about 30-year"). */
function withQualifier(text: string, rangeStart: number, numStart: number, end: number, value: number, unit: string, counts: string | null): FigureMatch {
  let start = numStart;
  let qualifier: string | null = null;
  const q = QUALIFIER_RE.exec(text.slice(Math.max(rangeStart, start - 24), start));
  if (q && !/^(?:between|from)$/i.test(q[1])) {
    qualifier = q[1];
    start -= q[0].length;
  }
  return { start, end, text: text.slice(start, end), value, unit, qualifier, counts };
}

function isYear(m: RegExpExecArray, before: string, rest: string, multiplier: number): boolean {
  const digits = m[1];
  if (multiplier !== 1 || !/^\d{4}$/.test(digits)) return false;
  const n = Number(digits);
  if (n < 1500 || n > 2199) return false;
  if (DECADE_AFTER_RE.test(rest)) return true;
  if (QUALIFIER_RE.test(before) && !/\b(?:from|between|since|before|after|by|until)\s+$/i.test(before)) return false;
  // "2000 troops" counts troops; "the 2024 elections" and "in 2014" are years.
  const noun = countedNoun(rest);
  if (noun && isPlural(noun.first) && !/\b(?:the|in|of|since|by|its|their|his|her)\s+$/i.test(before)) return false;
  return true;
}

function isPlural(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PLURALS.has(w) || (/[^s'’]s$/.test(w) && w.length > 3) || /ies$/.test(w);
}

const COUNT_MODIFIER = /^\s+(?:more|new|additional|extra|further|other)(?=\s+\p{L})/u;

/** The one or two words a count counts: "drones", "Russian drones", "ballistic missiles". */
function countedNoun(rest: string): { words: string; first: string; length: number } | undefined {
  // "14 more areas", "30 new patrol vessels": a modifier before the noun stays in the figure's text, not in what it counts.
  const lead = COUNT_MODIFIER.exec(rest);
  if (lead) {
    const noun = countedNoun(rest.slice(lead[0].length));
    return noun ? { ...noun, length: lead[0].length + noun.length } : undefined;
  }
  const m = /^(\s+)([\p{L}][\p{L}'’-]*)(?:(\s+)([\p{L}][\p{L}'’-]*))?/u.exec(rest);
  if (!m) return undefined;
  const first = m[2];
  if (NOT_COUNTED.has(first.toLowerCase())) return undefined;
  const second = m[4];
  if (second && !isPlural(first) && isPlural(second) && !NOT_COUNTED.has(second.toLowerCase())) {
    return { words: `${first} ${second}`, first: second, length: m[1].length + first.length + m[3].length + second.length };
  }
  return { words: first, first, length: m[1].length + first.length };
}
