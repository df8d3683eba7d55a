// Named entities: runs of capitalised words split on lexicon names, titles and demonyms, typed by
// lexicon or by the words that head a name, and clustered so that every surface form ("Trump",
// "Moscow’s", "Nato") lands on one canonical entity. One pass over the words of the text.

import type { EntityType, SourceMeta } from '../model';
import { ARTICLE_REGIONS, DEMONYMS, KNOWN, type LexiconEntry, NOT_NAMES, ORG_FIRST, ORG_HEADS, PLACE_FIRST, PLACE_HEADS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { slug } from '../text/keys';

/** One occurrence of a name in the text. */
export interface NameHit {
  start: number;
  end: number;
  text: string;
  /** Key of the entity cluster it belongs to. */
  key: string;
}

export interface FoundEntity {
  key: string;
  name: string;
  type: EntityType;
  hits: NameHit[];
  descriptions: string[];
}

/** A role description ("the US president") resolved to a person for attribution. */
export interface DescriptionHit {
  start: number;
  end: number;
  text: string;
  key: string;
}

export interface EntityResult {
  entities: FoundEntity[];
  descriptions: DescriptionHit[];
}

interface Token {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  /** First word of its sentence or block (capitalised for grammar, not as a name). */
  initial: boolean;
  possessive: boolean;
}

interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType | null;
  /** Canonical name when a lexicon names it. */
  canonical?: string;
  initial: boolean;
  /** Used only as a modifier ("the US president", "Creative Commons license"). */
  attributive: boolean;
  /** Named after a title ("President Macron") or before a speech verb: surely a person when unknown. */
  personCue: boolean;
  /** After "in", "near", "the city of"…: a place when unknown. */
  placeCue: boolean;
  /** After "director of", "a spokesman for"…: an organisation when unknown. */
  orgCue: boolean;
  /** Opens a byline ("Amina Hassan is a research fellow at …"): the author's name. */
  bylineName: boolean;
  /** Written with a possessive ("Zelensky’s"): used as a noun. */
  possessive: boolean;
  inBody: boolean;
  /** "the Bank" after "the Bank of England": a head word that only ever names an organisation already named. */
  headAlias?: boolean;
}

const THING_HEADS = /^(?:War|Wars|Initiative|Agreement|Agreements|Accord|Accords|Treaty|Act|Plan|Doctrine|Day|Year|Age|Era|Revolution|Crisis|Dome|Operation|Strategy|Deal|Conference|Games|Cup|Olympics|Prize|Award|Index|Report|Protocol|Declaration|Charter|Convention|Line|Wall|Bridge|Pipeline|Stream|Project|Framework|Package|Mechanism|Facility|Bill|Law|Constitution|Amendment|Order|Rule|Rules|Policy|Reform|Reforms|Scheme|Standard|Standards|Goals|Agenda|Process|Format|Talks|Negotiations|Ceasefire|Summit|Dialogue|Pledge|Compact|Medal|Grain|Statute|Statutes)$/;

const ORDINALS = /^(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)$/;
const THING_FIRST = /^(?:Operation|Project|Resolution|Article|Chapter|Section|Act|Law|Plan|Treaty|Battle|Siege|Day|Summer|Winter|Spring|Autumn|Fall|Cold|World|Second|First|Third|Great|Civil|Holy|Special|Orange|Arab|Iron|Golden|Black|Red|Green|White|Blue|Big|Old|Modern|Ancient|Medieval|Islamic|Christian|Western|Eastern|Northern|Southern|Central|Greater|Grand|Supreme|Federal|Royal|Imperial|Soviet|Global|International|National|Regional|Local|European|Asian|African|American)$/;

// Places whose names are also given names.
const GIVEN_NAME_PLACES = new Set(['Jordan', 'Israel', 'Chad', 'Georgia', 'India', 'Kenya', 'Sydney', 'Victoria', 'Florence', 'Austin', 'Dakota', 'Paris', 'Chelsea', 'Lincoln', 'Carolina', 'Virginia', 'Hamilton', 'Houston', 'Orlando', 'Jackson', 'Madison', 'Cuba']);

// Capitalised abbreviations that name no organisation.
const NOT_ACRONYM_NAMES = new Set(['LGBT', 'LGBTQ', 'GMO', 'GPS', 'USB', 'CCTV', 'WMD', 'ICBMs', 'SAM', 'MLRS', 'HIMARS', 'ATACMS', 'APC', 'IED', 'POW', 'POWs', 'NB', 'PS', 'GDP', 'GNP', 'GNI', 'CEO', 'CFO', 'AI', 'EV', 'LNG', 'VAT', 'CPI', 'PMI', 'NGO', 'COVID', 'HIV', 'AIDS', 'UAV', 'IT', 'TV', 'PR', 'ID', 'PM', 'MP', 'OK', 'BC', 'AD', 'GMT', 'UTC', 'EST', 'FAQ', 'IPO', 'ETF', 'FDI', 'R&D', 'ICBM', 'SUV', 'DNA', 'PhD', 'USD', 'EUR', 'GBP', 'CO', 'CEOs', 'NGOs', 'MPs', 'VPN', 'URL', 'PDF', 'SMS', 'ATM', 'QE', 'ESG', 'SME', 'SMEs', 'OPED']);
// Lower-case particles inside personal names.
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'del', 'du', 'la', 'le', 'al', 'bin', 'ibn', 'dos', 'das', 'ter']);
const CONNECTORS: ReadonlySet<string> = new Set(['den', 'di', 'ibn', 'dos', 'das', 'ter', 'of', 'for', 'the', 'and', '&', 'de', 'del', 'da', 'du', 'von', 'van', 'der', 'al', 'bin', 'la', 'le', 'on']);
const CONNECTOR_MAX_LENGTH = Math.max(...[...CONNECTORS].map((c) => c.length));
const SPEECH = new Set(SPEECH_VERBS);
// Nouns a country name modifies ("US tariffs", "the US president"): not the country named as a noun.
const MODIFIED_BY_PLACE = new Set(['tariffs', 'tariff', 'summit', 'economy', 'officials', 'forces', 'troops', 'army', 'military', 'sanctions', 'market', 'markets', 'exports', 'imports', 'debt', 'bonds', 'stocks', 'navy', 'embassy', 'delegation', 'media', 'lawmakers', 'legislators', 'negotiators', 'diplomats', 'counterpart', 'counterparts', 'airspace', 'policy', 'dollar', 'citizens', 'nationals', 'president', 'leader', 'prime', 'premier', 'chancellor', 'foreign', 'defence', 'defense', 'finance', 'minister', 'government', 'official', 'ambassador', 'envoy', 'king', 'queen', 'administration', 'regime', 'authorities', 'spokesman', 'spokeswoman', 'spokesperson']);
// Nouns an unknown capitalised phrase only modifies ("Creative Commons license").
const ATTRIBUTIVE_HEADS = new Set(['license', 'licence', 'licensed', 'summit', 'member', 'members', 'model', 'style', 'era', 'brand', 'format', 'version', 'platform', 'app']);
// "the Biden administration", "the Assad regime": a single name before these is a person's.
const PERSON_LED = new Set(['administration', 'presidency', 'regime', 'campaign', 'doctrine', 'cabinet']);
const NOT_PERSON_WORDS = new Set(['Our', 'Your', 'My', 'Their', 'We', 'Us', 'This', 'No', 'Not', 'Stop', 'Save', 'Together', 'Now']);
const COMPOUND_ADJECTIVE = /-(?:based|led|backed|born|era|style|made|owned|run|funded|linked|aligned|bound|friendly|controlled|occupied|held|brokered|sponsored)$/;
const COMPASS = /^(?:Central|North|South|East|West|Northern|Southern|Eastern|Western|Latin)$/;
const AREA_AFTER = new Set(['region', 'province', 'district', 'county', 'prefecture', 'governorate', 'oblast', 'municipality', 'state', 'valley', 'area', 'mountains', 'range', 'river', 'desert', 'basin', 'delta', 'plateau', 'steppe', 'plain', 'plains']);
const PLACE_BEFORE = /(?:\b(?:in|near|outside|around|across|towards|toward|into|from|the (?:city|town|village|region|province|port|district|fall|capture|siege|battle) of)\s+(?:\p{Lu}[\p{L}-]+\s+and\s+(?:the\s+)?)?)$/u;
// A role held in a body: "the executive director of Unicef", "a spokesman for Hamas".
// "the newspaper Handelsblatt", "the broadcaster RTL": a body named after what it is.
// "Analysts at Bernstein", "rivals such as Leboncoin" likewise.
const ORG_BEFORE = /\b(?:(?:director|director-general|head|chief|chair|chairman|chairwoman|president|spokes(?:man|woman|person)|secretary-general|founder|executive|member|members|boss|economists?|analysts?|researchers?|strategists?|fellows?)\s+(?:of|for|at)\s+(?:the\s+)?|(?:rivals|competitors|companies|firms|platforms|lenders|banks|brands|retailers|carmakers|insurers|airlines|startups|start-ups)\s+(?:such as|like|including)\s+|the\s+(?:[a-z-]+\s+)?(?:newspaper|daily|weekly|magazine|broadcaster|news agency|agency|website|channel|party|company|firm|bank|lender|charity|think[- ]tank|group|carmaker|retailer|insurer|airline|watchdog|regulator|consultancy|pollster|campaign group|nonprofit|non-profit)\s+)$/i;
const PERSON_BEFORE = /(?:\b(?:president|minister|chancellor|leader|secretary|senator|governor|mayor|councillor|councilor|ambassador|envoy|spokesman|spokeswoman|spokesperson|director|chief|chair|chairman|professor|economist|analyst|adviser|advisor|general|commander|king|queen|pope|ceo|founder|author|journalist|correspondent|mr|mrs|ms|dr|sir)\.?,?\s+)$/i;

