// ICD 203 estimative language, ordered, so a memo's confidence can be compared with its source's.

/** ICD 203 likelihood levels, weakest to strongest. */
export const CONFIDENCE_LEVELS = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const;

export type ConfidenceLevelName = (typeof CONFIDENCE_LEVELS)[number];

/** 1 (almost no chance) … 7 (almost certain). */
export type ConfidenceLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

// Phrases (as regular-expression sources, lower case) and their level. Longer phrases are tried
// first at each position, so "very unlikely" never reads as "unlikely" or "likely".
const LEXICON: Array<[string, ConfidenceLevel]> = [
  ['almost no chance', 1],
  ['(?:almost|nearly|virtually) impossible', 1],
  ['(?:a )?remote (?:chance|possibility|prospect)', 1],
  ['(?:very|extremely) unlikely', 2],
  ['highly (?:unlikely|improbable)', 2],
  ['very improbable', 2],
  ['far from certain', 3],
  ['not likely', 3],
  ['unlikely', 3],
  ['improbable', 3],
  ['doubtful', 3],
  ['probably not', 3],
  ['roughly even(?: chance| odds)?', 4],
  ['(?:an )?even chance', 4],
  ['(?:a )?toss-up', 4],
  ['fifty-fifty', 4],
  ['more likely than not', 4],
  ['(?:very|extremely) likely', 6],
  ['in all likelihood', 6],
  ['highly (?:likely|probable)', 6],
  ['very probabl[ey]', 6],
  ['almost certain(?:ly)?', 7],
  ['nearly certain(?:ly)?', 7],
  ['virtually certain(?:ly)?', 7],
  ['certainly', 7],
  ['likely', 5],
  ['probabl[ey]', 5],
];

const PHRASE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${[...LEXICON]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([p]) => `(${p.replace(/ /g, '\\s+')})`)
    .join('|')})(?![\\p{L}\\p{N}-])`,
  'giu',
);
const ORDERED = [...LEXICON].sort((a, b) => b[0].length - a[0].length);

const ATTRIBUTIVE_BEFORE = /\b(?:a|an|the|its|their|his|her|more|less|least|as|how)\s+$/i;

/** One estimative phrase found in a text. */
export interface ConfidenceMention {
  phrase: string;
  level: ConfidenceLevel;
  start: number;
  end: number;
}

/** Every estimative phrase in a text, in order, longest match at each position. */
export function findConfidence(text: string): ConfidenceMention[] {
  const out: ConfidenceMention[] = [];
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(text); m; m = PHRASE_RE.exec(text)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    let level = ORDERED[group - 1][1];
    // "a likely candidate", "the probable cause", "more likely": an adjective, not an estimate of the clause.
    if (/^(?:un)?(?:likely|probable)$/i.test(m[0]) && ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    // A negated phrase says less than it seems: "not very likely" is unlikely, "not unlikely" an even chance.
    const before = text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
    if (/\bnot\s+$/.test(before)) level = level >= 5 ? 3 : level <= 3 ? 4 : level;
    out.push({ phrase: m[0], level, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The level of one estimative phrase ("is likely to", "almost certainly"), or undefined when it has none. */
export function confidenceLevel(phrase: string): ConfidenceLevel | undefined {
  const found = findConfidence(phrase);
  if (!found.length) return undefined;
  return found.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a)).level;
}

/** The ICD 203 name of a level. */
export function levelName(level: ConfidenceLevel): ConfidenceLevelName {
  return CONFIDENCE_LEVELS[level - 1];
}
