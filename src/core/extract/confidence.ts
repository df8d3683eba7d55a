// Estimative language in the spirit of ICD 203: the phrase that governs a sentence's main clause.
// Bare modals (could, might, may, would) are not estimative phrases.

const LEVELS = String.raw`almost no chance|(?:a\s+)?remote(?:\s+(?:chance|possibility|prospect))?|(?:very|highly|extremely)\s+(?:unlikely|improbable)|unlikely|improbable|doubtful|(?:roughly\s+)?(?:an?\s+)?even\s+(?:chance|odds)|(?:almost|nearly|virtually)\s+certain(?:ly)?|far\s+from\s+certain|(?:almost|nearly|virtually)\s+impossible|(?:very|highly)\s+(?:likely|probable)|more\s+likely\s+than\s+not|(?:almost|nearly|virtually)\s+inevitabl[ey]|likely|probable|probably|in\s+all\s+likelihood`;
// The verb framing kept with the phrase: "is likely to", "would probably", "would be likely to".
const FRAMED = new RegExp(String.raw`(?:\b(?:is|are|was|were|will|would|remains?|seems?|looks?|appears?|'s|’s)\s+(?:be\s+|also\s+|still\s+|not\s+)?)?\b(${LEVELS})\b(?:\s+to\b)?`, 'giu');

// Every phrase above holds one of these stems; most sentences hold none and skip the full pattern.
const MAYBE_ESTIMATIVE = /likel|probab|certain|chance|impossib|doubt|remote|odds|inevitab/i;

const LEADING_SUBORDINATE = /^(?:Although|Though|Even though|Even if|If|Unless|While|Whereas|Because|Since|As long as|Whether|When|Once)\b/;

// Uses that do not estimate the clause: "a likely candidate", "the likely outcome", "more/less likely".
const ATTRIBUTIVE_BEFORE = /\b(?:a|an|the|its|their|his|her|most|more|less|least|as|how)\s+$/i;
const ADJECTIVE_NOUN_AFTER = /^\s+(?:candidate|outcome|scenario|successor|winner|result|target|cause|culprit|source|explanation|consequence|course|path|option|answer|route|prospect)s?\b/i;

/** The estimative phrase governing a sentence, or null. Quoted speech and relative clauses are skipped when the sentence has another. */
export function findConfidence(sentence: string): string | null {
  if (!MAYBE_ESTIMATIVE.test(sentence)) return null;
  const quoted = quotedRanges(sentence);
  const candidates: Array<{ text: string; at: number; weight: number }> = [];
  const re = FRAMED;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sentence))) {
    const core = m[1];
    const coreAt = m.index + m[0].indexOf(core);
    const before = sentence.slice(Math.max(0, coreAt - 12), coreAt);
    const after = sentence.slice(coreAt + core.length, coreAt + core.length + 24);
    const hasFrame = m[0].length > core.length;
    // An adjective on a noun ("a likely outcome", "an almost inevitable part") estimates no clause.
    if (!hasFrame && !/^an?\s/i.test(core) && (ATTRIBUTIVE_BEFORE.test(before) || ADJECTIVE_NOUN_AFTER.test(after))) continue;
    // Relative and appositive clauses do not govern the sentence.
    if (inSubordinate(sentence, coreAt)) continue;
    if (/^remote$/i.test(core)) continue; // "remote areas": only "remote chance/possibility" estimates
    let weight = 0;
    if (quoted.some(([s, e]) => coreAt >= s && coreAt < e)) weight += 2;
    // A leading subordinate clause ("Although a deal is unlikely, …") yields to the main clause.
    if (LEADING_SUBORDINATE.test(sentence) && sentence.indexOf(',') > coreAt) weight += 1;
    // Phrases the yardstick does not name ("almost inevitable") are kept bare, as written.
    candidates.push({ text: /inevitab/i.test(core) ? core : m[0].trim(), at: m.index, weight });
  }
  if (!candidates.length) return null;
  candidates.sort((a, b) => a.weight - b.weight || a.at - b.at);
  return candidates[0].text;
}

function quotedRanges(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Inside a relative or appositive clause set off by commas (", which …,", ", an idea …,"). */
function inSubordinate(s: string, at: number): boolean {
  const open = s.lastIndexOf(',', at);
  if (open < 0) return false;
  const clause = s.slice(open + 1, at);
  const opener = /^\s*(?:(which|who|whom|whose|where)|an?\s+\w+|although|though|even if|if|unless|while|whereas)\b/i.exec(clause);
  if (!opener) return false;
  // A relative clause may run to the sentence's end (", which is likely to keep …."); others need a closing comma.
  return opener[1] !== undefined || s.indexOf(',', at) > 0;
}
