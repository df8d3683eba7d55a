// Evidence across sources: figures in different sources that measure the same thing, grouped, and
// whether they agree (corroborated) or not (a conflict). Precision comes before recall: an analyst
// flooded with false conflicts turns the feature off. Two figures are grouped only when
//   - their units are the same (the same currency: no exchange rates are guessed; percent with
//     percent; counts of the same counted noun), and
//   - the words around them name the same measure: at least two content words in common, and
//   - they are about the same place: the places their claims name, with the place each source is
//     most about, have one in common (a side that names no place matches only another that names
//     none), and when both claims name people, they name one in common.
// Durations and ages (counts of years, days…) are never compared: they measure different things.
// A claim with two figures of one unit ("$524bn, up from $486bn") is left out: which is which is
// not known without reading it.
import type { Figure, SourceDoc } from '../model';
import { foldName } from '../text/keys';

/** A figure of one source as evidence shows it. */
export interface EvidenceFigure {
  citekey: string;
  path: string;
  paragraph: number;
  /** The figure as the source writes it ("US$524 billion"). */
  text: string;
  value: number;
  valueMax?: number;
  unit: string;
  figureId: string;
  start: number;
  end: number;
  /** The values the figure allows (its rounding, qualifier or range): figures whose bounds overlap agree. */
  low: number;
  high: number;
}

/** Figures of two or more sources that measure the same thing. */
export interface EvidenceGroup {
  /** What is measured, in the sources' words ("reconstruction cost", "Ukrainians abroad"). */
  measure: string;
  status: 'corroborated' | 'conflict';
  figures: EvidenceFigure[];
}

interface Candidate {
  id: number;
  doc: SourceDoc;
  figure: Figure;
  unitKey: string;
  words: string[];
  wordSet: Set<string>;
  places: Set<string>;
  people: Set<string>;
  low: number;
  high: number;
}

const WINDOW = 8;
// Words that name no measure: function words, reporting verbs, magnitudes, calendar words.
const STOP = new Set(
  ('a an the of on in and or to for at by with from as into than that this these those it its their his her our your be is are was were been being ' +
    'has have had will would could should may might can must not no but if so such also about around more less over under up down out ' +
    'said say says saying told tell according report reported reports added estimate estimated estimates put puts new last next this year years month ' +
    'week day today yesterday per cent percent billion million trillion thousand hundred bn m dollar dollars euro euros pound pounds us usd eur gbp ' +
    'some nearly almost roughly approximately least most total totalling totaling another other which who whom what when where while there here then ' +
    'now since until after before during between against all any each both many much several one two three four five six seven eight nine ten ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday')
    .split(' '),
);
const APPROXIMATE = /^(?:about|around|roughly|nearly|almost|some|approximately|approx\.?|close to|an estimated|estimated|up to about)$/i;
const AT_LEAST = /^(?:more than|over|at least|above|upwards of|in excess of|no fewer than|no less than)$/i;
const AT_MOST = /^(?:less than|fewer than|under|up to|at most|below|no more than)$/i;

function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Unit family and counted noun: figures are compared only within one. */
function unitKey(f: Figure): string | undefined {
  if (f.unit === 'year') return undefined;
  if (f.unit === 'count') {
    const noun = (f.counts ?? '').split(/\s+/).pop();
    return noun ? `count:${stem(noun)}` : undefined;
  }
  return f.unit;
}

