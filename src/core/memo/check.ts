// Memo checks: every citation, figure, quotation and confidence term of a memo against the sources
// it cites. One implementation for the editor's diagnostics and the CLI's `check`.
import { evidenceGroups, figuresAgree, groupOfFigure, type EvidenceGroup } from '../evidence/conflicts';
import { nearestKeys } from './nearestKeys';
import type { Citation, CitationItem } from '../citation';
import { formatCitation } from '../citation';
import { findFigures, sameQuantity, type FigureMatch } from '../figures/parse';
import type { TextEdit } from '../frontMatterEdit';
import type { Problem, Severity, SourceDoc, Span } from '../model';
import { quantityKey } from '../text/keys';
import { LineIndex } from '../text/lines';
import { confidenceLevel, findConfidence, levelName, type ConfidenceLevel } from './confidence';
import { closestPassage, findQuotations, locateQuotation, passageForQuotation, type Quotation } from './quotes';
import { bodyParagraphCount, figuresByQuantity, paragraphRange, sourceFigures, type MemoSources, type SourceFigure } from './sourceFigures';
import { memoStructure, type MemoSentence } from './structure';

/** The checks, by their setting name (`claimdesk.diagnostics.<check>`). */
export const MEMO_CHECKS = {
  unknownCitekey: { code: 'unknown-citekey', severity: 'error', description: 'A citation names a citekey no source has.' },
  unknownParagraph: { code: 'unknown-paragraph', severity: 'error', description: 'A citation names a paragraph the source does not have.' },
  figureMismatch: { code: 'figure-mismatch', severity: 'error', description: 'A figure beside a citation matches no figure in the cited paragraph.' },
  quoteMismatch: { code: 'quote-mismatch', severity: 'error', description: 'A quotation beside a citation is not in the cited source word for word.' },
  uncitedFigure: { code: 'uncited-figure', severity: 'hint', description: 'A figure without a citation matches a figure in the sources.' },
  confidence: { code: 'confidence-stronger', severity: 'hint', description: 'A confidence term is stronger than the cited claim’s.' },
  oneSidedConflict: { code: 'one-sided-conflict', severity: 'info', description: 'A cited figure is one side of a conflict between sources, and the memo cites no source of the other side.' },
} as const satisfies Record<string, { code: string; severity: Severity; description: string }>;

export type MemoCheck = keyof typeof MEMO_CHECKS;
export type CheckSeverity = Severity | 'off';

/** What a check can be set to, in the order settings and usage texts list them. */
export const CHECK_SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'info', 'hint', 'off'];

/** A check's severity from a setting or an option, or undefined when the value is not one. */
export function parseCheckSeverity(value: unknown): CheckSeverity | undefined {
  return CHECK_SEVERITIES.find((s) => s === value);
}

/** Whether a name is one of the checks (a setting name or `--severity CHECK=…`). */
export function isMemoCheck(name: string): name is MemoCheck {
  return Object.prototype.hasOwnProperty.call(MEMO_CHECKS, name);
}

export type { TextEdit };

export interface MemoFix {
  title: string;
  edits: TextEdit[];
}

/** A problem in a memo, with its offsets and the quick fixes that solve it. */
export interface MemoProblem extends Problem {
  check: MemoCheck;
  start: number;
  end: number;
  span: Span;
  fixes?: MemoFix[];
}

export interface MemoCheckOptions {
  /** Severity per check; 'off' disables it. Defaults are in MEMO_CHECKS. */
  severities?: Partial<Record<MemoCheck, CheckSeverity>>;
  /** Citekeys the memo's own bibliographies define: cited, but not Claimdesk's to check. */
  externalKeys?: ReadonlySet<string>;
}

/** One cited source with the paragraphs a citation item names (empty: the whole source). */
interface Target {
  doc: SourceDoc;
  item: CitationItem;
  paragraphs: number[];
}

const MAX_FIXES = 3;