/** Finds and clusters entities in the given ranges of text. Body ranges are sentences; other ranges are bylines and notices. */
export function findEntities(text: string, bodyRanges: Array<[number, number]>, otherRanges: Array<[number, number]>, meta: SourceMeta): EntityResult {
  const candidates: Candidate[] = [];
  for (const [s, e] of bodyRanges) scanRange(text, s, e, true, candidates);
  for (const [s, e] of otherRanges) scanRange(text, s, e, false, candidates);
  for (const [s, e] of bodyRanges) findNationalInstitutions(text, s, e, candidates);
  candidates.sort((a, b) => a.start - b.start);
  return cluster(text, candidates, meta, bodyRanges);
}

// "the Syrian government", "the Ecuadorean embassy": a country's institution named by its adjective.
const NATIONAL_INSTITUTION = /\b(\p{Lu}[\p{Ll}èé]+|U\.?S\.?|U\.?K\.?|EU|UN)\s+(government|foreign ministry|defen[cs]e ministry|interior ministry|finance ministry|military|armed forces|army|navy|air force|coast guard|police|embassy|parliament|central bank)\b/gu;

function findNationalInstitutions(text: string, start: number, end: number, out: Candidate[]): void {
  // Most sentences name no institution word: a cheap look first.
  const range = text.slice(start, end);
  if (!/government|ministry|military|forces|army|navy|coast guard|police|embassy|parliament|central bank/.test(range)) return;
  for (const m of range.matchAll(NATIONAL_INSTITUTION)) {
    if (!DEMONYMS.has(m[1]) && KNOWN.get(m[1])?.type !== 'place') continue;
    const at = start + m.index!;
    const initial = at === start || /[.!?]["”’]?\s+$/.test(text.slice(Math.max(start, at - 4), at));
    out.push({ start: at, end: at + m[0].length, text: m[0], type: 'organization', canonical: m[0], initial, attributive: false, personCue: false, placeCue: false, orgCue: true, bylineName: false, possessive: false, inBody: true });
  }
}

// Sticky Unicode classes, consulted only for non-ASCII characters (the ASCII ones are char-code checks).
const LETTER_AT = /\p{L}/uy;
const WORD_CHAR_AT = /[\p{L}\p{M}\p{N}]/uy;

/** Length of the letter (one code point) at i, or 0: `\p{L}` with an ASCII fast path. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text) ? LETTER_AT.lastIndex - i : 0;
}

/** Length of the word character at i, or 0: `[\p{L}\p{M}\p{N}'’&.-]` with an ASCII fast path. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 38 || c === 46 || c === 45 ? 1 : 0;
  if (c === 0x2019) return 1;
  WORD_CHAR_AT.lastIndex = i;
  return WORD_CHAR_AT.test(text) ? WORD_CHAR_AT.lastIndex - i : 0;
}

/** End of the word nextWord found last (kept here: no array per word). */
let nextWordEnd = 0;

/** Start of the next word (`\p{L}[\p{L}\p{M}\p{N}'’&.-]*`, clipped to end) at or after pos, or -1; its end goes to nextWordEnd. */
function nextWord(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end) {
    const n = letterAt(text, i);
    if (n) {
      let j = i + n;
      while (j < end) {
        const k = wordCharAt(text, j);
        if (!k) break;
        j += k;
      }
      nextWordEnd = Math.min(j, end);
      return i;
    }
    // Step over a whole code point, as the Unicode regex does.
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return -1;
}

function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let first = true;
  let pos = start;
  for (let index = nextWord(text, pos, end); index >= 0; index = nextWord(text, pos, end)) {
    pos = nextWordEnd;
    // Most words are lower case, no connector and not right after a name: skipped before any string is made.
    // That holds for a word with a lower-case ASCII first and last letter, nothing to trim (no possessive),
    // longer than every connector and without an "al-" prefix; the full path below would skip it too.
    const head = text.charCodeAt(index);
    if (head >= 97 && head <= 122 && pos - index > CONNECTOR_MAX_LENGTH) {
      const z = text.charCodeAt(pos - 1);
      const y = text.charCodeAt(pos - 2);
      if (z >= 97 && z <= 122 && !(z === 115 && (y === 0x2019 || y === 39)) && text.charCodeAt(index + 2) !== 45 && text.charCodeAt(index + 3) !== 45
        && !(tokens.length && tokens[tokens.length - 1].cap && tokens[tokens.length - 1].end >= index - 3)) {
        first = false;
        continue;
      }
    }
    let word = text.slice(index, pos);
    let possessive = false;
    const last = word.charCodeAt(word.length - 1);
    // Possessives ("Moscow’s", "allies’"), a sentence-final period (not of "U.S."), trailing hyphens.
    if (last === 115 /* s */ && word.length > 2 && (word[word.length - 2] === '’' || word[word.length - 2] === "'")) {
      word = word.slice(0, -2);
      possessive = true;
    } else if ((last === 0x2019 || last === 39) && word.length > 2 && word[word.length - 2] === 's') {
      word = word.slice(0, -1);
      possessive = true;
    } else if (last === 46 /* . */ && !/^(?:\p{L}\.)+$/u.test(word)) word = word.replace(/\.+$/, '');
    const tail = word.charCodeAt(word.length - 1);
    if (tail === 45 || tail === 39 || tail === 0x2019) word = word.replace(/[-'’]+$/, '');
    if (!word) continue;
    const after = text.charAt(index + word.length);
    // "US$524 billion": a currency prefix, not a name.
    if (after === '$' || after === '€' || after === '£' || after === '¥' || (after >= '0' && after <= '9')) {
      first = false;
      continue;
    }
    const before = index > start ? text.charAt(index - 1) : '';
    const initial = first || before === '“' || before === '"' || before === '‘' || before === '(' || before === '[';
    const c = word.charAt(0);
    const code = c.charCodeAt(0);
    // ASCII letters decide by range; "al-Burhan" needs its hyphen at index 2 or 3 before the pattern is tried.
    const cap = (code >= 65 && code <= 90) || (code >= 128 && c !== c.toLowerCase())
      || ((word.charCodeAt(2) === 45 || word.charCodeAt(3) === 45) && /^(?:al|el|ul|ad|as|ash|at|az|bin|ibn)-\p{Lu}/u.test(word));
    // Lower-case words matter only as connectors, particles, or right after a name (what it modifies):
    // the others are left out, which keeps this pass cheap. A gap of words still separates two names.
    if (!cap && !CONNECTORS.has(word) && !(tokens.length && tokens[tokens.length - 1].cap && tokens[tokens.length - 1].end >= index - 3)) {
      first = false;
      continue;
    }
    tokens.push({ start: index, end: index + word.length, text: word, cap, initial, possessive });
    first = false;
  }
  return tokens;
}

function scanRange(text: string, start: number, end: number, inBody: boolean, out: Candidate[]): void {
  const tokens = tokenize(text, start, end);
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap) {
      i++;
      continue;
    }
    // A run: capitalised words joined by spaces, with connectors between capitalised words.
    let j = i + 1;
    // A possessive ends a name, except inside one: "People’s Liberation Army".
    while (j < tokens.length && (onlySpace(text, tokens[j - 1].end + (tokens[j - 1].possessive ? 2 : 0), tokens[j].start) && (!tokens[j - 1].possessive || tokens[j].cap && !KNOWN.has(tokens[j - 1].text) && (headedFrom(tokens, j - 1, tokens.length, true) || namedBody(text, tokens, i, j))) || ampersandBetween(text, tokens, j))) {
      if (tokens[j].cap) {
        j++;
        continue;
      }
      // Up to two connectors between capitalised words: "Institute for the Study", "Ursula von der Leyen".
      let k = j;
      while (k < tokens.length && k - j < 2 && CONNECTORS.has(tokens[k].text) && (k === j || onlySpace(text, tokens[k - 1].end, tokens[k].start))) k++;
      if (k > j && k < tokens.length && tokens[k].cap && onlySpace(text, tokens[k - 1].end, tokens[k].start)) j = k + 1;
      else break;
    }
    // Name particles before a surname: "said von der Leyen".
    let first = i;
    while (first > 0 && i - first < 2 && PARTICLES.has(tokens[first - 1].text) && onlySpace(text, tokens[first - 1].end, tokens[first].start)) first--;
    if (first < i && (first === 0 || !onlySpace(text, tokens[first - 1].end, tokens[first].start) || !tokens[first - 1].cap)) {
      if (!(first > 0 && CONNECTORS.has(tokens[first].text) && tokens[first - 1].cap)) {
        splitRun(text, tokens, first, j, inBody, out, true);
        i = j;
        continue;
      }
    }
    splitRun(text, tokens, i, j, inBody, out);
    i = j;
  }
}

