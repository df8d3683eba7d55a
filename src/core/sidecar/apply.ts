// Applying a sidecar's corrections to a fresh extraction.
import type { Claim, Entity, Extraction, Problem, Span } from '../model';
import { entityId, matchKey } from '../text/keys';
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
 * Applies the analyst's corrections to a fresh extraction. Pure (inputs are not mutated) and
 * idempotent: applying the result's corrections again changes nothing. Entity corrections run
 * first (renames and merges in file order, then hiding), so claim speakers and figure sources
 * follow renames and merges.
 */
export function applyCuration(extraction: Extraction, curation: Curation): CurationResult {
  const problems: Problem[] = [];
  const report = (code: string, message: string, at?: Span): void => {
    problems.push({ severity: 'warning', code, message, ...(curation.file ? { file: curation.file } : {}), ...(at ? { span: at } : {}) });
  };
  const entities: Entity[] = extraction.entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: [...e.mentions], ...(e.descriptions ? { descriptions: [...e.descriptions] } : {}) }));
  // Where each extracted id and canonical name ended up (null: hidden), so references follow.
  const idOwner = new Map<string, Entity | null>(entities.map((e) => [e.id, e]));
  const nameOwner = new Map<string, Entity | null>(entities.map((e) => [e.name, e]));
  const moveOwners = (from: Entity, to: Entity | null): void => {
    for (const owners of [idOwner, nameOwner]) for (const [k, v] of owners) if (v === from) owners.set(k, to);
  };

  // Names first, then names renamed or merged away, then aliases; an alias shared by several
  // entities names none of them. This order is what makes a second application a no-op.
  const find = (name: string, except?: Entity, withAliases = true): Entity | 'ambiguous' | undefined => {
    const key = matchKey(name);
    const others = entities.filter((e) => e !== except);
    const byName = others.find((e) => matchKey(e.name) === key);
    if (byName) return byName;
    for (const list of [others.filter((e) => e.formerNames?.some((n) => matchKey(n) === key)), withAliases ? others.filter((e) => e.aliases.some((a) => matchKey(a) === key)) : []]) {
      if (list.length === 1) return list[0];
      if (list.length > 1) return 'ambiguous';
    }
    return undefined;
  };
  // A chain of renames in one sidecar (A → B, B → C) is one rename to its end (A → C).
  const renameTargets = new Map(curation.entities.filter((c) => c.rename).map((c) => [matchKey(c.name), c.rename!]));
  const finalRename = (name: string): string => {
    let current = name;
    for (let hops = 0; renameTargets.has(matchKey(current)) && hops < 50; hops++) {
      const next = renameTargets.get(matchKey(current))!;
      if (matchKey(next) === matchKey(current)) break;
      current = next;
    }
    return current;
  };
  // An entity already carrying a name this sidecar renames to is not renamed again (first rename wins).
  const renameResults = new Set(curation.entities.filter((c) => c.rename).map((c) => matchKey(finalRename(c.name))));
  const absorb = (from: Entity, into: Entity): void => {
    mergeEntity(from, into);
    entities.splice(entities.indexOf(from), 1);
    moveOwners(from, into);
  };

  // Hiding runs after every rename and merge, and never hides a name this sidecar renames onto.
  const ordered = [...curation.entities.filter((c) => !c.hidden), ...curation.entities.filter((c) => c.hidden)];
  const pass = (report: (code: string, message: string, at?: Span) => void): void => { for (const c of ordered) {
    if (c.hidden) {
      const target = find(c.name, undefined, false);
      if (target && target !== 'ambiguous' && renameResults.has(matchKey(target.name))) continue;
      if (target === 'ambiguous') report('sidecar-entity-ambiguous', `Several entities were once named "${c.name}"; name the one to hide by its current name.`, c.at);
      else if (target) {
        entities.splice(entities.indexOf(target), 1);
        moveOwners(target, null);
      } else if (find(c.name) === undefined) {
        report('sidecar-entity-unmatched', `No extracted entity is named "${c.name}", so it was not hidden.`, c.at);
      }
      continue;
    }
    const found = find(c.name);
    if (found === 'ambiguous') {
      report('sidecar-entity-ambiguous', `"${c.name}" is an alias of several entities; name the entity by its canonical name.`, c.at);
      continue;
    }
    if (!found) {
      report('sidecar-entity-unmatched', `No extracted entity is named "${c.name}", so its correction was not applied.`, c.at);
      continue;
    }
    let entity: Entity = found;
    const fields: string[] = [];
    if (c.type && c.type !== entity.type) {
      entity.type = c.type;
      fields.push('type');
    }
    for (const alias of c.aliases ?? []) {
      if (!entity.aliases.some((a) => matchKey(a) === matchKey(alias))) entity.aliases.push(alias);
      fields.push('aliases');
    }
    if (c.note) {
      entity.note = c.note;
      fields.push('note');
    }
    const newName = c.rename ? finalRename(c.name) : undefined;
    if (newName && newName !== entity.name && !renameResults.has(matchKey(entity.name))) {
      entity.formerNames = unique([...(entity.formerNames ?? []), entity.name]);
      entity.name = newName;
      fields.push('name');
    }
    if (c.mergeInto) {
      const into = find(c.mergeInto, entity);
      if (into === 'ambiguous') report('sidecar-entity-ambiguous', `"${c.mergeInto}" is an alias of several entities; merge into one by its canonical name.`, c.at);
      else if (into) {
        absorb(entity, into);
        entity = into;
        fields.push('aliases');
      } else if (!(matchKey(c.mergeInto) === matchKey(entity.name) || entity.formerNames?.some((n) => matchKey(n) === matchKey(c.mergeInto!)) || entity.aliases.some((a) => matchKey(a) === matchKey(c.mergeInto!)))) {
        report('sidecar-entity-unmatched', `"${c.name}" cannot be merged into "${c.mergeInto}": no extracted entity has that name.`, c.at);
      }
    }
    if (fields.includes('type') || fields.includes('name')) {
      const newId = entityId(entity.type, entity.name);
      const clash = entities.find((e) => e !== entity && (e.id === newId || (fields.includes('name') && matchKey(e.name) === matchKey(entity.name))));
      if (clash) {
        // Renaming onto an existing entity is a merge.
        absorb(entity, clash);
        entity = clash;
      } else if (entity.id !== newId) {
        entity.id = newId;
      }
    }
    if (fields.length) entity.curated = union(entity.curated, fields);
  } };

  // Corrections can interact (a merge makes a shared alias unique, a hide frees a name), so the
  // result is their fixpoint: passes repeat until nothing changes. That is what makes curation
  // idempotent. Problems come from the first pass, which sees the extraction as it came.
  pass(report);
  for (let passes = 1, before = ''; passes < 8; passes++) {
    before = JSON.stringify(entities);
    pass(() => undefined);
    if (JSON.stringify(entities) === before) break;
    if (passes === 7) report('sidecar-entity-conflict', 'The entity corrections in this sidecar contradict each other; the result may change on every edit. Check renames and merges of the same names.');
  }

  const finalName = (name: string | null): string | null => (name !== null && nameOwner.get(name)?.name) || name;
  const finalId = (id: string): string | null => (idOwner.has(id) ? (idOwner.get(id)?.id ?? null) : id);

  // A curated speaker is named like an entity correction: name, former name, then a unique alias;
  // an ambiguous name stays as written.
  const resolveSpeaker = (speaker: string): string => {
    if (matchKey(speaker) === 'author') return 'author';
    const entity = find(speaker);
    if (entity === 'ambiguous') return speaker;
    return entity?.name ?? nameOwner.get(speaker)?.name ?? speaker;
  };

  const figures = extraction.figures.map((f) => ({ ...f, source: finalName(f.source) }));
  const claims: Claim[] = extraction.claims.map((claim) => ({
    ...claim,
    speaker: finalName(claim.speaker) ?? claim.speaker,
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
  return { extraction: { entities, figures, claims }, problems, claimMatches, newAnchors };
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

function mergeEntity(from: Entity, into: Entity): void {
  for (const alias of [from.name, ...from.aliases]) {
    if (!into.aliases.some((a) => matchKey(a) === matchKey(alias)) && from.aliases.some((a) => matchKey(a) === matchKey(alias))) into.aliases.push(alias);
  }
  const starts = new Set(into.mentions.map((m) => m.span.start));
  into.mentions = [...into.mentions, ...from.mentions.filter((m) => !starts.has(m.span.start))].sort((a, b) => a.span.start - b.span.start);
  if (from.descriptions?.length) into.descriptions = unique([...(into.descriptions ?? []), ...from.descriptions]);
  if (!into.note && from.note) into.note = from.note;
  into.formerNames = unique([...(into.formerNames ?? []), from.name, ...(from.formerNames ?? [])].filter((n) => matchKey(n) !== matchKey(into.name)));
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
