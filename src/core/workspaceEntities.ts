// One person or body named in several sources is one workspace entity. Sources are extracted on
// their own, so here their entities are joined: same type, and a canonical name of one equals the
// canonical name or a multi-word alias of the other. A sidecar that corrects an entity's canonical
// name therefore also corrects how it joins across the workspace.
import type { Claim, Entity, EntityType, SourceDoc } from './model';
import { entityId, nameKey } from './text/keys';

/** One entity of one source. */
export interface EntityOccurrence {
  doc: SourceDoc;
  entity: Entity;
}

export interface ClaimRef {
  doc: SourceDoc;
  claim: Claim;
}

export interface WorkspaceEntity {
  /** `type:slug` of the canonical name, stable across sources. */
  id: string;
  name: string;
  type: EntityType;
  /** Every surface form across all sources, canonical name first. */
  aliases: string[];
  occurrences: EntityOccurrence[];
  mentionCount: number;
  /** Claims whose speaker is this entity. */
  claimsBy: ClaimRef[];
  /** Claims that name this entity but are made by someone else. */
  claimsAbout: ClaimRef[];
}

// Kept across rebuilds: the index reuses a source's object while its text and sidecar are unchanged.
const tables = new WeakMap<SourceDoc, ReturnType<typeof claimTables>>();

/** A source's visible claims by speaker and by entity named, built once per source. */
function claimTables(doc: SourceDoc): { bySpeaker: Map<string, Claim[]>; byEntity: Map<string, Claim[]> } {
  const bySpeaker = new Map<string, Claim[]>();
  const byEntity = new Map<string, Claim[]>();
  const push = (map: Map<string, Claim[]>, key: string, claim: Claim): void => {
    const list = map.get(key);
    if (list) list.push(claim);
    else map.set(key, [claim]);
  };
  for (const claim of doc.extraction.claims) {
    if (claim.hidden) continue;
    push(bySpeaker, claim.speaker, claim);
    for (const id of claim.entityIds) push(byEntity, id, claim);
  }
  return { bySpeaker, byEntity };
}

/** Joins the entities of every source into workspace entities. */
export function buildWorkspaceEntities(docs: readonly SourceDoc[]): WorkspaceEntity[] {
  const claimsOf = (doc: SourceDoc) => {
    let t = tables.get(doc);
    if (!t) tables.set(doc, (t = claimTables(doc)));
    return t;
  };
  const occurrences: EntityOccurrence[] = [];
  for (const doc of docs) for (const entity of doc.extraction.entities) occurrences.push({ doc, entity });

  // Union-find over occurrences; joined through canonical names (exact) and multi-word aliases.
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byName = new Map<string, number>();
  occurrences.forEach(({ entity }, i) => {
    const key = entity.type + ':' + nameKey(entity.name);
    const seen = byName.get(key);
    if (seen === undefined) byName.set(key, i);
    else union(seen, i);
  });
  occurrences.forEach(({ entity }, i) => {
    for (const alias of entity.aliases) {
      const key = nameKey(alias);
      // A lone surname ("Trump") may name different people in different sources: it never joins.
      if (!key.includes(' ')) continue;
      const other = byName.get(entity.type + ':' + key);
      if (other !== undefined) union(other, i);
    }
  });

  const groups = new Map<number, EntityOccurrence[]>();
  occurrences.forEach((occ, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(occ);
    groups.set(root, list);
  });

  const out: WorkspaceEntity[] = [];
  for (const group of groups.values()) {
    const name = canonicalName(group);
    const type = group[0].entity.type;
    const aliases = new Map<string, string>([[nameKey(name), name]]);
    for (const { entity } of group) for (const a of [entity.name, ...entity.aliases]) if (!aliases.has(nameKey(a))) aliases.set(nameKey(a), a);
    const names = new Set(group.map((o) => o.doc.path + '\u0000' + o.entity.name));
    const claimsBy: ClaimRef[] = [];
    const claimsAbout: ClaimRef[] = [];
    const seen = new Set<Claim>();
    for (const { doc, entity } of group) {
      const claims = claimsOf(doc);
      for (const claim of claims.bySpeaker.get(entity.name) ?? []) {
        if (!seen.has(claim)) claimsBy.push({ doc, claim });
        seen.add(claim);
      }
      for (const claim of claims.byEntity.get(entity.id) ?? []) {
        if (seen.has(claim) || names.has(doc.path + '\u0000' + claim.speaker)) continue;
        seen.add(claim);
        claimsAbout.push({ doc, claim });
      }
    }
    const order = (a: ClaimRef, b: ClaimRef): number => (a.doc.path < b.doc.path ? -1 : a.doc.path > b.doc.path ? 1 : a.claim.span.start - b.claim.span.start);
    claimsBy.sort(order);
    claimsAbout.sort(order);
    out.push({
      id: entityId(type, name),
      name,
      type,
      aliases: [...aliases.values()],
      occurrences: group,
      mentionCount: group.reduce((n, o) => n + o.entity.mentions.length, 0),
      claimsBy,
      claimsAbout,
    });
  }
  return out.sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
}

/** The canonical name most sources use; ties go to the longer (fuller) name. */
function canonicalName(group: EntityOccurrence[]): string {
  const votes = new Map<string, number>();
  for (const { entity } of group) votes.set(entity.name, (votes.get(entity.name) ?? 0) + 1);
  return [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0][0];
}