/** Only spaces, tabs and no-break spaces between a and b (and at least one). */
function onlySpace(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** "the trade newspaper Lloyd's List": after a word for a body, one possessive word and the next are one name. */
function namedBody(text: string, tokens: Token[], i: number, j: number): boolean {
  return j === i + 1 && ORG_BEFORE.test(text.slice(Math.max(0, tokens[i].start - 40), tokens[i].start));
}

/** "Procurement & Supply", "Marks & Spencer": a spaced ampersand between capitalised words joins one name. */
function ampersandBetween(text: string, tokens: Token[], j: number): boolean {
  const prev = tokens[j - 1];
  return prev.cap && tokens[j].cap && !prev.possessive && tokens[j].start - prev.end === 3 && text.charCodeAt(prev.end + 1) === 38 && text.charCodeAt(prev.end) === 32 && text.charCodeAt(prev.end + 2) === 32;
}

function joined(text: string, tokens: Token[], a: number, b: number): string {
  // A token's text is its own slice of the text: one token needs no new string.
  return b - a === 1 ? tokens[a].text : text.slice(tokens[a].start, tokens[b - 1].end);
}

/** Splits a run into lexicon names, titles, demonyms and unknown name pieces. */
function splitRun(text: string, tokens: Token[], a: number, b: number, inBody: boolean, out: Candidate[], particleStart = false): void {
  if (particleStart) {
    // "von der Leyen": the particles and the surname form one name piece.
    out.push(makeCandidate(text, tokens, a, b, b - a > 1 && tokens.slice(a, b).filter((t) => t.cap).length > 1 ? 'person' : null, inBody, undefined, false));
    return;
  }
  let i = a;
  let titleBefore = false;
  let pieceStart = -1;
  const flush = (endIdx: number) => {
    if (pieceStart < 0) return;
    let s = pieceStart;
    let e = endIdx;
    pieceStart = -1;
    // Connectors cannot start or end a name.
    while (s < e && !tokens[s].cap) s++;
    while (e > s && !tokens[e - 1].cap) e--;
    if (s >= e) return;
    // "of"/"for" stay inside a name only when its head word asks for them ("Gulf of Finland",
    // "Ministry of Defence"); "and" always separates two names ("Poland and Germany").
    const keepsConnectors = (head: string) => ORG_FIRST.test(head) || PLACE_FIRST.test(head) || ORG_HEADS.test(head) || PLACE_HEADS.test(head);
    let from = s;
    for (let k = s; k < e; k++) {
      if (tokens[k].cap) continue;
      if (PARTICLES.has(tokens[k].text) && !keepsConnectors(tokens[from].text)) continue; // "Ursula von der Leyen"
      const and = tokens[k].text === 'and' || tokens[k].text === '&';
      if (and && andInsideName(text, tokens, from, k, e)) continue;
      // "Council on Foreign Relations" keeps "on"; "Second Thomas Shoal on Sunday" does not.
      let headAt = k - 1;
      while (headAt > from && !tokens[headAt].cap) headAt--;
      // "International Council on Clean Transportation" too, but not "Security Council on Ukraine".
      const onFollows = tokens[k + 1]?.text ?? '';
      const looseOn = tokens[k].text === 'on' && (!(ORG_FIRST.test(tokens[from].text) || (ORG_HEADS.test(tokens[headAt].text) && !KNOWN.has(onFollows))) || NOT_NAMES.has(onFollows));
      // "UN Office for …": a known name before the head word that asks for the connector.
      const knownLead = from + 1 < k && KNOWN.has(tokens[from].text) && ORG_FIRST.test(tokens[from + 1].text);
      if (and || looseOn || !(keepsConnectors(tokens[from].text) || keepsConnectors(tokens[headAt].text) || knownLead)) {
        if (k > from) pushPiece(text, tokens, from, k, inBody, titleBefore, out);
        from = k + 1;
      }
    }
    if (from < e) pushPiece(text, tokens, from, e, inBody, titleBefore, out);
  };
  while (i < b) {
    const t = tokens[i];
    // Longest lexicon name starting here.
    let known = 0;
    let knownEntry: LexiconEntry | undefined;
    for (let k = Math.min(b, i + 7); k > i; k--) {
      if (!tokens[k - 1].cap || !mayBeKnown(text, tokens[i].start, tokens[k - 1].end)) continue;
      knownEntry = KNOWN.get(lexiconForm(joined(text, tokens, i, k)));
      if (knownEntry) {
        known = k;
        break;
      }
    }
    // "UK Foreign Office", "Latin America Review": a place heading an organisation's name is part of it;
    // so is a body before "Office for …" ("UN Office for the Coordination of Humanitarian Affairs").
    // "Kiel Institute for the World Economy": a known body's fuller name goes on with "of"/"for".
    const fullerName = knownEntry?.type === 'organization' && known + 1 < b && /^(?:of|for)$/.test(tokens[known].text) && ORG_HEADS.test(tokens[known - 1].text);
    if (known && pieceStart < 0 && (knownEntry!.type === 'place' && headedFrom(tokens, known - 1, b, true) || headsStructuredName(tokens, known, b) || fullerName)) {
      pieceStart = i;
      i = known;
      continue;
    }
    // "Biman Bangladesh Airlines", "London Metal Exchange", "ABC News": a known name inside a run that ends in an
    // organisation's head word is part of that organisation's name.
    if (known && knownEntry!.type !== 'person' && known < b && tokens[known].cap && headedFrom(tokens, known - 1, b, true) && !THING_HEADS.test(tokens[b - 1].text)) {
      if (pieceStart < 0) pieceStart = i;
      i = known;
      continue;
    }
    // "Gaza Strip", "Donetsk Oblast", "Jordan River": a place with a head word after it is a place of its own.
    if (known && known < b && pieceStart < 0 && tokens[known].cap && PLACE_HEADS.test(tokens[known].text) && knownEntry!.type === 'place') known = 0;
    // "Rome Statute", "Paris Agreement": a place naming a treaty or event only modifies it.
    if (known && known + 1 === b && pieceStart < 0 && tokens[known].cap && THING_HEADS.test(tokens[known].text) && knownEntry!.type === 'place') {
      flush(i);
      i = b;
      continue;
    }
    // "Israel Katz", "Jordan Bardella": a place that is also a given name, before an unknown name, is a person's.
    if (known === i + 1 && pieceStart < 0 && GIVEN_NAME_PLACES.has(t.text) && i + 1 < b && tokens[i + 1].cap && !KNOWN.has(tokens[i + 1].text)
      && !PLACE_HEADS.test(tokens[i + 1].text) && !ORG_HEADS.test(tokens[i + 1].text) && !THING_HEADS.test(tokens[i + 1].text) && !NOT_NAMES.has(tokens[i + 1].text)) known = 0;
    // "University of Chicago": a known place after a connector inside a name stays in that name.
    // "Armed Forces of the Philippines": likewise after an organisation's head word and "of".
    const insideName = pieceStart >= 0 && i > a && !tokens[i - 1].cap && (ORG_FIRST.test(tokens[pieceStart].text) || PLACE_FIRST.test(tokens[pieceStart].text) || ofAfterOrgHead(tokens, pieceStart, i));
    // "Gulf of Finland", "Bank of Korea": a head word followed by "of" starts a name of its own.
    const structured = pieceStart < 0 && known === i + 1 && i + 2 < b && /^(?:of|for)$/.test(tokens[i + 1].text) && (PLACE_FIRST.test(t.text) || ORG_FIRST.test(t.text) || PLACE_HEADS.test(t.text) || ORG_HEADS.test(t.text));
    if (known && !insideName && !structured) {
      flush(i);
      const entry = knownEntry!;
      out.push(makeCandidate(text, tokens, i, known, entry.type, inBody, entry.name, titleBefore));
      titleBefore = false;
      i = known;
      continue;
    }
    if (pieceStart < 0 && t.cap) {
      const bare = t.text.toLowerCase().replace(/\.$/, '');
      // Titles before a name and sentence openers are not part of it.
      // "the High North", "the Far East": a region, not a title before a name.
      if (TITLE_WORDS.has(bare) && i + 1 < b && !headedFrom(tokens, i - 1, b, true) && !(i + 2 === b && ARTICLE_REGIONS.has(tokens[i + 1].text))) {
        titleBefore = true;
        i++;
        continue;
      }
      if (NOT_NAMES.has(t.text) && (t.initial || i + 1 < b) && !(ORDINALS.test(t.text) && !t.initial && headedFrom(tokens, i, b))) {
        i++;
        continue;
      }
    }
    // Demonyms and adjectives of place are not names ("Ukrainian", "Russian President …").
    // "Economic Community of West African States": after "of", an adjective belongs to the name.
    if (t.cap && DEMONYMS.has(t.text) && pieceStart >= 0 && tokens.slice(pieceStart, i).some((x) => !x.cap)) {
      i++;
      continue;
    }
    // "Central Asian Institute": a compass word before the adjective stays with it.
    if (t.cap && DEMONYMS.has(t.text) && pieceStart === i - 1 && i > a && COMPASS.test(tokens[i - 1].text) && headedFrom(tokens, i, b, true)) {
      i++;
      continue;
    }
    if (t.cap && DEMONYMS.has(t.text) && headedFrom(tokens, i, b)) {
      // "Baltic Sea", "Ukrainian Armed Forces": the adjective belongs to the name.
      flush(i);
      pieceStart = i;
      i++;
      continue;
    }
    if (t.cap && !KNOWN.has(t.text) && (DEMONYMS.has(t.text) || (pieceStart < 0 && i + 1 < b && hasDemonymEnding(t.text) && /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish)$/u.test(t.text)))) {
      flush(i);
      i++;
      continue;
    }
    if (pieceStart < 0) {
      if (!t.cap) {
        i++;
        continue;
      }
      pieceStart = i;
    }
    i++;
  }
  flush(b);
}