function candidatesOf(doc: SourceDoc): Candidate[] {
  const figures = doc.extraction.figures;
  const claims = new Map(doc.extraction.claims.map((c) => [c.id, c]));
  const entities = new Map(doc.extraction.entities.map((e) => [e.id, e]));
  const out: Candidate[] = [];
  // The place the source is most about (its most mentioned), which a claim need not repeat.
  const mainPlace = doc.extraction.entities.filter((e) => e.type === 'place').sort((a, b) => b.mentions.length - a.mentions.length)[0];
  for (const figure of figures) {
    const key = unitKey(figure);
    if (key && /^count:(?:year|month|week|day|hour|minute|second|decade|century|time)$/.test(key)) continue;
    const claim = claims.get(figure.claimId);
    if (!key || !claim || claim.hidden) continue;
    // Two figures of one unit in one claim: a comparison ("up from"), roles unknown.
    if (figures.some((g) => g !== figure && g.claimId === figure.claimId && unitKey(g) === key)) continue;
    const places = new Set<string>(mainPlace ? [foldName(mainPlace.name)] : []);
    const people = new Set<string>();
    const nameWords = new Set<string>();
    for (const id of claim.entityIds) {
      const e = entities.get(id);
      if (!e) continue;
      if (e.type === 'place') places.add(foldName(e.name));
      if (e.type === 'person') people.add(foldName(e.name));
      for (const alias of [e.name, ...e.aliases]) for (const w of alias.split(/\s+/)) nameWords.add(stem(w));
    }
    // Words around the figure in its sentence, the figure itself left out.
    const before = doc.text.slice(claim.span.start, figure.span.start).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    const after = doc.text.slice(figure.span.end, claim.span.end).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    const counted = key.startsWith('count:') ? key.slice('count:'.length) : undefined;
    const words = [...before.slice(-WINDOW), ...after.slice(0, WINDOW)].map(stem).filter((w) => w.length > 2 && !STOP.has(w) && !nameWords.has(w) && w !== counted);
    const { low, high } = interval(figure);
    out.push({ id: 0, doc, figure, unitKey: key, words, wordSet: new Set(words), places, people, low, high });
  }
  return out;
}

/** Significant digits of a value as written in round numbers: 524e9 → 3, 520e9 → 2, 12.5 → 3. */
function significantDigits(value: number): number {
  const digits = Math.abs(value).toPrecision(12).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** The values a figure allows: its rounding, an "about", a "more than" or a range widen it. */
function interval(f: Figure): { low: number; high: number } {
  const v = f.value;
  const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
  let tol = 0.5 * 10 ** (exp - significantDigits(v) + 1);
  const q = (f.qualifier ?? '').trim();
  if (APPROXIMATE.test(q)) tol = Math.max(tol, Math.abs(v) * 0.05);
  const top = f.valueMax ?? v;
  if (AT_LEAST.test(q)) return { low: v - tol, high: Infinity };
  if (AT_MOST.test(q)) return { low: -Infinity, high: top + tol };
  return { low: v - tol, high: top + (f.valueMax !== undefined ? 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(top) || 1)) - significantDigits(top) + 1) : tol) };
}

function agree(a: Candidate, b: Candidate): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** The words two figures share, when they name the same measure; undefined when they do not. */
function sameMeasure(a: Candidate, b: Candidate): string[] | undefined {
  if (a.unitKey !== b.unitKey) return undefined;
  if ((a.places.size || b.places.size) && ![...a.places].some((p) => b.places.has(p))) return undefined;
  if (a.people.size && b.people.size && ![...a.people].some((p) => b.people.has(p))) return undefined;
  const shared = a.words.filter((w, i) => b.wordSet.has(w) && a.words.indexOf(w) === i);
  return shared.length >= 2 ? shared : undefined;
}

/**
 * Groups the figures of different sources that measure the same thing; each group says whether its
 * sources agree. Only groups spanning two or more sources are returned, conflicts first.
 */
