// Applying a sidecar's corrections to a fresh extraction.
import type { Claim, Extraction, Problem, Span } from '../model';
import { matchKey } from '../text/keys';
import { curateEntities } from './entities';
import type { ClaimCorrection, ClaimField, Curation } from './types';

export interface CurationResult {
  extraction: Extraction;
  problems: Problem[];
  /** For each claim correction (by index), the id of the claim it applied to, or undefined. */
  claimMatches: Array<string | undefined>;
  /** For each claim correction matched only by a reworded anchor, the anchor its claim now has. */
  newAnchors: Array<string | undefined>;
}

/**
 * Applies the analyst's corrections to an extraction. Pure (inputs are not mutated) and idempotent
 * by construction (see entities.ts): applying them again to the result changes nothing. Entity
 * corrections come first, so claim speakers and figure sources follow renames and merges.
 */
export function applyCuration(extraction: Extraction, curation: Curation): CurationResult {
  const problems: Problem[] = [];
  const report = (code: string, message: string, at?: Span): void => {
    problems.push({ severity: 'warning', code, message, ...(curation.file ? { file: curation.file } : {}), ...(at ? { span: at } : {}) });
  };
  const { entities, hiddenEntities, finalName, finalId, resolveSpeaker } = curateEntities(extraction.entities, extraction.hiddenEntities ?? [], curation, report);

  const figures = extraction.figures.map((f) => ({ ...f, source: f.source === null ? null : finalName(f.source) }));
  const claims: Claim[] = extraction.claims.map((claim) => ({
    ...claim,
    speaker: finalName(claim.speaker),
    entityIds: unique(claim.entityIds.map(finalId).filter((id): id is string => id !== null)),
    figureIds: [...claim.figureIds],
    ...(claim.curated ? { curated: [...claim.curated] } : {}),
  }));

  const byId = new Map(claims.map((c) => [c.id, c]));
  const claimMatches: Array<string | undefined> = [];
  const newAnchors: Array<string | undefined> = [];
  for (const c of curation.claims) {
    const { claim, reworded } = matchClaim(claims, byId, c);
    claimMatches.push(claim?.id);
    newAnchors.push(claim && reworded ? claimAnchor(claim.text) : undefined);
    if (claim && reworded) {
      problems.push({ severity: 'info', code: 'sidecar-claim-reworded', message: `The claim anchored by "${truncate(c.text ?? '', 60)}" was reworded; the correction was applied to ${claim.id} ("${truncate(claim.text, 60)}"). Run "Claimdesk: Update Sidecar" to refresh its anchor.`, ...(curation.file ? { file: curation.file } : {}), ...(c.at ? { span: c.at } : {}) });
    }
    if (!claim) {
      report('sidecar-claim-unmatched', c.text
        ? `No claim starts with "${truncate(c.text, 60)}"${c.id ? ` (it was ${c.id})` : ''}; the text changed, so this correction was not applied. Update its "text:" or remove it.`
        : `There is no claim ${c.id} in this source; its correction was not applied.`, c.at);
      continue;
    }
    const fields: ClaimField[] = [];
    if (c.kind) {
      claim.kind = c.kind;
      fields.push('kind');
    }
    if (c.speaker) {
      claim.speaker = resolveSpeaker(c.speaker);
      fields.push('speaker');
    }
    if (c.confidence !== undefined) {
      claim.confidence = c.confidence;
      fields.push('confidence');
    }
    if (c.hidden !== undefined) {
      if (c.hidden) claim.hidden = true;
      else delete claim.hidden;
      fields.push('hidden');
    }
    if (c.note) {
      claim.note = c.note;
      fields.push('note');
    }
    if (fields.length) claim.curated = union(claim.curated, fields);
  }
  return { extraction: { entities, figures, claims, ...(hiddenEntities.length ? { hiddenEntities } : {}) }, problems, claimMatches, newAnchors };
}

/**
 * Finds the claim a correction names: by text anchor first (ids drift when paragraphs move), then
 * by id. An anchor no claim starts with any more may match a reworded claim whose opening words
 * are still mostly the anchor's (typo fixes, a changed number); otherwise the correction is left
 * unapplied rather than landing on another sentence.
 */
function matchClaim(claims: Claim[], byId: Map<string, Claim>, c: ClaimCorrection): { claim?: Claim; reworded?: boolean } {
  if (!c.text) return { claim: c.id ? byId.get(c.id) : undefined };
  const anchor = matchKey(c.text);
  if (!anchor) return { claim: c.id ? byId.get(c.id) : undefined };
  const exact = claims.filter((claim) => matchKey(claim.text).startsWith(anchor));
  if (exact.length) return { claim: preferred(exact, c.id) };
  const wanted = words(anchor);
  if (wanted.length < 5) return {};
  const scored = claims.map((claim) => ({ claim, score: overlap(wanted, words(matchKey(claim.text)).slice(0, wanted.length + 2)) })).sort((a, b) => b.score - a.score);
  const top = scored[0];
  if (!top || top.score < 0.8) return {};
  // Two sentences that open alike are too close to call, unless one of them has the written id.
  const close = scored.filter((s) => s.score > top.score - 0.15).map((s) => s.claim);
  if (close.length > 1 && !close.some((claim) => claim.id === c.id)) return {};
  return { claim: preferred(close, c.id), reworded: true };
}

/** Among claims matching one anchor: the one with the written id, else the one nearest its paragraph. */
function preferred(candidates: Claim[], id: string | undefined): Claim {
  const same = candidates.find((claim) => claim.id === id);
  if (same) return same;
  const wanted = id ? Number(/^c(\d+)/.exec(id)?.[1] ?? NaN) : NaN;
  if (Number.isNaN(wanted)) return candidates[0];
  return [...candidates].sort((a, b) => Math.abs(a.paragraph - wanted) - Math.abs(b.paragraph - wanted))[0];
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Share of the wanted words (with repeats) found among the other words. */
function overlap(wanted: string[], other: string[]): number {
  const pool = new Map<string, number>();
  for (const w of other) pool.set(w, (pool.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of wanted) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      found++;
      pool.set(w, n - 1);
    }
  }
  return found / wanted.length;
}

function union<T>(existing: T[] | undefined, added: T[]): T[] {
  return unique([...(existing ?? []), ...added]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** The anchor the write-back stores for a claim: its text, or its first words when long. */
export function claimAnchor(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}