/** Ends in -ian, -ean, -ese or -ish: what the demonym pattern needs, checked before the pattern runs. */
function hasDemonymEnding(w: string): boolean {
  return w.endsWith('ian') || w.endsWith('ean') || w.endsWith('ese') || w.endsWith('ish');
}

/**
 * "Center for Strategic and International Studies": after an of/for name, "and" joins what
 * follows unless that is a name of its own ("Gulf of Finland and Baltic Sea").
 */
function andInsideName(text: string, tokens: Token[], from: number, k: number, e: number): boolean {
  // "Food and Agriculture Organization": one unknown word, "and", and words ending in a body's head word.
  if (k === from + 1 && !KNOWN.has(tokens[from].text) && !DEMONYMS.has(tokens[from].text) && k + 1 < e && !KNOWN.has(tokens[k + 1].text)) {
    let r = k + 1;
    while (r < e && tokens[r].cap) r++;
    if (r - k >= 3 && r - k <= 4 && ORG_HEADS.test(tokens[r - 1].text)) return true;
  }
  if (!tokens.slice(from, k).some((t) => t.text === 'of' || t.text === 'for')) return false;
  let r = k + 1;
  while (r < e && tokens[r].cap) r++;
  if (r === k + 1) return false;
  const rest = joined(text, tokens, k + 1, r);
  return !KNOWN.has(rest) && !PLACE_HEADS.test(tokens[r - 1].text) && !ORG_HEADS.test(tokens[r - 1].text) && !KNOWN.has(tokens[k + 1].text);
}