/** Checks a memo's citations, figures, quotations and confidence terms against the sources. */
export function checkMemo(memoText: string, sources: MemoSources, options: MemoCheckOptions = {}): MemoProblem[] {
  const severityOf = (check: MemoCheck): CheckSeverity => options.severities?.[check] ?? MEMO_CHECKS[check].severity;
  const lines = new LineIndex(memoText);
  const problems: MemoProblem[] = [];
  const report = (check: MemoCheck, start: number, end: number, message: string, fixes?: MemoFix[]) => {
    const severity = severityOf(check);
    if (severity === 'off') return;
    problems.push({ check, code: MEMO_CHECKS[check].code, severity, message, start, end, span: lines.span(start, end), ...(fixes?.length ? { fixes } : {}) });
  };

  const memo = memoStructure(memoText);
  const targetsOf = new Map<CitationItem, Target | undefined>();
  for (const citation of memo.citations) {
    for (const item of citation.items) {
      if (options.externalKeys?.has(item.key) && !sources.byCitekey(item.key)) continue;
      targetsOf.set(item, resolveItem(memoText, item, sources, report, options.externalKeys));
    }
  }

  const wantFigures = severityOf('figureMismatch') !== 'off' || severityOf('uncitedFigure') !== 'off' || severityOf('oneSidedConflict') !== 'off';
  const oneSided: Array<{ figure: FigureMatch; targets: Target[] }> = [];
  for (const sentence of memo.sentences) {
    const resolved = (c: Citation) => c.items.map((i) => targetsOf.get(i)).filter((t): t is Target => t !== undefined);
    const targets = sentence.citations.flatMap(resolved);
    const figures = wantFigures ? findFigures(memo.prose, sentence.start, sentence.end) : [];
    if (sentence.citations.length === 0) {
      if (severityOf('uncitedFigure') !== 'off') checkUncitedFigures(memoText, sentence, figures, sources, report);
      continue;
    }
    if (!targets.length) continue;
    // What a figure or quotation is checked against: the citation right after it (else the last
    // one before it); any other citation of the sentence that confirms it is good enough too.
    const nearest = (offset: number): Target[] => {
      const c = sentence.citations.find((x) => x.start >= offset) ?? sentence.citations[sentence.citations.length - 1];
      const own = resolved(c);
      return own.length ? own : targets;
    };
    if (severityOf('figureMismatch') !== 'off') for (const f of figures) checkFigure(memoText, f, nearest(f.end), targets, report);
    if (severityOf('quoteMismatch') !== 'off') {
      for (const q of findQuotations(memo.prose, sentence.blockStart, sentence.blockEnd)) {
        if (q.end > sentence.start && q.end <= sentence.end) checkQuotation(memoText, q, nearest(q.end), targets, report);
      }
    }
    if (severityOf('confidence') !== 'off') checkConfidence(memo.prose, sentence, targets, report);
    if (severityOf('oneSidedConflict') !== 'off') for (const f of figures) oneSided.push({ figure: f, targets: nearest(f.end) });
  }
  if (oneSided.length) {
    const cited = new Set(memo.citations.flatMap((c) => c.items.map((i) => i.key)));
    const groups = evidenceGroups(sources.sources()).filter((g) => g.status === 'conflict');
    for (const { figure, targets: near } of oneSided) checkOneSidedConflict(figure, near, groups, cited, report);
  }
  return problems.sort((a, b) => a.start - b.start || a.end - b.end);
}

type Report = (check: MemoCheck, start: number, end: number, message: string, fixes?: MemoFix[]) => void;

function resolveItem(text: string, item: CitationItem, sources: MemoSources, report: Report, externalKeys?: ReadonlySet<string>): Target | undefined {
  const doc = sources.byCitekey(item.key);
  if (!doc) {
    const candidates = [...sources.sources().map((d) => d.citekey), ...(externalKeys ?? [])];
    const fixes = nearestKeys(item.key, candidates, MAX_FIXES).map((key) => ({ title: `Change to @${key}`, edits: [{ start: item.keyStart, end: item.keyEnd, newText: key }] }));
    const where = externalKeys?.size ? "no source and no entry of the memo's bibliography has it" : 'no source has it';
    report('unknownCitekey', item.keyStart, item.keyEnd, `Unknown citekey "@${item.key}": ${where}.`, fixes);
    return undefined;
  }
  const paragraphs = item.locator?.label === 'paragraph' ? item.locator.paragraphs : [];
  const count = bodyParagraphCount(doc);
  const missing = paragraphs.filter((n) => n < 1 || n > count);
  if (missing.length) {
    const range = locatorRange(text, item);
    const list = missing.join(', ');
    report('unknownParagraph', range.start, range.end, `${doc.citekey} has no paragraph ${list}: it has ${count} body paragraph${count === 1 ? '' : 's'}.`);
    const valid = paragraphs.filter((n) => n >= 1 && n <= count);
    return valid.length ? { doc, item, paragraphs: valid } : undefined;
  }
  return { doc, item, paragraphs };
}