export function evidenceGroups(docs: readonly SourceDoc[]): EvidenceGroup[] {
  const all = docs.flatMap(candidatesOf);
  all.forEach((c, i) => (c.id = i));
  // Candidate pairs only within a unit family and a shared word (an inverted index, not all pairs).
  const byWord = new Map<string, Candidate[]>();
  for (const c of all) for (const w of c.wordSet) {
    const k = `${c.unitKey}\u0000${w}`;
    const list = byWord.get(k);
    if (list) list.push(c);
    else byWord.set(k, [c]);
  }
  const parent = new Map<Candidate, Candidate>(all.map((c) => [c, c]));
  const find = (c: Candidate): Candidate => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  const measureOf = new Map<Candidate, string[]>();
  const seen = new Set<string>();
  for (const list of byWord.values()) {
    if (list.length > 400) continue; // a word every figure shares names no measure
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a.doc === b.doc) continue;
        const pair = `${a.id}:${b.id}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const shared = sameMeasure(a, b);
        if (!shared) continue;
        const ra = find(a);
        const rb = find(b);
        if (ra !== rb) parent.set(rb, ra);
        if (!measureOf.has(ra)) measureOf.set(ra, shared);
        if (!measureOf.has(a)) measureOf.set(a, shared);
      }
    }
  }
  const groups = new Map<Candidate, Candidate[]>();
  for (const c of all) {
    const r = find(c);
    const list = groups.get(r);
    if (list) list.push(c);
    else groups.set(r, [c]);
  }
  const out: EvidenceGroup[] = [];
  for (const [root, members] of groups) {
    if (new Set(members.map((m) => m.doc)).size < 2) continue;
    // One source giving two different values for the "same" measure: the grouping is doubtful, so none is shown.
    if (members.some((a) => members.some((b) => a !== b && a.doc === b.doc && !agree(a, b)))) continue;
    const conflict = members.some((a) => members.some((b) => a.doc !== b.doc && !agree(a, b)));
    const words = measureOf.get(root) ?? members.map((m) => measureOf.get(m)).find(Boolean) ?? [];
    const counted = root.unitKey.startsWith('count:') ? root.unitKey.slice('count:'.length) : undefined;
    const measure = [...(counted ? [members[0].figure.counts?.split(/\s+/).pop() ?? counted] : []), ...words.slice(0, 4)].join(' ');
    out.push({
      measure,
      status: conflict ? 'conflict' : 'corroborated',
      figures: members.map((m) => ({ doc: m.doc, f: m.figure, m })).map(({ doc, f, m }) => ({ citekey: doc.citekey, path: doc.path, paragraph: f.paragraph, text: f.text, value: f.value, ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}), unit: f.unit, figureId: f.id, start: f.span.start, end: f.span.end, low: m.low, high: m.high })),
    });
  }
  return out.sort((a, b) => (a.status === b.status ? a.measure.localeCompare(b.measure) : a.status === 'conflict' ? -1 : 1));
}

const groupsByIndex = new WeakMap<readonly SourceDoc[], EvidenceGroup[]>();

/** evidenceGroups, cached by the identity of the source list (callers pass one list per index state). */
export function evidenceGroupsCached(docs: readonly SourceDoc[]): EvidenceGroup[] {
  let groups = groupsByIndex.get(docs);
  if (!groups) groupsByIndex.set(docs, (groups = evidenceGroups(docs)));
  return groups;
}

/** The group a source's figure belongs to, if any. */
export function groupOfFigure(groups: readonly EvidenceGroup[], path: string, figureId: string): EvidenceGroup | undefined {
  return groups.find((g) => g.figures.some((f) => f.path === path && f.figureId === figureId));
}

/** Whether two figures of a group agree (their allowed values overlap). */
export function figuresAgree(a: Pick<EvidenceFigure, 'low' | 'high'>, b: Pick<EvidenceFigure, 'low' | 'high'>): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * What other sources say of a figure: "Also stated by [@b, para. 4]." for agreeing figures,
 * "[@b, para. 3] gives $486 billion." for conflicting ones; nothing when no other source measures it.
 */
export function evidenceNotes(groups: readonly EvidenceGroup[], path: string, figureId: string, cite: (f: EvidenceFigure) => string): string[] {
  const group = groupOfFigure(groups, path, figureId);
  const self = group?.figures.find((f) => f.path === path && f.figureId === figureId);
  if (!group || !self) return [];
  const others = group.figures.filter((f) => f.path !== path);
  const same = others.filter((f) => figuresAgree(self, f));
  const notes: string[] = [];
  if (same.length) notes.push(`Also stated by ${same.map(cite).join('; ')}.`);
  for (const f of others.filter((o) => !figuresAgree(self, o))) notes.push(`${cite(f)} gives ${f.text}.`);
  return notes;
}

/** "US$524 billion" as evidence output names it: value and unit. */
export function formatEvidenceValue(f: Pick<EvidenceFigure, 'value' | 'valueMax' | 'unit'>): string {
  const n = (v: number) => (Math.abs(v) >= 1e9 ? `${+(v / 1e9).toPrecision(4)} billion` : Math.abs(v) >= 1e6 ? `${+(v / 1e6).toPrecision(4)} million` : String(+v.toPrecision(6)));
  const value = f.valueMax !== undefined ? `${n(f.value)}–${n(f.valueMax)}` : n(f.value);
  return f.unit === 'percent' ? `${value}%` : f.unit === 'count' ? value : `${value} ${f.unit}`;
}