/** The capitalised words after i end in a word that heads an organisation (or place) name. */
/** "UN Office for …", "EU Agency for …": a head word that opens a name with "of"/"for" right after a known name. */
function headsStructuredName(tokens: Token[], known: number, b: number): boolean {
  return known + 2 < b && tokens[known].cap && ORG_FIRST.test(tokens[known].text) && /^(?:of|for)$/.test(tokens[known + 1].text);
}

/** The words from pieceStart up to i end in an organisation's head word and "of" (or "of the"). */
function ofAfterOrgHead(tokens: Token[], pieceStart: number, i: number): boolean {
  let k = i - 1;
  if (tokens[k].text === 'the') k--;
  return k > pieceStart && tokens[k].text === 'of' && ORG_HEADS.test(tokens[k - 1].text);
}

function headedFrom(tokens: Token[], i: number, b: number, orgOnly = false): boolean {
  let k = i + 1;
  while (k < b && tokens[k].cap) k++;
  if (k - i <= 1) return false;
  const last = tokens[k - 1].text;
  return ORG_HEADS.test(last) || (!orgOnly && PLACE_HEADS.test(last));
}

// Length, first and last character of every lexicon name: most joins of words match none, and are
// settled without making the string and hashing it.
// Rebuilt if the lexicon ever grows after this module loads, so that the shortcut can never hide a name.
let knownShapes = new Set<number>();
let knownShapesSize = -1;

function knownShapesNow(): Set<number> {
  if (knownShapesSize !== KNOWN.size) {
    knownShapes = new Set([...KNOWN.keys()].map((k) => shape(k.length, k.charCodeAt(0), k.charCodeAt(k.length - 1))));
    knownShapesSize = KNOWN.size;
  }
  return knownShapes;
}

function shape(length: number, first: number, last: number): number {
  return (length * 65536 + first) * 65536 + last;
}

/** False only when text[a, b) cannot be a lexicon name: lexiconForm keeps it as it is and no name has its shape. */
function mayBeKnown(text: string, a: number, b: number): boolean {
  if (b - a >= 4) {
    // lexiconForm keeps a string with a lower-case ASCII letter; others may be title-cased: no shortcut.
    let lower = false;
    for (let i = a; i < b && !lower; i++) {
      const c = text.charCodeAt(i);
      lower = c >= 97 && c <= 122;
    }
    if (!lower) return true;
  }
  return knownShapesNow().has(shape(b - a, text.charCodeAt(a), text.charCodeAt(b - 1)));
}

/** All-caps datelines ("FRANKFURT") look their names up in title case. */
function lexiconForm(s: string): string {
  if (s.length < 4) return s;
  // A lower-case ASCII letter settles it without upper-casing the whole string.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return s;
  }
  if (s !== s.toUpperCase() || KNOWN.has(s)) return s;
  return s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
}

function pushPiece(text: string, tokens: Token[], s: number, e: number, inBody: boolean, titleBefore: boolean, out: Candidate[]): void {
  // A piece might still hold a lexicon name once its neighbours are gone.
  const whole = joined(text, tokens, s, e);
  const entry = KNOWN.get(lexiconForm(whole));
  if (entry) {
    out.push(makeCandidate(text, tokens, s, e, entry.type, inBody, entry.name, titleBefore));
    return;
  }
  if (e - s === 1 && NOT_NAMES.has(tokens[s].text) && ORG_HEADS.test(tokens[s].text) && /\b[Tt]he\s$/.test(text.slice(Math.max(0, tokens[s].start - 4), tokens[s].start))) {
    out.push({ ...makeCandidate(text, tokens, s, e, 'organization', inBody, undefined, titleBefore), headAlias: true });
    return;
  }
  if (e - s === 1 && (NOT_NAMES.has(tokens[s].text) || NOT_ACRONYM_NAMES.has(tokens[s].text) || TITLE_WORDS.has(tokens[s].text.toLowerCase()))) return;
  // "a Washington-based think tank", "Iran-backed militias": a compound adjective names nothing.
  if (e - s === 1 && COMPOUND_ADJECTIVE.test(tokens[s].text)) return;
  // Events, laws, programmes and things are capitalised but name no person, body or place ("Cold War", "Iron Dome").
  // A body's head word before "of"/"for" outranks a thing's word at the end ("Centre for European Reform").
  if (THING_HEADS.test(tokens[e - 1].text) && !KNOWN.has(tokens[s].text) && !orgHeadBeforeConnector(tokens, s, e)) return;
  if (e - s > 1 && THING_FIRST.test(tokens[s].text) && guessType(text, tokens, s, e) === 'person') return; // "Operation Spiderweb", "Cold Peace"
  if (e - s > 5 && !tokens.slice(s, e).some((t) => !t.cap)) return; // a title-case headline fragment, not a name
  const type = guessType(text, tokens, s, e);
  // "Emirates President Tim Clark", "House Speaker Brian Bosma", "Australian Timothy Weeks", "Republican Phil Bryant":
  // a person's name starts after the last title, party or nationality word before it.
  if (type === 'person' && e - s >= 3) {
    for (let k = e - 3; k >= s; k--) {
      if (!isNamePrefixWord(tokens[k].text)) continue;
      pushPiece(text, tokens, k + 1, e, inBody, true, out);
      return;
    }
  }
  out.push(makeCandidate(text, tokens, s, e, type, inBody, undefined, titleBefore));
}