/** Offsets of a citation item's locator value ("19" in "para. 19"), or of the whole item. */
function locatorRange(text: string, item: CitationItem): { start: number; end: number } {
  const value = item.locator?.value;
  if (value) {
    const at = text.slice(item.keyEnd, item.end).indexOf(value);
    if (at >= 0) return { start: item.keyEnd + at, end: item.keyEnd + at + value.length };
  }
  return { start: item.start, end: item.end };
}

function describe(target: Target): string {
  const n = target.paragraphs;
  return n.length === 0 ? target.doc.citekey : `${target.doc.citekey}, ${n.length === 1 ? `para. ${n[0]}` : `paras. ${n.join(', ')}`}`;
}

function targetFigures(target: Target): SourceFigure[] {
  const all = sourceFigures(target.doc);
  return target.paragraphs.length ? all.filter((f) => target.paragraphs.includes(f.paragraph)) : all;
}

function matches(figure: { value: number; unit: string; valueMax?: number }, other: { value: number; unit: string; valueMax?: number }): boolean {
  if (!sameQuantity(figure, other)) return false;
  if (figure.valueMax === undefined || other.valueMax === undefined) return true;
  return sameQuantity({ value: figure.valueMax, unit: figure.unit }, { value: other.valueMax, unit: other.unit });
}

function sameUnit(a: { unit: string }, b: { unit: string }): boolean {
  return sameQuantity({ value: 1, unit: a.unit }, { value: 1, unit: b.unit });
}

function checkFigure(text: string, figure: FigureMatch, targets: Target[], sentenceTargets: Target[], report: Report): void {
  if (sentenceTargets.some((t) => targetFigures(t).some((f) => matches(figure, f)))) return;
  const candidates = targets.flatMap((t) => targetFigures(t).map((f) => ({ t, f })));
  const alike = candidates.filter(({ f }) => sameUnit(figure, f));
  // Years and counts beside a citation are often context ("since 2014", "two sides"): only a
  // different number of the same kind in the cited paragraph makes them suspect.
  if (!alike.length && (figure.unit === 'year' || figure.unit === 'count')) return;
  const where = targets.map(describe).join('; ');
  const fixes: MemoFix[] = alike
    .sort((a, b) => relativeDistance(figure.value, a.f.value) - relativeDistance(figure.value, b.f.value))
    .filter(({ f }, i, all) => all.findIndex((x) => x.f.text === f.text) === i)
    .slice(0, MAX_FIXES)
    .map(({ f }) => ({ title: `Use the source's figure: ${oneLine(f.text)}`, edits: [{ start: figure.start, end: figure.end, newText: matchCase(oneLine(f.text), figure.text) }] }));
  // The same quantity elsewhere in the cited source: the citation names the wrong paragraph.
  const foundIn: string[] = [];
  for (const t of targets) {
    if (!t.paragraphs.length || t.item.locator?.paragraphs.length !== 1) continue;
    const elsewhere = sourceFigures(t.doc).find((f) => matches(figure, f));
    if (elsewhere) {
      fixes.push(relocateFix(text, t, elsewhere.paragraph));
      foundIn.push(`${t.doc.citekey}, para. ${elsewhere.paragraph}`);
    }
  }
  const has = alike.length ? ` (it has ${[...new Set(alike.map(({ f }) => oneLine(f.text)))].slice(0, MAX_FIXES).join(', ')})` : '';
  const found = foundIn.length ? ` It is in ${foundIn.join('; ')}.` : '';
  report('figureMismatch', figure.start, figure.end, `${oneLine(figure.text)} matches no figure in ${where}${has}.${found}`, fixes);
}

function relocateFix(text: string, target: Target, paragraph: number): MemoFix {
  const range = locatorRange(text, target.item);
  return { title: `Cite ${target.doc.citekey}, para. ${paragraph} instead`, edits: [{ start: range.start, end: range.end, newText: String(paragraph) }] };
}

