// Claims: each body sentence gets a kind (quote, reported, fact, assessment, recommendation), a
// speaker (through attribution verbs, "according to", quotations that run across sentences,
// pronouns and role descriptions) and its estimative confidence phrase.

import type { ClaimKind, EntityType, Sentence } from '../model';
import { findFigures } from '../figures/parse';
import { findConfidence } from './confidence';
import { DEMONYMS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { firstAtOrAfter } from './sorted';

/** A name or description occurrence the attribution can point at. */
export interface Referent {
  start: number;
  end: number;
  /** Canonical name of the entity. */
  name: string;
  type: EntityType;
  /** True for role descriptions ("the US president"). */
  description?: boolean;
}

export interface ClaimAnalysis {
  kind: ClaimKind;
  /** Canonical entity name, or "author". */
  speaker: string;
  confidence: string | null;
  /** Rule ids that decided the kind, the speaker and the confidence, in that order (see rules.ts). */
  why: string[];
}

const SPEECH = new Set(SPEECH_VERBS);
// Forms of the verbs that only report a position when their subject is a speaker, never as nouns after a determiner.
const NOUN_LIKE = new Set(['claims', 'claim', 'reports', 'states', 'notes', 'remarks', 'comments', 'questions', 'calls', 'points', 'promises', 'views', 'finds', 'shows', 'projects', 'estimates', 'estimate', 'forecast', 'forecasts', 'put', 'hopes', 'threatens', 'see', 'saw', 'think', 'thought', 'say', 'tell', 'write', 'deny', 'warn', 'claim', 'insist', 'argue', 'maintain', 'ask', 'believe', 'contend']);
const WEAK_SPEECH = new Map<string, RegExp>([
  ...['sees', 'see', 'saw', 'views', 'viewed', 'regards', 'regarded', 'considers', 'considered', 'described', 'describes', 'characterised', 'characterized', 'touted', 'touts'].map((v): [string, RegExp] => [v, /^\s+(?:\S+\s+){0,3}as\b|^\s+(?:that|it|this|them)\s+(?:as|is|was)\b/]),
  // "The EU pledged €900 million" is an event; "pledged to protect civilians", "promised that" a position.
  ...['pledged', 'pledges', 'pledge', 'promised', 'promises', 'promise', 'vowed', 'vows'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|to\s+(?!the\b|an?\b|its\b|their\b)\p{Ll}+|:|“|")/u]),
  // "Germany agreed to send tanks" is an event; "agreed that" a position.
  ...['agreed', 'agrees'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|with|:|“|")/]),
  ...['found', 'finds', 'showed', 'shows', 'revealed', 'reveals', 'indicated', 'indicates', 'signalled', 'signaled', 'signals', 'confirmed', 'confirms', 'put', 'points', 'pointed', 'thought', 'questions', 'questioned'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|to|on|for|out|it|in\s+a|:|“|")/]),
  // "rejected the accusation" is a position; "rejected a request" an act. "ruled that" a finding, "ruled out" not.
  ...['rejected', 'rejects'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|claims?|calls|demands|accusations?|allegations?|suggestions?|criticism|charges|(?:the|any|such|these|those)\s+(?:\p{Ll}+\s+)?(?:claims?|accusations?|allegations?|suggestions?|idea|notion|criticism|charges?|reports?|characteri[sz]ation)|:|“|")/u]),
  // "welcomed the ruling" is a position; "welcomed refugees" an act.
  ...['welcomed', 'welcomes'].map((v): [string, RegExp] => [v, /^\s+(?:the|this|that|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,2}(?:exchange|swap|release|decision|ruling|verdict|move|deal|agreement|news|announcement|plan|proposal|vote|outcome|report|step|result|ceasefire|talks|budget|truce|findings|judgment|judgement|resolution|statement)\b/u]),
  // "responded that …" is a position; "responded slowly" an act.
  ...['responded', 'responds'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|:|“|"|by\s+saying|to\s+(?:the|a|an|this|that|these|those|his|her|its|their)\s+[^,.;]{0,40}?(?:by\s+saying|that|:|“|"|,\s*saying))/u]),
  ...['ruled', 'rules'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|:)/]),
  // "asked Morrison about concerns" is an act; "asked whether", "asked for" report.
  ...['asked', 'asks'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:\S+\s+)?(?:whether|if|why|how|what|when|where|who|that|for|to|:|“|")/]),
  // "called for talks", "called it a mistake", "called the plan too timid" (not "called a meeting").
  ...['calls', 'called'].map((v): [string, RegExp] => [v, /^\s*(?:,\s*)?(?:that|to|on|for|out|it|in\s+a|:|“|"|(?:the|this|that|these|those|them|him|her|their|his|its)\s+(?:[\p{L}-]+\s+){0,2}(?:an?\s|too\s|so\s|very\s|“|"))/u]),
]);
// People and bodies left unnamed who still speak: "Diplomats say", "Aid agencies warned", "a navy official told reporters".
const UNNAMED_SPEAKERS = new Set(`official|officials|diplomat|diplomats|analyst|analysts|economist|economists|expert|experts|agency|agencies|group|groups|
organisation|organisations|organization|organizations|source|sources|spokesman|spokeswoman|spokesperson|resident|residents|witness|witnesses|critic|critics|
observer|observers|investor|investors|trader|traders|researcher|researchers|scientist|scientists|activist|activists|campaigner|campaigners|aide|aides|
adviser|advisers|advisor|advisors|lawmaker|lawmakers|legislator|legislators|negotiator|negotiators|mediator|mediators|commander|commanders|doctor|doctors|
medic|medics|worker|workers|insider|insiders|authorities|police|prosecutor|prosecutors|investigator|investigators|banker|bankers|executive|executives|
forecaster|forecasters|pollster|pollsters|minister|ministers|leaders|donors|charities|monitors|opponents|supporters|protesters|unions|companies|firms|
people|person|officer|officers|soldier|soldiers|survivor|survivors|journalist|journalists|engineer|engineers|farmers|residents|parents|teachers|students|
scholars|academics|lawyers|lawyer|attorneys|judges|councillors|economists|strategists|historians|commentators|insurers|lenders|diplomats`.split(/[|\s]+/));
// Words between an unnamed speaker and its verb: "Officials polled by the agency", "Two officials, who spoke on condition of anonymity,".
const UNNAMED_SKIP = /(?:,\s*(?:who|which)\b[^,]*,|\s+(?:polled|surveyed|interviewed|consulted|contacted|questioned|cited|quoted|briefed)\s+by\s+[^,;]{1,50}|\s+(?:familiar with|close to|with knowledge of|briefed on|involved in)\s+[^,;]{1,40}|\s+(?:in|at|from|for|with)\s+[^,;]{1,30})\s*$/u;
const MODALS = /\b(?:would|could|might|may|will|shall|should|must|can|cannot|can[’']t|won[’']t|wouldn[’']t|couldn[’']t|ought)\b/i;
const RECOMMEND = /\b(?:should|ought to|must(?!\s+have)|would do well to|(?:would|will)\s+be\s+(?:wise|well advised|better advised)\s+to|(?<!\b(?:will|would|may|might)\s+(?:also\s+)?)(?<!\b(?:no|the|a|any|little)\s+)needs?\s+to|it is (?:time|essential|imperative|vital|crucial|urgent) (?:to|that)|is (?:essential|imperative|vital) (?:to|that)|(?:we|they) (?:need|have) to|let us|let’s)\b/i;
// Latin letters (with accents) and apostrophes: the words of saying; no Unicode classes, so the pass stays cheap.
const WORD = /[A-Za-z\u00C0-\u024F’']+/g;
// What may stand between "according to" and the source: "according to (estimates by) the IMF", "… by the consultancy X".
const ACCORDING_LEAD = /^(?:(?:new\s+|recent\s+|official\s+|the\s+latest\s+|preliminary\s+)?(?:estimates|figures|data|statistics|numbers)\s+(?:released|published|compiled|issued|provided|gathered)\s+(?:by|from)\s+|(?:new\s+|recent\s+|official\s+|the\s+latest\s+|preliminary\s+)?(?:estimates|figures|data|analysis|research|calculations|projections|forecasts|statistics|an?\s+(?:new\s+|recent\s+)?(?:report|study|survey|poll|statement|count|tally|estimate|analysis|assessment|review|investigation|audit|paper|briefing))\s+(?:by|from|of)\s+)?(?:the\s+|an?\s+(?:new\s+|recent\s+)?)?(?:(?:[a-z][a-z-]*\s+){0,2}(?:consultancy|consultancies|think[- ]tank|firm|agency|group|institute|organi[sz]ation|body|watchdog|regulator|monitor|charity|pollster|broker|bank|lender|insurer|company|newspaper|broadcaster|outlet|ministry|office|network|database|tracker|platform)\s+)?$/i;
const ACCORDING = /\baccording to\s+/gi;
// "according to the council’s finance director, Priya Shah": a role and a comma before a person.
const ACCORDING_ROLE = /^(?:the\s+|an?\s+)?(?:[\p{L}-]+['’]s\s+)?(?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+,\s+$/u;
// "according to the group": the body that spoke last.
const ACCORDING_BODY = /^(?:the|this|that)\s+(?:group|organi[sz]ation|agency|body|charity|institute|watchdog|regulator|ministry|company|firm|bank|consultancy|think[- ]tank|monitor|report)\b/i;
// "according to its annual report", "… their own estimates": the body the sentence (or the text) is about.
const ACCORDING_POSSESSIVE = /^(its|their)\s+(?:own\s+)?(?:[\p{Ll}\d-]+\s+){0,3}(?:report|reports|figures|data|estimates|estimate|statistics|numbers|records|calculations|analysis|survey|accounts|filings?|statement|forecasts?|projections|count|tally|website|research)\b/iu;
// "…, its own figures show.": the same body, as the subject of a verb of showing.
const POSSESSIVE_SHOW = /\b(its|their)\s+(?:own\s+)?(?:[\p{Ll}\d-]+\s+){0,2}(?:figures|data|estimates|statistics|numbers|records|calculations|accounts|filings|reports?|survey|analysis)\s+(?:show|shows|showed|suggest|suggests|suggested|indicate|indicates|indicated|reveal|reveals|revealed)\b/iu;
const PASSIVE_FACT = /\b(?:is|are|was|were|has been|have been|had been)\s+(?:well\s+|widely\s+|long\s+|amply\s+)?(?:documented|recorded|established|confirmed|reported|verified)\b/i;
// "appears to have left", "is said to have met": a hedged report of an event that happened.
const PERFECT_INFINITIVE = /\b(?:appears?|appeared|seems?|seemed|is said|are said|is reported|are reported|is believed|are believed|is thought)\s+to\s+have\s+(?!been\s+(?:a|an|the)\b)\p{L}+/iu;
const PRESENT_PERFECT = /\b(?:has|have)\s+(?:(?:\p{L}+ly|also|already|since|now|just|so\s+far)\s+)?(?:been\s+)?\p{L}+(?:ed|en|wn|ne|lt|pt|ught|ung)\b/u;
// Verbs that state where a measured quantity stands ("Debt stands at 96.4 per cent of GDP").
const STATISTIC = /\b(?:stands?|stood|is|was|were|are) at\b|\b(?:reached|reaches|totall?ed|totals|rose|fell|grew|shrank|dropped|climbed|jumped|increased|decreased|declined) (?:by|to|from)\b|\b(?:amounts? to|amounted to|accounts? for|accounted for)\b/;
const LEGAL_STATUS = /\b(?:illegal|unlawful|unconstitutional|prohibited|banned|permitted|allowed|required|forbidden)\s+(?:under|by)\s+(?:the\s+)?(?:\p{L}+['’]s\s+)?(?:\p{L}+\s+)?(?:constitution|law|laws|treaty|charter|convention|statute|rules)\b/iu;
const LONG_STANDING = /\b(?:has|have|had)\s+long\s+been\b/i;
const OPINION = /\b(?:clear(?:ly)?|obvious(?:ly)?|arguabl[ey]|in (?:my|our) view|i (?:think|believe)|we (?:think|believe)|surely|undoubtedly|seems?|seemed|perhaps|apparently|unfortunately|fortunately|ironically|remarkably|importantly|crucial|critical|key|important|dangerous|risky|bad|good|better|worse|best|worst|wise|foolish|mistake|failure|success)\b/i;
const IRREGULAR_PAST = new Set(`was|were|had|did|said|told|left|took|made|went|came|saw|gave|fell|rose|won|lost|met|began|became|led|held|sent|spent|paid|built|struck|hit|kept|brought|bought|sold|fought|caught|taught|thought|found|stood|ran|drove|flew|grew|knew|threw|wrote|broke|chose|spoke|stole|woke|froze|shook|swore|tore|wore|beat|bit|hid|shot|split|spread|quit|cut|shut|set|let|bore|drew|fled|fed|bled|bred|dealt|felt|meant|slept|swept|wept|lit|sank|sang|rang|swam|began|forbade|forgave|withdrew|overtook|undertook|sought|arose|oversaw|overthrew|underwent|upheld|withheld`.split('|'));
const NOT_BEFORE_PAST = new Set(['the', 'a', 'an', 'of', 'under', 'by', 'with', 'has', 'have', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'to', 'more', 'most', 'less', 'well', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'and', 'or', 'not', 'get', 'got', 'gets', 'newly', 'so', 'as', 'too', 'very', 'highly', 'fully', 'often', 'already', 'if', 'when', 'once', 'whether', 'who', 'which']);
// Words in -ed that are no past tense.
const NOT_PAST_ED = new Set(['need', 'speed', 'seed', 'feed', 'heed', 'deed', 'breed', 'greed', 'bleed', 'weed', 'steed', 'proceed', 'exceed', 'succeed', 'indeed', 'embed', 'hundred', 'shed', 'sacred', 'naked', 'wicked', 'kindred', 'hatred', 'rugged', 'beloved', 'ragged', 'jagged', 'crooked', 'aged', 'armed', 'unarmed', 'based', 'biased', 'skilled', 'unskilled', 'advanced', 'detailed', 'limited', 'unlimited', 'united', 'related', 'concerned', 'interested', 'supposed', 'alleged', 'so-called', 'tired', 'sophisticated', 'complicated', 'dedicated', 'experienced', 'talented', 'educated', 'renewed', 'red']);
const PRONOUN_SUBJECT = /^(?:he|she|it)$/i;
// Present tenses that describe where things stand rather than judge them.
const DESCRIPTIVE_PRESENT = /\b(?:is|are)\s+(?:located|based|headquartered|due|scheduled|set|expected to (?:be|start|take)|being|currently|now|home to|made up of|run by|owned by|led by|known as|held)\b|\b(?:faces|face|includes|include|hosts|host|operates|operate|owns|own|employs|holds|hold|contains|covers|borders|lies|consists|runs|produces|exports|imports|represents|houses|oversees|chairs|leads)\b/;
const SPOKESPEOPLE = new Set(['office', 'spokesman', 'spokeswoman', 'spokesperson', 'campaign', 'aide', 'aides', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'team', 'representative', 'representatives', 'staff']);
// "are believed to remain", "is estimated at", "have been accused of", "reportedly": the author relays what unnamed others say.
const PASSIVE_REPORT = /\b(?:is|are|was|were|has been|have been|had been)\s+(?:widely\s+|generally\s+|also\s+|now\s+|currently\s+)?(?:believed|thought|estimated|expected|said|reported|alleged|rumou?red|understood|projected|feared)\s+(?:to|at|that|of)\b|\b(?:reportedly|allegedly|purportedly)\b/i;
// When an event happened: a weekday, a month, a year, "last week", "on Nov. 5".
const TIME_ANCHOR = /\b(?:on|last|this|since|until|by|in|early|late)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|week|month|year|night|weekend|\d{4})\b|\b(?:yesterday|earlier this (?:week|month|year)|overnight)\b/;
// Evaluative words that make a sentence the author's judgment whatever it reports.
const OPINION_STRONG = /\b(?:clear(?:ly)?|obvious(?:ly)?|arguabl[ey]|in (?:my|our) view|i (?:think|believe)|we (?:think|believe)|surely|undoubtedly|seems?|seemed|perhaps|apparently|unfortunately|fortunately|ironically|remarkably|mistake|failure|foolish|wise)\b/i;
const PAST_SUBJECTS = new Set(['many', 'most', 'some', 'several', 'few', 'others', 'they', 'we', 'he', 'she', 'it', 'i', 'you', 'who', 'both', 'all', 'everyone', 'nobody']);

/** A word of a sentence, its lower case and its offset in the sentence. */
interface Word {
  w: string;
  lw: string;
  at: number;
}

interface Attribution {
  speaker: string;
  /** 'unnamed': "Officials said", "…, a navy official told reporters": reported, in the author's name. */
  via: 'according' | 'verb' | 'pronoun' | 'unnamed';
  /** The rule that found it (see rules.ts). */
  rule: string;
}

/** Analyses every sentence; returns one analysis per sentence, in order. */
export function analyseClaims(text: string, sentences: Sentence[], referents: Referent[], figureUnits?: ReadonlyArray<readonly string[]>): ClaimAnalysis[] {
  const sorted = [...referents].sort((a, b) => a.start - b.start);
  const out: ClaimAnalysis[] = [];
  const local: Array<{ attribution?: Attribution; hasQuote: boolean; startsInside: boolean; endsInside: boolean; names: number }> = [];
  let inside = false;
  let lastPerson: string | undefined;
  let lastOrganization: string | undefined;
  let lastSpeaker: string | undefined;
  let lastSpeakerParagraph = -1;
  const typeOf = new Map(referents.map((r) => [r.name, r.type]));

  let previousParagraph = -1;
  for (const sentence of sentences) {
    const s = sentence.text;
    const base = sentence.span.start;
    // A quotation left open at a paragraph's end runs on only into a paragraph that reopens it ("“…" convention);
    // otherwise its closing mark was lost, and the quotation ends with its paragraph.
    if (sentence.paragraph !== previousParagraph && inside && !/^[“"‘]/.test(s)) inside = false;
    previousParagraph = sentence.paragraph;
    const startsInside = inside;
    const quoted = quotedSpans(s, inside);
    inside = quoted.openAtEnd;
    // Sorted by start: the sentence's referents are a run from the first at or after its start.
    const mine: Referent[] = [];
    for (let k = firstAtOrAfter(sorted, base); k < sorted.length && sorted[k].start < sentence.span.end; k++) if (sorted[k].end <= sentence.span.end) mine.push(sorted[k]);
    const recent = lastSpeakerParagraph === sentence.paragraph || lastSpeakerParagraph === sentence.paragraph - 1 ? lastSpeaker : undefined;
    const attribution = attribute(text, s, base, mine, quoted.spans, (pronoun) => resolvePronoun(pronoun, recent, recent ? typeOf.get(recent) : undefined, lastPerson, lastOrganization));
    const hasQuote = quoted.spans.some(([a, b]) => isRealQuote(s.slice(a, b)) || (a <= 1 && b >= s.length - 3)) || startsInside
      // A speaker's own word, quoted after a verb of saying ("said politicians have “vilified” teachers"), is a quotation too.
      || (attribution?.via === 'verb' && quoted.spans.some(([a, b]) => b > a && !SCARE_QUOTE_LEAD.test(s.slice(Math.max(0, a - 14), a))));
    local.push({ attribution, hasQuote, startsInside, endsInside: quoted.openAtEnd, names: mine.filter((r) => !r.description).length });
    if (attribution && attribution.via !== 'according' && attribution.via !== 'unnamed') {
      lastSpeaker = attribution.speaker;
      lastSpeakerParagraph = sentence.paragraph;
    }
    for (const r of mine) {
      if (r.type === 'person') lastPerson = r.name;
      else if (r.type === 'organization') lastOrganization = r.name;
    }
  }

  // Quotations that run across sentences (and paragraphs) share one speaker.
  for (let i = 0; i < sentences.length; i++) {
    if (!local[i].endsInside && !local[i].startsInside) continue;
    let j = i;
    while (j + 1 < sentences.length && local[j].endsInside) j++;
    const speaker = local.slice(i, j + 1).find((l) => l.attribution && l.attribution.via !== 'according')?.attribution;
    if (speaker) for (let k = i; k <= j; k++) if (!local[k].attribution) local[k].attribution = { ...speaker, rule: 'speaker.quotation-runs-on' };
    i = j;
  }

  let previousQuote: string | undefined;
  sentences.forEach((sentence, i) => {
    const s = sentence.text;
    const { hasQuote } = local[i];
    let attribution = local[i].attribution;
    // A paragraph that is all quotation, right after a quoted speaker, goes on quoting them; so does the rest of
    // a quotation that runs on into this sentence. A quotation that opens the sentence right after someone was
    // reported ("She stressed that … “We will not back down.”") is theirs too.
    if (!attribution && hasQuote && previousQuote && (/^[“"‘]/.test(s) || local[i].startsInside)) attribution = { speaker: previousQuote, via: 'verb', rule: 'speaker.quotation-continues' };
    const confidence = findConfidence(s);
    let decided: [ClaimKind, string];
    let speaker = 'author';
    if (attribution && hasQuote) {
      decided = ['quote', 'kind.quote'];
      speaker = attribution.speaker;
    } else if (attribution && attribution.via === 'according') {
      decided = ['fact', 'kind.according-to'];
      speaker = attribution.speaker;
    } else if (attribution) {
      decided = ['reported', 'kind.reported'];
      speaker = attribution.speaker;
    } else if (PASSIVE_REPORT.test(s) && !PERFECT_INFINITIVE.test(s)) {
      decided = ['reported', 'kind.passive-report'];
    } else if (recommends(s)) {
      decided = ['recommendation', 'kind.recommendation'];
    } else {
      decided = confidence ? ['assessment', 'kind.estimative'] : factOrAssessment(s, figureUnits?.[i], local[i].names);
    }
    const [kind, kindRule] = decided;
    previousQuote = (kind === 'quote' || kind === 'reported') && speaker !== 'author' ? speaker : undefined;
    const why = [kindRule];
    if (attribution) why.push(attribution.rule);
    if (confidence) why.push('confidence.estimative-phrase');
    out.push({ kind, speaker, confidence, why });
  });
  return out;
}

const RECOMMEND_ALL = new RegExp(RECOMMEND.source, 'gi');
// A clause set off after a comma that prescribes nothing to anyone: "…, when the council must find £20m".
const SUBORDINATE_OPENER = /^\s*(?:when|where|which|who|whom|whose|because|as|since|while|whereas|after|before|until|unless|once|although|though)\b/i;

/** A prescription in the sentence's main clause ("Brussels should act"), not in a clause after a comma that only describes. */
function recommends(s: string): boolean {
  if (!RECOMMEND.test(s)) return false;
  const re = RECOMMEND_ALL;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const comma = s.lastIndexOf(',', m.index);
    if (comma < 0 || !SUBORDINATE_OPENER.test(s.slice(comma + 1, m.index))) return true;
  }
  return false;
}

/** Spans of quotations inside a sentence; a sentence may open or close a quotation begun elsewhere. */
function quotedSpans(s: string, openAtStart: boolean): { spans: Array<[number, number]>; openAtEnd: boolean } {
  const spans: Array<[number, number]> = [];
  let open = openAtStart ? 0 : -1;
  let single = -1;
  for (let i = 0; i < s.length; i++) {
    // Only quotation marks matter: other characters are passed over by char code.
    const code = s.charCodeAt(i);
    if (code !== 34 && code !== 0x201c && code !== 0x201d && code !== 0x2018 && code !== 0x2019) continue;
    const c = s[i];
    if (c === '“' || (c === '"' && open < 0)) {
      if (open >= 0 && c === '“') spans.push([open, i]); // a new paragraph-style reopening
      open = i + 1;
    } else if ((c === '”' || c === '"') && open >= 0) {
      spans.push([open, i]);
      open = -1;
    } else if (c === '‘' && open < 0 && (i === 0 || /[\s(—–-]/.test(s[i - 1]))) {
      single = i + 1; // British style: ‘…’ (an apostrophe is ’ inside or after a word)
    } else if (c === '’' && single >= 0 && !/\p{L}/u.test(s[i + 1] ?? '')) {
      spans.push([single, i]);
      single = -1;
    }
  }
  if (open >= 0) spans.push([open, s.length]);
  return { spans, openAtEnd: open >= 0 };
}

// Words that introduce a term rather than someone's speech: so-called “metadata”, dubbed “Operation X”.
const SCARE_QUOTE_LEAD = /\b(?:so-called|dubbed|called|term|word|words|known as|labell?ed|branded|named|titled|slogan)\s*[“"‘]?$/i;

/** A quotation of speech ("very productive"), not a scare-quoted term ("liberation"): two words or more. */
function isRealQuote(q: string): boolean {
  return q.trim().split(/\s+/).length >= 2;
}

function outsideQuotes(pos: number, spans: Array<[number, number]>): boolean {
  return !spans.some(([a, b]) => pos >= a && pos < b);
}

/** "he"/"she": the latest speaker if a person, else the latest person named; "it": the latest speaker if a body;
 * "its"/"their" (a body's report or figures): the latest speaker if a body, else the latest body named. */
function resolvePronoun(pronoun: string, recent: string | undefined, recentType: EntityType | undefined, lastPerson: string | undefined, lastOrganization?: string): string | undefined {
  if (/^(?:he|she)$/i.test(pronoun)) return recentType === 'person' ? recent : lastPerson;
  if (/^it$/i.test(pronoun)) return recentType === 'organization' ? recent : undefined;
  if (/^(?:its|their)$/i.test(pronoun)) return recentType === 'organization' ? recent : lastOrganization;
  return undefined;
}

// Length and first character of the words hasSayingWord looks for.
const SAYING_SHAPES = new Set([...SPEECH, 'saying', 'adding'].map((w) => w.length * 65536 + w.charCodeAt(0)));

/** A letter of WORD: `[A-Za-z\u00C0-\u024F’']`. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || c === 0x2019 || c === 39;
}

/** Some WORD of s (read in its aligned lower case) is a verb of saying, "saying" or "adding". */
function hasSayingWord(s: string, lower: string): boolean {
  let i = 0;
  while (i < s.length) {
    if (!isWordCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isWordCode(s.charCodeAt(j))) j++;
    // Only a word with the length and first letter of a verb of saying is made and looked up.
    if (SAYING_SHAPES.has((j - i) * 65536 + lower.charCodeAt(i))) {
      const lw = lower.slice(i, j);
      if (SPEECH.has(lw) || lw === 'saying' || lw === 'adding') return true;
    }
    i = j;
  }
  return false;
}

function attribute(text: string, s: string, base: number, refs: Referent[], quotes: Array<[number, number]>, pronounSpeaker: (pronoun: string) => string | undefined): Attribution | undefined {
  // One pass over the words, shared by both searches.
  const words: Word[] = [];
  const wordRe = WORD;
  wordRe.lastIndex = 0;
  // Lower-cased once per sentence; a word's slice of it is its own lower case unless lower-casing changed lengths ("İ").
  const lower = s.toLowerCase();
  const aligned = lower.length === s.length;
  // Both searches act only on a verb of saying (or "saying"/"adding"): a sentence without one needs no word list.
  if (aligned && !hasSayingWord(s, lower)) return attributeNamed(text, s, base, refs, quotes, words, pronounSpeaker) ?? attributeUnnamed(s, quotes, words);
  let m: RegExpExecArray | null;
  while ((m = wordRe.exec(s))) words.push({ w: m[0], lw: aligned ? lower.slice(m.index, m.index + m[0].length) : m[0].toLowerCase(), at: m.index });
  return attributeNamed(text, s, base, refs, quotes, words, pronounSpeaker) ?? attributeUnnamed(s, quotes, words) ?? attributeGeneric(s, quotes, words);
}

// Verbs that report speech or belief whatever their subject: "Backers of tariffs say", "Many in Hong Kong fear that".
const STRONG_SAYING = new Set('say says said told argue argues argued claim claims claimed believe believes believed fear fears feared warn warns warned insist insists insisted contend contends contended note notes noted maintain maintains maintained acknowledge acknowledges acknowledged deny denies denied predict predicts predicted worry worries worried suspect suspects suspected allege alleges alleged assert asserts asserted'.split(' '));
// Verbs of finding that report only with a "that" clause: "Studies have shown that …".
const FINDING = new Set('show shows showed shown find finds found suggest suggests suggested conclude concludes concluded'.split(' '));
const NOT_GENERIC_SUBJECT = /^(?:i|we|you|it|this|that|there|which|who|what|one|let|to|and|but|or|so|if|when|while|as|because|although|though|whether|how|why|do|does|did)$/;

/**
 * A verb of saying whose subject is no entity ("Backers of tariffs say …", "Many in Hong Kong fear that …",
 * "Studies have shown that …"): reported, in the author's name. Not the author's own "I think", "we believe".
 */
function attributeGeneric(s: string, quotes: Array<[number, number]>, words: Word[]): Attribution | undefined {
  for (let k = 1; k < words.length; k++) {
    const { lw, at, w } = words[k];
    const finding = FINDING.has(lw);
    if (!(STRONG_SAYING.has(lw) || finding) || !outsideQuotes(at, quotes)) continue;
    const rest = s.slice(at + w.length, at + w.length + 40);
    if (finding && !/^\s+that\b/.test(rest)) continue;
    let j = k - 1;
    while (j >= 0 && /^(?:has|have|had|also|then|later|again|always|never|long|still|now|often|\p{L}+ly)$/iu.test(words[j].w)) j--;
    if (j < 0) continue;
    const prev = words[j].lw;
    if (/^(?:was|were|been|being|be|is|are|to|the|a|an|his|her|their|its|of|my|our|your|no)$/.test(prev) || MODALS.test(prev)) continue;
    // The subject: the words since the clause began, one to eight of them, not the author's own voice.
    const clause = s.slice(0, words[j].at + words[j].w.length).split(/[,;:—–(]|\s(?:and|but|while|because|although|when|if)\s/).pop()!.trim();
    const subjectWords = clause.split(/\s+/).filter(Boolean);
    if (!subjectWords.length || subjectWords.length > 8) continue;
    if (NOT_GENERIC_SUBJECT.test(subjectWords[0].toLowerCase()) && subjectWords.length === 1) continue;
    if (/^(?:i|we|you)$/i.test(subjectWords[subjectWords.length - 1])) continue;
    return { speaker: 'author', via: 'unnamed', rule: 'speaker.unnamed-subject' };
  }
  return undefined;
}

/** A verb of saying whose subject is an unnamed person or body ("Analysts said", "…, a navy official told reporters."). */
function attributeUnnamed(s: string, quotes: Array<[number, number]>, words: Word[]): Attribution | undefined {
  // Most sentences name no unnamed speaker at all: one look-up per word settles them.
  if (!words.some(({ lw }) => UNNAMED_SPEAKERS.has(lw))) return undefined;
  for (const { w, lw, at } of words) {
    if (!SPEECH.has(lw) || !outsideQuotes(at, quotes)) continue;
    const m = { index: at, 0: w };
    const needs = WEAK_SPEECH.get(lw);
    const rest = s.slice(m.index + m[0].length);
    if (needs && !needs.test(rest.slice(0, 40))) continue;
    if (/^(?:said|says|told|added)$/.test(lw)) {
      // "…,” said a spokesman.
      const inverted = /^\s+(?:an?|one|the|another)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s*[.,!?]/u.exec(rest);
      if (inverted && UNNAMED_SPEAKERS.has(inverted[1].toLowerCase()) && /[”",]\s*$/.test(s.slice(0, m.index))) return { speaker: 'author', via: 'unnamed', rule: 'speaker.unnamed-after-quote' };
    }
    // The clause before the verb, past adverbs, a relative clause or a participle phrase: "Analysts said",
    // "…, two officials familiar with the talks said.", "…, a navy official told reporters.".
    let before = s.slice(0, m.index).replace(/(?:\s+(?:has|have|had|also|\p{Ll}+ly|then|now|later|again))*\s*$/u, '');
    for (let k = 0; k < 2; k++) before = before.replace(UNNAMED_SKIP, '');
    const clause = before.split(/[,;:—–]|\b(?:and|but|while|as|that|because|when|if)\s/).pop()!.trim();
    const words = clause.split(/\s+/);
    if (words.length > 5 || !words[0]) continue;
    const head = words[words.length - 1].toLowerCase();
    if (UNNAMED_SPEAKERS.has(head) && words.slice(1).every((w) => !/^\p{Lu}\p{Ll}/u.test(w) || DEMONYMS.has(w))) return { speaker: 'author', via: 'unnamed', rule: 'speaker.unnamed-group' };
  }
  return undefined;
}

/** The body "its"/"their" refers to: the first organisation named earlier in the sentence (its subject), else the latest one. */
function possessiveOwner(refs: Referent[], before: number, pronoun: string, pronounSpeaker: (pronoun: string) => string | undefined): string | undefined {
  const subject = refs.find((r) => r.type === 'organization' && r.end <= before);
  return subject ? subject.name : pronounSpeaker(pronoun.toLowerCase());
}

function attributeNamed(text: string, s: string, base: number, refs: Referent[], quotes: Array<[number, number]>, words: Word[], pronounSpeaker: (pronoun: string) => string | undefined): Attribution | undefined {
  // "according to X"
  const acc = ACCORDING;
  acc.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = acc.exec(s))) {
    const at = base + m.index + m[0].length;
    const r = refs.find((x) => {
      if (x.start < at || x.start - at > 60) return false;
      const lead = text.slice(at, x.start).replace(/[[*_]+$/, '');
      return ACCORDING_LEAD.test(lead) || (x.type === 'person' && ACCORDING_ROLE.test(lead));
    });
    if (r) return { speaker: r.name, via: 'according', rule: 'speaker.according-to' };
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const body = ACCORDING_BODY.test(after) ? pronounSpeaker('it') : undefined;
    if (body) return { speaker: body, via: 'according', rule: 'speaker.according-to-body' };
    const possessive = ACCORDING_POSSESSIVE.exec(after);
    const owner = possessive ? possessiveOwner(refs, base + m.index, possessive[1], pronounSpeaker) : undefined;
    if (owner) return { speaker: owner, via: 'according', rule: 'speaker.according-to-its-report' };
  }
  // Cheap gates first: a possessive and a verb of showing must both be there before the pattern runs.
  if ((s.includes('its ') || s.includes('their ')) && (s.includes(' show') || s.includes(' suggest') || s.includes(' indicat') || s.includes(' reveal'))) {
    const show = POSSESSIVE_SHOW.exec(s);
    const owner = show && outsideQuotes(show.index, quotes) ? possessiveOwner(refs, base + show.index, show[1], pronounSpeaker) : undefined;
    if (owner) return { speaker: owner, via: 'according', rule: 'speaker.its-figures-show' };
  }
  // Finite verbs of saying with a named, described or pronoun subject (or "…,” said X").
  if (!refs.length && !/\b(?:he|she|it|He|She|It)\b/.test(s)) return undefined;
  for (let k = 0; k < words.length; k++) {
    const { w, lw, at } = words[k];
    // A participle after the main clause: "Sen. Rand Paul, R-Ky., voted against the bill, saying it added …".
    if ((lw === 'saying' || lw === 'adding') && /,\s*$/.test(s.slice(0, at))) {
      const lead = refs.find((r) => (r.start === base || /^(?:The\s+)?$/.test(s.slice(0, r.start - base)) || (r.type !== 'place' && onlyTitles(s.slice(0, r.start - base)))));
      if (lead) return { speaker: lead.name, via: 'verb', rule: 'speaker.participle-saying' };
    }
    if (!SPEECH.has(lw) || !outsideQuotes(at, quotes)) continue;
    // "smaller than what McKinley said", "the $53 million figure McKinley cited": the speaker is compared, not reported.
    if (/\b(?:than|as)\s+(?:what\s+)?(?:[\p{L}.’'-]+\s+){0,3}$|\bfigures?\s+(?:[\p{L}.’'-]+\s+){1,3}$/u.test(s.slice(Math.max(0, at - 40), at))) continue;
    const prev = k > 0 ? words[k - 1].lw : '';
    if (/^(?:was|were|been|being|be|is|are|to|the|a|an|his|her|their|its|of)$/.test(prev) && !(prev === 'to' && /^(?:told|said)$/.test(lw))) continue; // passive, infinitive or a noun
    if (MODALS.test(prev) || /^(?:likely|probably)$/.test(prev)) continue; // "will be hoping", "may think": the author's guess
    // Verbs that report a position only with what is held: "sees it as", "found that", "agreed that".
    const needs = WEAK_SPEECH.get(lw);
    if (needs && !needs.test(s.slice(at + w.length, at + w.length + 40)) && !/^[^.;]{0,60}[“"‘]/.test(s.slice(at + w.length))) continue;
    const subject = subjectBefore(text, s, base, at, refs, NOUN_LIKE.has(lw));
    if (subject) return { speaker: subject, via: 'verb', rule: 'speaker.subject-of-saying' };
    // "His office said", "her spokesman told reporters": the person the pronoun names speaks through them.
    if (k >= 2 && /^(?:his|her)$/.test(words[k - 2].lw) && SPOKESPEOPLE.has(words[k - 1].lw)) {
      const person = pronounSpeaker(words[k - 2].lw === 'his' ? 'he' : 'she');
      if (person) return { speaker: person, via: 'pronoun', rule: 'speaker.his-office' };
    }
    const pron = pronounBefore(words, k);
    const bySubjectPronoun = pron ? pronounSpeaker(pron) : undefined;
    if (bySubjectPronoun) return { speaker: bySubjectPronoun, via: 'pronoun', rule: 'speaker.pronoun-subject' };
    // Inversion after a quotation: "…,” said Trump.
    if ((/^(?:said|says|added|adds|asked|continued|wrote)$/.test(lw) || (lw === 'told' && /[”"],?\s*$/.test(s.slice(0, at).trimEnd().slice(-3) + ' '))) && /[”"],?\s*$|[,:]\s*$/.test(s.slice(0, at).trimEnd().slice(-3) + ' ')) {
      const verbEnd = base + at + w.length;
      // "…,” said Colonel Xerxes Trinidad: titles may stand between.
      const after = refs.find((r) => r.start >= verbEnd && r.type !== 'place' && (r.start - verbEnd <= 4 || onlyTitles(text.slice(verbEnd, r.start))));
      if (after) return { speaker: after.name, via: 'verb', rule: 'speaker.after-quote' };
      const inverted = /^(?:he|she|it)\b/i.exec(s.slice(at + w.length).trim());
      const byInverted = inverted ? pronounSpeaker(inverted[0]) : undefined;
      if (byInverted) return { speaker: byInverted, via: 'pronoun', rule: 'speaker.pronoun-after-quote' };
    }
  }
  return undefined;
}

/** The referent that is the subject of a verb at `at`: right before it, past adverbs, auxiliaries and a relative clause. */
function subjectBefore(text: string, s: string, base: number, at: number, refs: Referent[], strict: boolean): string | undefined {
  // "The State Department in Washington said": a place after "in"/"at" locates the subject, which stands before it.
  let locative: [number, number] | undefined;
  for (let i = refs.length - 1; i >= 0; i--) {
    const r = refs[i];
    const rEnd = r.end - base;
    if (rEnd > at) continue;
    const rStart = r.start - base;
    let prep = r.type === 'place' && !locative ? /\s(?:in|at)\s+(?:the\s+)?$/.exec(s.slice(Math.max(0, rStart - 8), rStart)) : null;
    // "Councillor Tom Reilly of the Liberal Democrats said": a body right after a person is where the person belongs.
    if (r.type === 'organization' && !locative && i > 0 && refs[i - 1].type === 'person') {
      const of = /\s(?:of|from|at)\s+(?:the\s+)?$/.exec(s.slice(Math.max(0, rStart - 10), rStart));
      if (of && refs[i - 1].end - base === rStart - of[0].length) prep = of;
    }
    if (prep && /^\s*$/.test(s.slice(rEnd, at))) {
      locative = [rStart - prep[0].length, rEnd];
      continue;
    }
    // A body or place after "at"/"for"/"of" inside someone's apposition ("Omar Lamrani, an analyst at Stratfor, …, said")
    // is where that person works, not the subject.
    if (r.type !== 'person' && GOVERNED.test(s.slice(Math.max(0, rStart - 40), rStart)) && refs.some((p) => p.type === 'person' && p.end - base < rStart && /^\s*,/.test(s.slice(p.end - base)))) continue;
    // Markdown around a name ("*Trump* said", "[Trump](url) said") is not a word between.
    const between = locative && locative[0] >= rEnd ? s.slice(rEnd, locative[0]) + s.slice(locative[1], at) : s.slice(rEnd, at);
    // ", Inc.," and ", Ltd." belong to a company's name, not to the punctuation of the sentence.
    let gap = between.replace(/^\]\([^)]*\)/, '').replace(/[*_\]]+/g, '').replace(/,\s*(?:Inc|Ltd|LLC|Corp|Co|plc|AG|SA|GmbH)\.?(?=,)/g, '');
    if (r.end - base < at - 200) return undefined;
    // "Russia’s foreign ministry said": the body's own voice; other possessives ("Russia’s claims") name no speaker.
    if (/^['’]s\s+(?:\p{L}+(?:['’]s)?\s+){0,3}(?:ministry|government|spokes\w+|office|embassy|military|army|officials?|leadership|cabinet|presidency|mission|lawyers?|attorneys?|campaign|aides?)\s+(?:(?:has|have|had|also|later|then)\s+)*$/u.test(gap)) return r.name;
    if (/^['’]s?\b/.test(gap)) continue;
    // Drop a relative or appositive clause: "Zelensky, who was excluded from the summit, has maintained".
    // A subject's apposition ("the VDA industry association estimated") or a coordinated verb ("The Fund cut … and said").
    gap = gap.replace(/^\s+(?:\p{Ll}+\s+){0,2}(?:association|group|agency|ministry|firm|company|institute|organi[sz]ation|body|tank|spokes\w+|officials?|researchers|analysts|economists|lobby|federation|union|office)\s+$/u, ' ');
    if (!/[,;:“”"()]/.test(gap) && /\s(?:and|but)\s+$/.test(gap) && gap.length < 120 && !refs.some((x) => x.start - base > rEnd && x.end - base <= at && x.type !== 'place')) gap = ' ';
    // "Taiwan’s president, Lai Ching-te, replied": an appositive name between commas is the subject.
    // "The army’s leader, General Abdel Fattah al-Burhan, has rejected": titles may stand before the name.
    if (/^,\s/.test(gap) && /,\s*$/.test(s.slice(Math.max(0, r.start - base - 40), r.start - base).replace(/(?:\s*\p{Lu}[\p{L}.-]*)+\s*$/u, (t) => (onlyTitles(t) ? '' : t)))) gap = gap.replace(/^,/, '');
    gap = gap.replace(/^\s*\([^()]{1,40}\)/, ''); // "The International Energy Agency (IEA) warns"
    gap = gap.replace(/^,\s*\d{1,3},/, '').replace(/^,\s*[DRI]-[A-Z][A-Za-z.]*,/, ''); // "Cotton, 48, said", "Warren, D-Mass., said"
    // Asides between commas ("Tim Clark, meanwhile, told") and appositions, one after another
    // ("Omar Lamrani, a senior analyst at Stratfor, the Texas-based intelligence firm, said").
    // Each aside leaves its opening comma for the next; the last one's goes.
    let asides = 0;
    for (; asides < 3; asides++) {
      const before = gap;
      gap = gap.replace(ASIDE, ',').replace(/^,\s*(?:who|which|whose|speaking|writing|a|an|the|now|formerly|once|still|then|long|both|all)\b[^,]*,/i, ',').replace(APPOSITION_ROLE, ',');
      if (gap === before) break;
    }
    if (asides) gap = gap.replace(/^,/, '');
    // Adverbs and auxiliaries may stand between: "has repeatedly said", "also told".
    if (!/^\s*(?:(?:has|have|had|also|then|later|again|repeatedly|previously|recently|publicly|privately|already|long|reportedly|once|often|now|still|since|always|never|further|flatly|firmly|herself|himself|itself|themselves|\p{L}+ly|on\s+\p{L}+day|this\s+(?:week|month|year)|last\s+(?:week|month|year))\s+)*$/iu.test(gap)) continue;
    if (strict && !/^\s*$/.test(gap) && /^\s*(?:\p{L}+ly\s+)*$/u.test(gap) === false) continue;
    if (r.type === 'place' && r.description !== true && !/^(?:\s|has|have|had)*$/.test(gap)) continue;
    return r.name;
  }
  return undefined;
}

// "Tufts University’s", "at the", "for": what stands before a body that someone belongs to.
const GOVERNED = /\b(?:at|of|for|with|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.-]*\s+){0,4}(?:\p{Lu}[\p{L}.-]*['’]s\s+)?$/u;
const ASIDE = /^,\s*(?:meanwhile|however|though|too|also|in turn|in addition|separately|instead|for (?:his|her|its|their) part|in a statement|on \p{L}+day|last week|this week|earlier|later|again)\s*,/iu;
const APPOSITION_ROLE = /^,\s*[^,]{0,60}\b(?:president|minister|leader|spokes\w*|chief|director|official|head|secretary|envoy|administrator|analyst|professor|researcher|fellow|expert|economist|partner|manager|officer|coordinator|advis[oe]r|lawyer|attorney|teacher|member|founder|chair\w*|editor|commissioner|ambassador|correspondent|strategist|scientist|executive|governor|senator|mayor|ceo|general|commander)s?\b[^,]{0,140},/i;

function onlyTitles(gap: string): boolean {
  const words = gap.trim().split(/\s+/);
  return gap.length < 40 && words.length <= 3 && words.every((w) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')));
}

function pronounBefore(words: Word[], k: number): string | undefined {
  let j = k - 1;
  while (j >= 0 && /^(?:has|have|had|also|then|later|again|always|never|long|still|\p{L}+ly)$/iu.test(words[j].w)) j--;
  return j >= 0 && PRONOUN_SUBJECT.test(words[j].w) ? words[j].w : undefined;
}

/** The author's own voice: a checkable statement of events, or a judgment. */
function factOrAssessment(s: string, figureUnits?: readonly string[], names = 0): [ClaimKind, string] {
  // What the law says is checkable even in a conditional ("would be illegal under the constitution").
  if (LEGAL_STATUS.test(s)) return ['fact', 'kind.legal-status'];
  if (MODALS.test(s)) return ['assessment', 'kind.modal'];
  if (PASSIVE_FACT.test(s) || LONG_STANDING.test(s) || PERFECT_INFINITIVE.test(s)) return ['fact', 'kind.documented'];
  // Counted or costed events ("46,000 people have been killed", "released 33 hostages") are checkable.
  // Both tests below are pure: each is worked out once.
  const opinion = OPINION.test(s);
  let finitePast: boolean | undefined;
  const past = () => (finitePast ??= hasFinitePast(s));
  const figures = opinion ? [] : (figureUnits ?? findFigures(s).map((f) => f.unit)).filter((unit) => unit !== 'year');
  if (figures.some((unit) => unit !== 'percent')) return ['fact', 'kind.counted'];
  // A share that changed ("has occupied about 20%", "fell 3.5 percent") is an event, a target is not.
  if (figures.length && (PRESENT_PERFECT.test(s) || past() || STATISTIC.test(s))) return ['fact', 'kind.changed-share'];
  // "Several thousand teachers surrounded the Statehouse on Tuesday to call for better pay": a dated event is
  // checkable even when an evaluative word stands in it; not so a generalisation or a judgment.
  if (opinion) return TIME_ANCHOR.test(s) && past() && !OPINION_STRONG.test(s) ? ['fact', 'kind.dated-event'] : ['assessment', 'kind.opinion'];
  // "has destroyed much of Khartoum", "have also taken in": what has happened is checkable; not so an
  // anaphoric abstract subject ("These vulnerabilities have deepened divisions") or the author's own
  // experience ("I have rarely seen …"), the author's analysis.
  if (past()) return ['fact', 'kind.past-event'];
  if (PRESENT_PERFECT.test(s)) return /^(?:Its|Their|These|This|Those|Such|That|I|We)\s/.test(s) ? ['assessment', 'kind.anaphoric-analysis'] : ['fact', 'kind.present-perfect'];
  // A present-tense statement about named people, bodies or places ("Assange faces a charge …", "The camp is located
  // near the border", "The listing is due next Tuesday") is checkable; a generalisation about no one is the author's view.
  if (names > 0 && (DESCRIPTIVE_PRESENT.test(s) || TIME_ANCHOR.test(s) || figures.length > 0)) return ['fact', 'kind.named-present'];
  // Otherwise a plain present-tense statement ("Clegg now works for Facebook", "It is also available in Canada") is
  // checkable unless it explains, generalises, compares or evaluates.
  return JUDGMENT.test(s) || s.endsWith('?') ? ['assessment', 'kind.judgment'] : ['fact', 'kind.plain-present'];
}

// Words of explanation, generalisation, comparison and evaluation: the author's analysis, not a record.
const JUDGMENT = /\b(?:because|since|so that|thanks to|as a result|means?|meant|suggests?|reflects?|underscores?|highlights?|signals?|shows?|tends?|often|usually|generally|typically|increasingly|largely|mostly|mainly|partly|simply|only|even|just|still|already|yet|rather|quite|very|too|enough|more|less|most|least|much|many|few|all|every|no one|nothing|always|never|real|really|true|truly|false|hard|difficult|easy|significant|important|key|crucial|critical|central|essential|vital|major|huge|massive|vast|enormous|ambitious|daunting|remarkable|notable|strong|weak|serious|grave|clear|obvious|new|old|big|small|large|great|good|bad|better|worse|best|worst|risk|risks|threat|danger|dangerous|challenge|problem|question|hope|fear|need|needs|matter|matters|about|like|unlike|whether|if|unless|what|why|how|such|own|under pressure|under strain|in crisis|at stake|at risk|common|rare|typical|unusual|trouble|threatens?|promises?|lies)\b/i;

// Words after a verb that are never the noun an adjective in -ed modifies ("closed its borders").
const DETERMINERS = new Set(['its', 'his', 'this', 'thus', 'as', 'was', 'is', 'has', 'us', 'plus', 'towards', 'across', 'always', 'perhaps', 'less', 'unless']);

const IRREGULAR_PAST_MAX_LENGTH = Math.max(...[...IRREGULAR_PAST].map((w) => w.length));

/** Ends in e/E then d/D: the only endings that lower-case to "ed". */
function endsInEd(w: string): boolean {
  const d = w.charCodeAt(w.length - 1);
  const e = w.charCodeAt(w.length - 2);
  return (d === 100 || d === 68) && (e === 101 || e === 69);
}

const LETTER_AT = /\p{L}/uy;

/** Length of the `[\p{L}’'-]` character at i (a letter may be two code units), or 0; ASCII by char code. */
function pastWordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 ? 1 : 0;
  if (c === 0x2019) return 1;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(s) ? LETTER_AT.lastIndex - i : 0;
}

/** `s.match(/[\p{L}’'-]+/gu) ?? []`, without running a Unicode class on every character. */
function pastWords(s: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    for (let n = pastWordCharAt(s, j); n; n = pastWordCharAt(s, j)) j += n;
    if (j > i) {
      words.push(s.slice(i, j));
      i = j;
      continue;
    }
    // Step over a whole code point, as the Unicode regex does.
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return words;
}

function hasFinitePast(s: string): boolean {
  const words = pastWords(s);
  for (let i = 0; i < words.length; i++) {
    // A word longer than every irregular past and not ending in "ed" (in any case) is neither: skipped unlowered.
    const raw = words[i];
    if (raw.length > IRREGULAR_PAST_MAX_LENGTH && !endsInEd(raw)) continue;
    const w = raw.toLowerCase();
    const regular = /^[a-z]{2,}ed$/.test(w) && !NOT_PAST_ED.has(w);
    if (!regular && !IRREGULAR_PAST.has(w)) continue;
    let j = i - 1;
    while (j >= 0 && /ly$/.test(words[j].toLowerCase()) && words[j].length > 3) j--;
    const prev = j >= 0 ? words[j].toLowerCase() : '';
    if (NOT_BEFORE_PAST.has(prev) || i === 0) continue;
    const next2 = words.slice(i + 1, i + 3).map((x) => x.toLowerCase());
    if (next2.includes('by')) continue; // a participle: "challenges brought on by the war"
    // An adjective before a noun ("interconnected risks"), unless a pronoun or quantifier is its subject ("Many carried placards").
    if (regular && words[i + 1] && !DETERMINERS.has(words[i + 1]) && /^(?:[a-z]+(?:ion|ment|ness|ity|ure|s))$/.test(words[i + 1]) && /^[a-z]/.test(prev) && /(?:s|ion|ment)$/.test(prev) === false && !PAST_SUBJECTS.has(prev)) continue;
    return true;
  }
  return false;
}
