// Entity corrections (rename, merge, type, aliases, note, hide), applied so that applying them again
// to their own result changes nothing.
//
// How: corrections name entities, and an entity answers to its names (its name and former names)
// and then to its aliases. The result keeps every name a group of entities answers to (the chosen
// name plus `formerNames`, the union of aliases, hidden entities aside in `hiddenEntities`), so a
// second application resolves every correction to the same group as the first did. The groups are
// computed as a closure: each round resolves all corrections against the current groups and may
// only join groups, give a group a name (a rename) or an alias; nothing is ever taken away, so the
// rounds stop, and the last one, which changed nothing, is exactly what a second application sees.
import type { Entity, Span } from '../model';
import { entityId, matchKey } from '../text/keys';
import type { Curation, EntityCorrection } from './types';

type Report = (code: string, message: string, at?: Span) => void;

/** The entities after curation, and where each extracted name and id went (null: hidden). */
export interface CuratedEntities {
  entities: Entity[];
  hiddenEntities: Entity[];
  /** A speaker or figure source as curated: the name of the entity it named, or as written. */
  finalName(name: string): string;
  /** An entity id as curated, or null when its entity was hidden. */
  finalId(id: string): string | null;
  /** A curated speaker: resolved like an entity correction; an ambiguous or unknown name stays as written. */
  resolveSpeaker(speaker: string): string;
}

interface Group {
  root: number;
  members: number[];
  names: Set<string>;
  aliases: Set<string>;
}

const AMBIGUOUS = 'ambiguous' as const;
type Resolved = Group | typeof AMBIGUOUS | undefined;