function relativeDistance(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

function checkQuotation(text: string, quote: Quotation, targets: Target[], sentenceTargets: Target[], report: Report): void {
  const inner = text.slice(quote.innerStart, quote.innerEnd);
  const rangesOf = (t: Target) =>
    t.paragraphs.length ? t.paragraphs.map((n) => paragraphRange(t.doc, n)).filter((r): r is { start: number; end: number } => r !== undefined) : [{ start: t.doc.bodyStart, end: t.doc.text.length }];
  for (const t of sentenceTargets) if (rangesOf(t).some((r) => locateQuotation(inner, t.doc.text, r.start, r.end))) return;

  const fixes: MemoFix[] = [];
  const elsewhere: string[] = [];
  for (const t of targets) {
    if (!t.paragraphs.length || t.item.locator?.paragraphs.length !== 1) continue;
    const found = locateQuotation(inner, t.doc.text, t.doc.bodyStart, t.doc.text.length);
    const para = found && t.doc.paragraphs.find((p) => p.role === 'body' && p.span.start <= found.start && found.end <= p.span.end);
    if (para) {
      fixes.push(relocateFix(text, t, para.index));
      elsewhere.push(`${t.doc.citekey}, para. ${para.index}`);
    }
  }
  if (!fixes.length) {
    let best: { t: Target; start: number; end: number; distance: number } | undefined;
    for (const t of targets) {
      for (const r of rangesOf(t)) {
        const near = closestPassage(inner, t.doc.text, r.start, r.end);
        if (near && (!best || near.distance < best.distance)) best = { t, ...near };
      }
    }
    if (best) {
      const wording = passageForQuotation(best.t.doc.text, best.start, best.end);
      const trailing = /[.,;:!?]+$/.exec(inner.trimEnd())?.[0] ?? '';
      const newText = /[.,;:!?]$/.test(wording) ? wording : wording + trailing;
      fixes.push({ title: `Use the source's wording: “${truncate(wording, 60)}”`, edits: [{ start: quote.innerStart, end: quote.innerEnd, newText }] });
    }
  }
  const where = targets.map(describe).join('; ');
  const found = elsewhere.length ? ` It is in ${elsewhere.join('; ')}.` : '';
  report('quoteMismatch', quote.start, quote.end, `This quotation is not in ${where} word for word.${found}`, fixes);
}

function checkConfidence(prose: string, sentence: MemoSentence, targets: Target[], report: Report): void {
  const said = findConfidence(prose.slice(sentence.start, sentence.end));
  if (!said.length) return;
  let strongest: { level: ConfidenceLevel; phrase: string; target: Target } | undefined;
  for (const t of targets) {
    for (const { level, phrase } of sourceConfidence(t)) if (!strongest || level > strongest.level) strongest = { level, phrase, target: t };
  }
  if (!strongest) return; // the source is not estimative here: nothing to compare with
  for (const m of said) {
    if (m.level <= strongest.level) continue;
    const start = sentence.start + m.start;
    const term = termFor(strongest.level, m.phrase);
    const fixes = term ? [{ title: `Use the source's confidence: “${term}”`, edits: [{ start, end: start + m.phrase.length, newText: matchCase(term, m.phrase) }] }] : undefined;
    report(
      'confidence',
      start,
      start + m.phrase.length,
      `“${oneLine(m.phrase)}” (${levelName(m.level)}) is stronger than the cited source: ${describe(strongest.target)} says “${oneLine(strongest.phrase)}” (${levelName(strongest.level)}).`,
      fixes,
    );
  }
}

// A level's usual wording, as an adverb ("will probably continue") or as an adjective ("is likely
// to", which also reads as an adverb in "will likely continue"). Even chances have no drop-in word.
const ADVERB: Partial<Record<ConfidenceLevel, string>> = { 2: 'very probably not', 3: 'probably not', 5: 'probably', 6: 'very probably' };
const ADJECTIVE: Partial<Record<ConfidenceLevel, string>> = { 2: 'very unlikely', 3: 'unlikely', 5: 'likely', 6: 'very likely' };

/** The memo's phrase toned down to a level, in the same part of speech, when a drop-in word exists. */
function termFor(level: ConfidenceLevel, phrase: string): string | undefined {
  const adverb = /(?:ly|probably)$/i.test(phrase.trim()) && !/likely$/i.test(phrase.trim());
  return (adverb ? ADVERB : ADJECTIVE)[level];
}

/** Estimative phrases of the cited paragraphs: the extraction's per claim, else found in the text. */
function sourceConfidence(t: Target): Array<{ level: ConfidenceLevel; phrase: string }> {
  const inScope = (paragraph: number) => !t.paragraphs.length || t.paragraphs.includes(paragraph);
  const out: Array<{ level: ConfidenceLevel; phrase: string }> = [];
  for (const claim of t.doc.extraction.claims) {
    if (!claim.confidence || claim.hidden || !inScope(claim.paragraph)) continue;
    const level = confidenceLevel(claim.confidence);
    if (level) out.push({ level, phrase: claim.confidence });
  }
  if (out.length || !t.paragraphs.length) return out;
  for (const n of t.paragraphs) {
    const r = paragraphRange(t.doc, n);
    if (r) for (const m of findConfidence(t.doc.text.slice(r.start, r.end))) out.push({ level: m.level, phrase: m.phrase });
  }
  return out;
}

/** A cited figure that one source gives and another contradicts, when the memo cites no source of the other side. */
function checkOneSidedConflict(f: FigureMatch, targets: Target[], groups: EvidenceGroup[], cited: Set<string>, report: Report): void {
  if (!groups.length) return;
  for (const t of targets) {
    const own = t.doc.extraction.figures.find((g) => (!t.paragraphs.length || t.paragraphs.includes(g.paragraph)) && matches(f, g));
    if (!own) continue;
    const group = groupOfFigure(groups, t.doc.path, own.id);
    const self = group?.figures.find((g) => g.path === t.doc.path && g.figureId === own.id);
    if (!group || !self) continue;
    const other = group.figures.filter((g) => g.path !== t.doc.path && !figuresAgree(self, g));
    if (!other.length || other.some((g) => cited.has(g.citekey))) continue;
    const first = other[0];
    const more = other.length > 1 ? ` (and ${other.length - 1} more)` : '';
    report('oneSidedConflict', f.start, f.end, `${oneLine(f.text)} is one side of a conflict on ${group.measure}: ${first.citekey}, para. ${first.paragraph} gives ${oneLine(first.text)}${more}, and this memo does not cite it.`, [
      { title: `Cite ${first.citekey}, para. ${first.paragraph} as well`, edits: [{ start: t.item.end, end: t.item.end, newText: `; @${first.citekey}, para. ${first.paragraph}` }] },
    ]);
    return;
  }
}

function checkUncitedFigures(text: string, sentence: MemoSentence, figures: FigureMatch[], sources: MemoSources, report: Report): void {
  // Years and bare small counts are everywhere; a citation for them is not what the writer misses.
  const worth = figures.filter((f) => f.unit !== 'year' && !(f.unit === 'count' && f.value < 10));
  if (!worth.length) return;
  const byQuantity = figuresByQuantity(sources);
  const insertAt = citationInsertionPoint(text, sentence);
  for (const f of worth) {
    const hits = (byQuantity.get(quantityKey(f)) ?? []).filter((h) => matches(f, h.figure));
    if (!hits.length) continue;
    const seen = new Set<string>();
    const fixes: MemoFix[] = [];
    for (const h of hits) {
      const id = `${h.doc.citekey}#${h.figure.paragraph}`;
      if (seen.has(id)) continue;
      seen.add(id);
      if (fixes.length < MAX_FIXES) {
        fixes.push({ title: `Cite ${h.doc.citekey}, para. ${h.figure.paragraph}`, edits: [{ start: insertAt, end: insertAt, newText: ' ' + formatCitation(h.doc.citekey, h.figure.paragraph) }] });
      }
    }
    const first = hits[0];
    const more = seen.size > 1 ? ` and ${seen.size - 1} more place${seen.size > 2 ? 's' : ''}` : '';
    report('uncitedFigure', f.start, f.end, `${oneLine(f.text)} has no citation; it matches ${oneLine(first.figure.text)} in ${first.doc.citekey}, para. ${first.figure.paragraph}${more}.`, fixes);
  }
}

/** Where a citation for a whole sentence goes: before its final punctuation, after any closing quote. */
export function citationInsertionPoint(text: string, sentence: { start: number; end: number }): number {
  let at = sentence.end;
  while (at > sentence.start && /\s/.test(text[at - 1])) at--;
  let p = at;
  while (p > sentence.start && /[.!?…:;]/.test(text[p - 1])) p--;
  return p > sentence.start ? p : at;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** The replacement keeps the memo's capitalisation of its first letter ("More than" at a sentence start). */
function matchCase(replacement: string, original: string): string {
  const o = original[0];
  const r = replacement[0];
  if (!o || !r || !/\p{L}/u.test(o)) return replacement;
  if (o === o.toUpperCase() && /^\p{Ll}/u.test(replacement)) return r.toUpperCase() + replacement.slice(1);
  // Lower only a capitalised word ("More than"), never an acronym or code ("US$").
  if (o !== o.toUpperCase() && /^\p{Lu}\p{Ll}/u.test(replacement)) return r.toLowerCase() + replacement.slice(1);
  return replacement;
}