const PARTY_WORDS = /^(?:Republican|Democrat|Democratic|Conservative|Labour|Liberal|Tory|GOP|Green|Socialist|Independent)$/;
const ABSTRACT_NOUN = /^\p{Lu}\p{Ll}+(?:tion|ment|ness|ity|ance|ence|ism|ship|ure)$/u;

/** A word that stands before a person's name without being part of it: a title, a party, a nationality, an office. */
function isNamePrefixWord(word: string): boolean {
  const bare = word.toLowerCase().replace(/\.$/, '');
  return TITLE_WORDS.has(bare) || bare.split('-').every((part) => TITLE_WORDS.has(part)) || DEMONYMS.has(word) || PARTY_WORDS.test(word) || /-born$/.test(word) || ABSTRACT_NOUN.test(word);
}

function orgHeadBeforeConnector(tokens: Token[], s: number, e: number): boolean {
  for (let k = s + 1; k < e - 1; k++) if (tokens[k].text === 'of' || tokens[k].text === 'for') return ORG_HEADS.test(tokens[k - 1].text) || ORG_FIRST.test(tokens[k - 1].text);
  return false;
}

function guessType(text: string, tokens: Token[], s: number, e: number): EntityType | null {
  const first = tokens[s].text;
  const last = tokens[e - 1].text;
  // The head before "of" decides: "Economic Community of West African States" is an organisation.
  const ofAt = tokens.slice(s, e).findIndex((t) => !t.cap);
  const head = ofAt > 0 ? tokens[s + ofAt - 1].text : last;
  if (ORG_HEADS.test(head) || ORG_HEADS.test(last) || ORG_FIRST.test(first)) return 'organization';
  if (ofAt > 0 && PLACE_HEADS.test(head)) return 'place';
  if (e - s > 1 && (PLACE_HEADS.test(last) || PLACE_FIRST.test(first) && !/^(?:New|Saint|St|San|Santa)$/.test(first))) return 'place';
  if (e - s === 1 && /^\p{Lu}{2,6}s?$/u.test(first)) return NOT_ACRONYM_NAMES.has(first.replace(/s$/, '')) ? null : 'organization';
  if (e - s === 2 && ARTICLE_REGIONS.has(last) && /^(?:High|Far|Middle|Near|Deep|Global|Wild)$/.test(first)) return 'place'; // "High North"
  // No person's name holds an ampersand ("Marks & Spencer") or a pronoun ("Save Our Libraries").
  if (e - s > 1) return /\s&\s/.test(joined(text, tokens, s, e)) || tokens.slice(s, e).some((t) => NOT_PERSON_WORDS.has(t.text)) ? 'organization' : 'person';
  return null;
}

function makeCandidate(text: string, tokens: Token[], s: number, e: number, type: EntityType | null, inBody: boolean, canonical: string | undefined, titleBefore: boolean): Candidate {
  let start = tokens[s].start;
  const end = tokens[e - 1].end;
  // "the West": directional regions are named with their article.
  if (e - s === 1 && ARTICLE_REGIONS.has(tokens[s].text)) {
    const before = text.slice(Math.max(0, start - 4), start);
    if (/\bthe $/i.test(before)) {
      start -= 4;
      type = 'place';
      canonical = `the ${tokens[s].text}`;
    } else type = null;
  }
  const next = e < tokens.length ? tokens[e] : undefined;
  const adjacent = next && onlySpace(text, end, next.start) && !tokens[e - 1].possessive;
  const nextLower = adjacent && !next.cap ? next.text.toLowerCase() : '';
  const attributive = nextLower !== '' && (canonical && type !== 'organization' ? MODIFIED_BY_PLACE.has(nextLower) : !canonical && ATTRIBUTIVE_HEADS.has(nextLower));
  const speechAfter = next !== undefined && (SPEECH.has(next.text.toLowerCase()) || (adjacent && PERSON_LED.has(nextLower))) && /^[\s,]*$/.test(text.slice(end, next.start));
  const follow = text.slice(end, end + 8);
  // "Mohamed Hamdan Dagalo, who commands …": a relative "who" follows only people.
  const whoAfter = /^,\s+who\b/.test(follow);
  const lead = text.slice(Math.max(0, start - 30), start);
  const cueBefore = titleBefore || PERSON_BEFORE.test(lead);
  // "the Mopti region", "the Tian Shan mountains": a name before a kind of area is that area.
  const areaAfter = AREA_AFTER.has(nextLower) && /\bthe\s+$/i.test(lead);
  if (areaAfter && type === 'person') type = 'place';
  // "the trade newspaper Lloyd's List": a possessive inside a name after a word for a body.
  if (type === 'person' && e - s === 2 && tokens[s].possessive && ORG_BEFORE.test(lead)) type = 'organization';
  const placeCue = PLACE_BEFORE.test(lead) || areaAfter;
  return {
    start, end, text: text.slice(start, end), type, canonical,
    initial: tokens[s].initial && !canonical,
    // "Officials in Bishkek insist": after "in", a verb of saying does not make a person of a place.
    attributive, personCue: cueBefore || (!!speechAfter && !placeCue) || whoAfter, placeCue, orgCue: !canonical && e - s === 1 && ORG_BEFORE.test(lead), possessive: tokens[e - 1].possessive, inBody,
    // Credit lines name people too: "Reporting by Jonas Keller; editing by Sarah White", "Associated Press writer Mary Clare Jalonick".
    // "Ingrid Solberg, University of Tromsø": The Conversation's byline, a name and its affiliation.
    bylineName: !inBody && e - s > 1 && !canonical && (tokens[s].initial && /^(?:\s+(?:is|was)\s|,\s+\p{Lu})/u.test(follow) || /\b(?:by|writer|reporter|correspondent|editor)\s+$/i.test(lead)),
  };
}