export function curateEntities(visible: readonly Entity[], hidden: readonly Entity[], curation: Curation, report: Report): CuratedEntities {
  // Hidden entities of an earlier application take part again: a correction that named one then names it now.
  const pool = [...visible, ...hidden];
  const parent = pool.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  /** Rename targets given to an entity's group, and aliases added to it, by entity index. */
  const givenNames = pool.map((): string[] => []);
  const givenAliases = pool.map((): string[] => []);
  const corrections = curation.entities.filter((c) => !c.hidden);
  const renames = curation.entities.filter((c) => c.rename);
  const renameTargets = new Map(renames.map((c) => [matchKey(c.name), c.rename!]));
  const finalRename = (name: string): string => {
    // A chain of renames in one sidecar (A → B, B → C) is one rename to its end (A → C).
    let current = name;
    for (let hops = 0; renameTargets.has(matchKey(current)) && hops < 50; hops++) {
      const next = renameTargets.get(matchKey(current))!;
      if (matchKey(next) === matchKey(current)) break;
      current = next;
    }
    return current;
  };
  const renameResults = new Set(renames.map((c) => matchKey(finalRename(c.name))));

  let groups: Snapshot;
  for (;;) {
    groups = snapshot(pool, find, givenNames, givenAliases);
    let grew = false;
    for (const c of corrections) {
      const s = groups.resolve(c.name);
      if (!isGroup(s)) continue;
      if (c.rename) {
        const target = finalRename(c.name);
        const key = matchKey(target);
        const others = groups.nameOwners(key).filter((g) => g !== s);
        // Renaming onto another entity's name (or onto the name another rename gave) is a merge into it.
        if (others.length === 1 && find(others[0].root) !== find(s.root)) {
          parent[find(s.root)] = find(others[0].root);
          grew = true;
        } else if (others.length === 0 && !s.names.has(key)) {
          givenNames[s.root].push(target);
          s.names.add(key);
          grew = true;
        }
      }
      if (c.mergeInto) {
        const into = groups.resolve(c.mergeInto, s);
        if (isGroup(into) && find(into.root) !== find(s.root)) {
          parent[find(s.root)] = find(into.root);
          grew = true;
        }
      }
      for (const alias of c.aliases ?? []) {
        const key = matchKey(alias);
        // An alias that names another entity is not added: it would make corrections using it ambiguous.
        if (!key || s.aliases.has(key) || groups.aliasOwners(key).some((g) => g !== s)) continue;
        givenAliases[s.root].push(alias);
        s.aliases.add(key);
        grew = true;
      }
    }
    if (!grew) break;
  }

  // The groups are final: read every correction against them once, for the result and the problems.
  const renamedTo = new Map<Group, string>();
  const typeOf = new Map<Group, Entity['type']>();
  const noteOf = new Map<Group, string>();
  const touched = new Map<Group, Set<string>>();
  const touch = (g: Group, field: string) => (touched.get(g) ?? touched.set(g, new Set()).get(g)!).add(field);
  for (const c of corrections) {
    const s = groups.resolve(c.name);
    if (!isGroup(s)) {
      reportUnresolved(report, c, s);
      continue;
    }
    if (c.rename && !renamedTo.has(s)) renamedTo.set(s, finalRename(c.name));
    if (c.type) typeOf.set(s, c.type);
    if (c.note) {
      noteOf.set(s, c.note);
      touch(s, 'note');
    }
    if (c.aliases) touch(s, 'aliases');
    for (const alias of c.aliases ?? []) {
      if (!s.aliases.has(matchKey(alias))) report('sidecar-alias-taken', `"${alias}" already names another entity, so it was not added as an alias of "${c.name}" (corrections using it would no longer know which entity they mean).`, c.at);
    }
    if (c.mergeInto) {
      const into = groups.resolve(c.mergeInto, s);
      if (into === AMBIGUOUS) report('sidecar-entity-ambiguous', `"${c.mergeInto}" names several entities; merge into one by its canonical name.`, c.at);
      else if (!into && !s.names.has(matchKey(c.mergeInto)) && !s.aliases.has(matchKey(c.mergeInto))) {
        report('sidecar-entity-unmatched', `"${c.name}" cannot be merged into "${c.mergeInto}": no extracted entity has that name.`, c.at);
      }
    }
  }
  const hiddenGroups = new Set<Group>();
  for (const c of curation.entities.filter((x) => x.hidden)) {
    const target = groups.resolve(c.name, undefined, false);
    if (target === AMBIGUOUS) report('sidecar-entity-ambiguous', `Several entities are or were named "${c.name}"; name the one to hide by its current name.`, c.at);
    else if (target) {
      // Never hides the entity a rename in this sidecar names.
      if (!renameResults.has(matchKey(nameOf(target)))) hiddenGroups.add(target);
    } else if (groups.resolve(c.name) === undefined) report('sidecar-entity-unmatched', `No extracted entity is named "${c.name}", so it was not hidden.`, c.at);
  }

  function nameOf(g: Group): string {
    const base = pool[g.root].name;
    // An entity already carrying a name this sidecar renames to is not renamed again.
    if (renameResults.has(matchKey(base))) return base;
    const target = renamedTo.get(g);
    return target === undefined || matchKey(target) === matchKey(base) ? base : target;
  }

  // Build the result: each group one entity, at the place of its root (the entity merged into).
  const reserved = new Set(pool.map((e) => e.id));
  const taken = new Set<string>();
  const built = new Map<Group, Entity>();
  for (const g of groups.all) {
    const root = pool[g.root];
    const members = g.members.map((i) => pool[i]);
    const name = nameOf(g);
    const type = typeOf.get(g) ?? root.type;
    const merged = members.length > 1;
    const fields = new Set([...members.flatMap((m) => m.curated ?? []), ...(touched.get(g) ?? [])]);
    if (name !== root.name) fields.add('name');
    if (type !== root.type) fields.add('type');
    // The root's aliases as they are, then the others' and the added ones that are new.
    const aliases = [...root.aliases];
    const aliasKeys = new Set(aliases.map(matchKey));
    for (const alias of [...members.slice(1).flatMap((m) => m.aliases), ...g.members.flatMap((i) => givenAliases[i])]) {
      if (aliasKeys.has(matchKey(alias))) continue;
      aliases.push(alias);
      aliasKeys.add(matchKey(alias));
    }
    if (merged || aliases.length > root.aliases.length) fields.add('aliases');
    const formerNames = uniqueByKey([...members.flatMap((m) => [m.name, ...(m.formerNames ?? [])]), ...g.members.flatMap((i) => givenNames[i])]).filter((n) => matchKey(n) !== matchKey(name));
    const starts = new Set<number>();
    const mentions = merged ? members.flatMap((m) => m.mentions).filter((m) => !starts.has(m.span.start) && !!starts.add(m.span.start)).sort((a, b) => a.span.start - b.span.start) : [...root.mentions];
    const note = noteOf.get(g) ?? members.find((m) => m.note)?.note;
    let id = root.id;
    if (type !== root.type || name !== root.name) {
      const wanted = entityId(type, name);
      if (members.some((m) => m.id === wanted) || (!reserved.has(wanted) && !taken.has(wanted))) id = wanted;
    }
    taken.add(id);
    const entity: Entity = { ...root, id, name, type, aliases, mentions };
    if (root.descriptions) entity.descriptions = [...root.descriptions];
    if (merged) {
      const descriptions = [...new Set(members.flatMap((m) => m.descriptions ?? []))];
      if (descriptions.length) entity.descriptions = descriptions;
    }
    if (note) entity.note = note;
    if (fields.size) entity.curated = [...fields].sort();
    if (formerNames.length) entity.formerNames = formerNames;
    else delete entity.formerNames;
    built.set(g, entity);
  }

  const nameOwner = new Map<string, string | null>();
  const idOwner = new Map<string, string | null>();
  pool.forEach((e, i) => {
    const g = groups.of(i);
    const out = hiddenGroups.has(g) ? null : built.get(g)!;
    nameOwner.set(e.name, out ? out.name : null);
    idOwner.set(e.id, out ? out.id : null);
  });
  return {
    entities: groups.all.filter((g) => !hiddenGroups.has(g)).map((g) => built.get(g)!),
    hiddenEntities: groups.all.filter((g) => hiddenGroups.has(g)).map((g) => built.get(g)!),
    finalName: (name) => nameOwner.get(name) || name,
    finalId: (id) => (idOwner.has(id) ? idOwner.get(id)! : id),
    resolveSpeaker: (speaker) => {
      if (matchKey(speaker) === 'author') return 'author';
      const g = groups.resolve(speaker);
      if (g === AMBIGUOUS) return speaker;
      if (g) return hiddenGroups.has(g) ? speaker : built.get(g)!.name;
      return nameOwner.get(speaker) || speaker;
    },
  };
}