function cluster(text: string, candidates: Candidate[], meta: SourceMeta, bodyRanges: Array<[number, number]>): EntityResult {
  const clusters = new Map<string, FoundEntity>();
  const slugs = new Map<string, string>();
  const add = (c: Candidate, name: string, type: EntityType) => {
    let nameSlug = slugs.get(name);
    if (nameSlug === undefined) slugs.set(name, (nameSlug = slug(name)));
    const key = `${type}:${nameSlug}`;
    let entity = clusters.get(key);
    if (!entity) {
      entity = { key, name, type, hits: [], descriptions: [] };
      clusters.set(key, entity);
    }
    entity.hits.push({ start: c.start, end: c.end, text: c.text, key });
    return entity;
  };
  const metaPeople = new Set((meta.authors ?? []).map((a) => a.trim()));
  const metaOrgs = new Set([meta.affiliation, meta.publisher, meta.containerTitle].filter((x): x is string => !!x).map((x) => x.trim()));

  // Names used as nouns somewhere (an entity needs one such use).
  const nounUse = new Set<string>();
  for (const c of candidates) if (!c.attributive) nounUse.add(c.canonical ?? c.text);
  const midSentence = new Set(candidates.filter((c) => !c.initial && c.inBody).map((c) => c.text));

  // Pass 1: lexicon names and multi-word names (full person names first, so surnames can find them).
  const persons: FoundEntity[] = [];
  const deferred: Candidate[] = [];
  for (const c of candidates) {
    if (!nounUse.has(c.canonical ?? c.text)) continue;
    if (c.canonical) {
      add(c, c.canonical, c.type ?? 'place');
      continue;
    }
    const metaType: EntityType | null = metaPeople.has(c.text) ? 'person' : metaOrgs.has(c.text) ? 'organization' : null;
    // Bylines and notices: only known names, the name a byline opens with and bodies named by their head word.
    if (!c.inBody && !metaType && !midSentence.has(c.text) && !c.bylineName && !(c.type === 'organization' && c.text.includes(' '))) continue;
    const type = metaType ?? (c.bylineName ? 'person' : c.type);
    const bareHead = !c.text.includes(' ') && type === 'organization' && ORG_HEADS.test(c.text);
    if (type && !bareHead && (c.text.includes(' ') || type !== 'person')) {
      // At a sentence start a verb or adverb may be capitalised before a name ("Asked Trump…"): check the first word.
      if (c.initial && !metaType && type === 'person' && !c.personCue && !midSentence.has(c.text) && /^\p{Lu}\p{Ll}+(?:ing|ed|ly)\s/u.test(c.text)) {
        deferred.push(c);
        continue;
      }
      const e = add(c, c.text, type);
      if (type === 'person' && !persons.includes(e)) persons.push(e);
    } else deferred.push(c);
  }
  const byText = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byText.get(c.text);
    if (list) list.push(c);
    else byText.set(c.text, [c]);
  }
  // Pass 2: single words. A surname of a known person joins that person; otherwise it needs a cue.
  const orgs = () => [...clusters.values()].filter((e) => e.type === 'organization' && e.name.includes(' '));
  for (const c of deferred) {
    // Surname first; a family name written first ("Xi" for Xi Jinping) only when no surname matches.
    // Cheap necessary conditions first: a surname ends the name (same last letter unless one letter long), a first name opens it.
    const lastChar = c.text.charCodeAt(c.text.length - 1);
    const person = persons.find((p) => ((c.text.length <= 1 || p.name.charCodeAt(p.name.length - 1) === lastChar) && sameWords(lastName(p.name), c.text)) || p.name === c.text)
      ?? persons.find((p) => (!c.initial || c.personCue) && p.name.startsWith(c.text) && firstName(p.name) === c.text && wordCount(p.name) === 2);
    if (person) {
      add(c, person.name, 'person');
      continue;
    }
    // "the Fund" after "the International Monetary Fund": the head word of a named organisation.
    // "the Bank" after "the Bank of England": the head word before "of"/"for" likewise.
    const org = c.type === 'organization' ? orgs().find((o) => (lastName(o.name) === c.text || o.name.startsWith(`${c.text} of `) || o.name.startsWith(`${c.text} for `)) && o.hits[0].start < c.start) : undefined;
    if (org) {
      add(c, org.name, 'organization');
      continue;
    }
    if (c.headAlias) continue;
    // Sentence-initial words need more: a verb of saying after a name-like word ("Macron said"), not "Officials said".
    if (c.initial && !midSentence.has(c.text) && !(c.personCue && !/s$/.test(c.text) && c.type === null)) continue;
    // An unknown word: the cues of all its occurrences decide (any "in X" makes a place, a title or a verb of saying a person).
    const same = byText.get(c.text) ?? [];
    const type: EntityType | null = c.type ?? (same.some((x) => x.orgCue) ? 'organization' : same.some((x) => x.personCue) ? 'person' : same.some((x) => x.placeCue) ? 'place' : (same.length > 2 || same.length > 1 && same.some((x) => x.possessive)) && c.text.length > 2 && !/s$/.test(c.text) ? 'person' : null);
    if (type) {
      const e = add(c, c.text, type);
      if (e.type === 'person' && !persons.includes(e)) persons.push(e);
    }
  }
  // An acronym of a named organisation ("International Energy Agency (IEA)") is that organisation.
  for (const e of [...clusters.values()]) {
    if (e.type !== 'organization' || !/^\p{Lu}{2,6}$/u.test(e.name)) continue;
    // "Norwegian Defence Research Establishment (FFI)": an acronym in brackets right after a body's name is that body's,
    // whatever its letters (an acronym in another language).
    const bracketed = (o: FoundEntity) => e.hits.some((h) => text.charCodeAt(h.start - 1) === 40 && text.charCodeAt(h.end) === 41 && o.hits.some((x) => x.end === h.start - 2 && text.charCodeAt(x.end) === 32));
    const full = [...clusters.values()].find((o) => o !== e && o.type === 'organization' && (initials(o.name) === e.name || bracketed(o)));
    if (full) {
      for (const h of e.hits) full.hits.push({ ...h, key: full.key });
      full.hits.sort((x, y) => x.start - y.start);
      clusters.delete(e.key);
    }
  }
  // Merge a person known only by surname into a full name seen later.
  for (const p of [...persons]) {
    const full = persons.find((q) => q !== p && q.name.length > p.name.length && q.name.includes(' ') && sameWords(lastName(q.name), p.name));
    if (full) {
      for (const h of p.hits) full.hits.push({ ...h, key: full.key });
      full.hits.sort((x, y) => x.start - y.start);
      clusters.delete(p.key);
    }
  }
  const entities = [...clusters.values()].sort((x, y) => x.hits[0].start - y.hits[0].start);
  const descriptions = resolveDescriptions(text, entities, bodyRanges);
  return { entities, descriptions };
}

/** The surname, with its particles: "Trump", "von der Leyen". */
function lastName(name: string): string {
  return cachedNamePart(LAST_NAMES, name, computeLastName);
}

function computeLastName(name: string): string {
  return /\b(?:(?:von|van|der|den|de|da|di|del|du|la|le|al|bin|ibn|dos|das|ter)\s+)*\S+$/.exec(name)?.[0] ?? name;
}

// Name parts are asked for again and again while clustering (every candidate against every person), and
// names recur across sources: each part is worked out once per name, the tables dropped when they grow large.
const LAST_NAMES = new Map<string, string>();
const FIRST_NAMES = new Map<string, string>();
const INITIALS = new Map<string, string>();
const WORD_COUNTS = new Map<string, number>();

function cachedNamePart<T>(table: Map<string, T>, name: string, compute: (name: string) => T): T {
  let part = table.get(name);
  if (part === undefined) {
    if (table.size >= 10_000) table.clear();
    part = compute(name);
    table.set(name, part);
  }
  return part;
}