function isGroup(r: Resolved): r is Group {
  return r !== undefined && r !== AMBIGUOUS;
}

function reportUnresolved(report: Report, c: EntityCorrection, r: Resolved): void {
  if (r === AMBIGUOUS) report('sidecar-entity-ambiguous', `"${c.name}" names several entities; name the entity by its canonical name.`, c.at);
  else report('sidecar-entity-unmatched', `No extracted entity is named "${c.name}", so its correction was not applied.`, c.at);
}

interface Snapshot {
  /** Groups in the order of their roots. */
  all: Group[];
  of(index: number): Group;
  nameOwners(key: string): Group[];
  aliasOwners(key: string): Group[];
  /** The group a name means: the one it is a name of, else the one it is an alias of; `except` is left out. */
  resolve(name: string, except?: Group, withAliases?: boolean): Resolved;
}

function snapshot(pool: readonly Entity[], find: (i: number) => number, givenNames: string[][], givenAliases: string[][]): Snapshot {
  const byRoot = new Map<number, Group>();
  const of: Group[] = [];
  pool.forEach((e, i) => {
    const root = find(i);
    let g = byRoot.get(root);
    if (!g) byRoot.set(root, (g = { root, members: [], names: new Set(), aliases: new Set() }));
    g.members.push(i);
    for (const n of [e.name, ...(e.formerNames ?? []), ...givenNames[i]]) g.names.add(matchKey(n));
    for (const a of [...e.aliases, ...givenAliases[i]]) g.aliases.add(matchKey(a));
    of[i] = g;
  });
  // The root comes first among its members: it gives the group its place, name, type and id.
  for (const g of byRoot.values()) g.members.sort((a, b) => (a === g.root ? -1 : b === g.root ? 1 : a - b));
  const all = [...byRoot.values()].sort((a, b) => a.root - b.root);
  const owners = (pick: (g: Group) => Set<string>) => {
    const map = new Map<string, Group[]>();
    for (const g of all) for (const k of pick(g)) (map.get(k) ?? map.set(k, []).get(k)!).push(g);
    return (key: string): Group[] => map.get(key) ?? [];
  };
  const nameOwners = owners((g) => g.names);
  const aliasOwners = owners((g) => g.aliases);
  const pick = (list: Group[]): Resolved => (list.length === 1 ? list[0] : list.length > 1 ? AMBIGUOUS : undefined);
  return {
    all,
    of: (i) => of[i],
    nameOwners,
    aliasOwners,
    resolve(name, except, withAliases = true) {
      const key = matchKey(name);
      const named = pick(nameOwners(key).filter((g) => g !== except));
      if (named || !withAliases) return named;
      return pick(aliasOwners(key).filter((g) => g !== except));
    },
  };
}

function uniqueByKey(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(matchKey(n)) && !!seen.add(matchKey(n)));
}