function wordCount(name: string): number {
  return cachedNamePart(WORD_COUNTS, name, (n) => n.split(/\s+/).length);
}

function initials(name: string): string {
  return cachedNamePart(INITIALS, name, (n) => n.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join(''));
}

/** Equal but for the case of the first letter ("Von der Leyen" at a sentence start). */
function sameWords(a: string, b: string): boolean {
  return a === b || (a.length === b.length && a.slice(1) === b.slice(1) && a[0].toLowerCase() === b[0].toLowerCase());
}

function firstName(name: string): string {
  return cachedNamePart(FIRST_NAMES, name, (n) => n.split(/\s+/)[0]);
}

const QUALIFIER = String.raw`(?!(?:The|A|An|This|That)\b)\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?`;
const ROLES = 'president|leader|prime minister|premier|chancellor|foreign minister|defence minister|defense minister|finance minister|secretary of state|secretary-general|secretary general|king|queen|supreme leader|ayatollah|pope|head of state|envoy|ambassador|governor|mayor|spokesman|spokeswoman|spokesperson|ceo|chief executive';
// "the president", "the US president", "Ukrainian president", "Russia’s leader".
// Found from the role word backwards: role words are rare, so the text is scanned with a plain pattern.
const ROLE_SCAN = new RegExp(`\\b(?:${ROLES})\\b`, 'g');
const DESCRIPTION_BEFORE = new RegExp(String.raw`(?<![\p{L}])(?:(?:[Tt]he\s+)?(${QUALIFIER})\s+|[Tt]he\s+(?:(?:former|then|current|new|outgoing|incoming|acting|late|deputy)\s+)?|(${QUALIFIER})['’]s\s+)$`, 'u');

// "the agency", "the Fund": an organisation named by what it is; resolved to the latest such organisation.
const ORG_DESCRIPTION_RE = /(?<![\p{L}])[Tt]he\s+(agency|organi[sz]ation|group|company|firm|bank|fund|ministry|institute|association|alliance|bloc|commission|council|court|lender|charity|watchdog|regulator|broadcaster|newspaper|think tank|union)\b(?!\s+(?:of|for)\b)/gu;
// Nouns too broad to fall back on the latest organisation ("the bloc" may be a region, "the court" a building).
const NAMED_ONLY = new Set(['alliance', 'bloc', 'commission', 'council', 'court', 'union', 'group', 'newspaper', 'broadcaster']);

function resolveOrgDescriptions(text: string, entities: FoundEntity[], from: number, to: number, out: DescriptionHit[]): void {
  if (!entities.some((e) => e.type === 'organization')) return;
  // Sorted hits of organisations, made at the first description ("the agency") found.
  let orgHits: NameHit[] | undefined;
  const re = ORG_DESCRIPTION_RE;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    orgHits ??= entities.filter((e) => e.type === 'organization').flatMap((e) => e.hits).sort((a, b) => a.start - b.start);
    const noun = m[1].toLowerCase();
    const before = orgHits.filter((h) => h.end <= m!.index);
    if (!before.length) continue;
    // Prefer an organisation whose name holds the noun ("the Bank" → World Bank), else the latest one.
    const named = [...before].reverse().find((h) => entities.find((e) => e.key === h.key)!.name.toLowerCase().includes(noun));
    if (!named && NAMED_ONLY.has(noun)) continue;
    const hit = named ?? before[before.length - 1];
    if (!named && m.index - hit.end > 600) continue;
    const end = m.index + m[0].length;
    if (out.some((d) => d.start < end && d.end > m!.index)) continue;
    out.push({ start: m.index, end, text: m[0], key: hit.key });
    const entity = entities.find((e) => e.key === hit.key)!;
    if (!entity.descriptions.includes(m[0])) entity.descriptions.push(m[0]);
  }
}

/**
 * Role descriptions resolved to people: from an appositive ("Russia’s leader Vladimir Putin"),
 * else the latest person mentioned before that is not tied to another country.
 */
function resolveDescriptions(text: string, entities: FoundEntity[], bodyRanges: Array<[number, number]>): DescriptionHit[] {
  const out: DescriptionHit[] = [];
  if (!bodyRanges.length) return out;
  resolveOrgDescriptions(text, entities, bodyRanges[0][0], bodyRanges[bodyRanges.length - 1][1], out);
  const people = entities.filter((e) => e.type === 'person');
  if (!people.length) return out.sort((a, b) => a.start - b.start);
  const personHits = people.flatMap((p) => p.hits).sort((a, b) => a.start - b.start);
  const tie = new Map<string, string>(); // person key → country
  const byRole = new Map<string, string>(); // "country|role" → person key
  const from = bodyRanges[0][0];
  const to = bodyRanges[bodyRanges.length - 1][1];
  const re = ROLE_SCAN;
  re.lastIndex = from;
  let roleHit: RegExpExecArray | null;
  while ((roleHit = re.exec(text)) && roleHit.index < to) {
    const lead = Math.max(from, roleHit.index - 48);
    const d = DESCRIPTION_BEFORE.exec(text.slice(lead, roleHit.index));
    if (!d) continue;
    const m = { index: lead + d.index, 0: d[0] + roleHit[0], 1: d[1], 2: d[2], 3: roleHit[0] };
    const qualifier = m[1] ?? m[2];
    // Only countries and their adjectives qualify a role we can resolve ("the US president", not "Fox News president").
    if (qualifier && !KNOWN.has(qualifier) && !DEMONYMS.has(qualifier)) continue;
    const country = qualifier ? (DEMONYMS.get(qualifier) ?? KNOWN.get(qualifier)?.name ?? qualifier) : '';
    const role = m[3].toLowerCase();
    const end = m.index + m[0].length;
    // Appositive: a person's name follows directly, or precedes it ("Mr Sunak, the former prime minister").
    const next = personHits.find((h) => h.start >= end && /^[\s,]*$/.test(text.slice(end, h.start))) ?? personHits.find((h) => h.end <= m.index && /^,\s*$/.test(text.slice(h.end, m.index)));
    let key: string | undefined;
    if (next) {
      key = next.key;
      if (country) tie.set(key, country);
    } else {
      key = byRole.get(`${country}|${role}`);
      if (!key) {
        for (let k = personHits.length - 1; k >= 0; k--) {
          const h = personHits[k];
          if (h.end > m.index) continue;
          const tied = tie.get(h.key);
          if (country && tied && tied !== country) continue;
          key = h.key;
          break;
        }
      }
    }
    if (!key) continue;
    byRole.set(`${country}|${role}`, key);
    if (country && !tie.has(key)) tie.set(key, country);
    const entity = entities.find((e) => e.key === key)!;
    const phrase = m[0];
    if (!entity.descriptions.includes(phrase)) entity.descriptions.push(phrase);
    out.push({ start: m.index, end, text: phrase, key });
  }
  return out.sort((a, b) => a.start - b.start);
}
