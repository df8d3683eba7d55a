// The sidecar `<source-name>.claimdesk.yaml` is the file an analyst edits by hand: bibliographic
// metadata plus corrections to the extraction. Reading it never fails the source; writing it goes
// through the `yaml` Document API so comments, key order and unknown keys survive every edit.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode, type Pair } from 'yaml';
import { CLAIM_KINDS, ENTITY_TYPES, type Claim, type ClaimKind, type Entity, type EntityType, type Extraction, type Problem, type SourceDoc, type SourceMeta, type Span } from './model';
import { metaFromYaml } from './meta/metadata';
import { entityId } from './text/keys';
import { LineIndex } from './text/lines';

/** A correction to one entity, matched by its name or any alias. */
export interface EntityCorrection {
  name: string;
  type?: EntityType;
  /** Extra surface forms that name the entity. */
  aliases?: string[];
  /** New canonical name; claim speakers and figure sources follow. */
  rename?: string;
  /** Name (or alias) of another entity this one is folded into. */
  mergeInto?: string;
  /** Drops a false entity. */
  hidden?: boolean;
  note?: string;
  /** Where the entry is in the sidecar, for problems. */
  at?: Span;
}

export type ClaimField = 'kind' | 'speaker' | 'confidence' | 'hidden' | 'note';
export const CLAIM_FIELDS: readonly ClaimField[] = ['kind', 'speaker', 'confidence', 'hidden', 'note'];

/** A correction to one claim, matched by its text anchor (when given) and then by id. */
export interface ClaimCorrection {
  /** Claim id when written, e.g. `c19.1` (the mapping key or an `id:` field). */
  id?: string;
  /** The claim's text or its beginning; survives edits that renumber claims. */
  text?: string;
  kind?: ClaimKind;
  speaker?: string;
  /** An estimative phrase, or null for "no confidence phrase". */
  confidence?: string | null;
  hidden?: boolean;
  note?: string;
  at?: Span;
}

/** Analyst corrections read from a sidecar. */
export interface Curation {
  /** The sidecar the corrections come from, for problems. */
  file?: string;
  entities: EntityCorrection[];
  claims: ClaimCorrection[];
}

export interface ParsedSidecar {
  citekey?: string;
  meta: SourceMeta;
  curation: Curation;
  problems: Problem[];
  /** False when the text is not valid YAML or not a mapping: such a sidecar is never overwritten. */
  valid: boolean;
}

/** No corrections (a sidecar that is empty, missing or unreadable). */
export function emptyCuration(file?: string): Curation {
  return { ...(file !== undefined ? { file } : {}), entities: [], claims: [] };
}

/** Top-level keys Claimdesk reads; any other key is kept untouched and reported once as info. */
const KNOWN_KEYS = new Set([
  'title', 'author', 'authors', 'affiliation', 'publisher', 'container-title', 'containerTitle', 'container',
  'issued', 'date', 'published', 'accessed', 'url', 'URL', 'license', 'type', 'citekey', 'entities', 'claims', 'note', 'notes',
]);

/** Parses a sidecar; malformed YAML yields a problem at its line and no curation (the file itself is never touched). */
export function parseSidecar(text: string, path: string): ParsedSidecar {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const problem = (severity: Problem['severity'], code: string, message: string, range?: readonly number[] | null): void => {
    const start = range?.[0] ?? 0;
    const end = Math.max(start, Math.min(text.length, range?.[1] ?? start));
    problems.push({ severity, code, message, file: path, span: lines.span(start, end) });
  };
  const invalid = (): ParsedSidecar => ({ meta: {}, curation: emptyCuration(path), problems, valid: false });

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch (e) {
    problem('error', 'sidecar-yaml', `The sidecar could not be read as YAML (${String(e)}). Claimdesk ignored it and will not overwrite it.`);
    return invalid();
  }
  if (doc.errors.length) {
    const err = doc.errors[0];
    problem('error', 'sidecar-yaml', `The sidecar is not valid YAML: ${yamlMessage(err.message)}. Claimdesk ignored it and will not overwrite it.`, err.pos);
    return invalid();
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { meta: {}, curation: emptyCuration(path), problems, valid: true };
  }
  if (!isMap(root)) {
    problem('error', 'sidecar-shape', 'The sidecar must be a YAML mapping (key: value lines); Claimdesk ignored it and will not overwrite it.', root.range);
    return invalid();
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch (e) {
    problem('error', 'sidecar-yaml', `The sidecar could not be read: ${String(e).split('\n')[0]}. Claimdesk ignored it and will not overwrite it.`);
    return invalid();
  }
  const seen = new Set<string>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const range = (pair.key as YamlNode | null)?.range;
    if (seen.has(key)) problem('warning', 'sidecar-duplicate-key', `"${key}" appears twice in the sidecar; the last one wins.`, range);
    seen.add(key);
    if (!KNOWN_KEYS.has(key)) problem('info', 'sidecar-unknown-key', `Claimdesk does not use the sidecar key "${key}"; it is kept as written.`, range);
  }

  // With a duplicated key the last one wins, as it does for the metadata read through toJS.
  const last = (key: string): unknown => [...root.items].reverse().find((p) => scalarText(p.key) === key)?.value;
  const entities = readEntityCorrections(last('entities'), problem, lines);
  const claims = readClaimCorrections(last('claims'), problem, lines);
  problems.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const citekey = data.citekey === undefined || data.citekey === null ? undefined : String(data.citekey);
  return { citekey, meta: metaFromYaml(data, 'sidecar'), curation: { file: path, entities, claims }, problems, valid: true };
}

/** The first line of a yaml error without its own "at line…" (the problem carries the position). */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
}

type Report = (severity: Problem['severity'], code: string, message: string, range?: readonly number[] | null) => void;

function readEntityCorrections(node: unknown, problem: Report, lines: LineIndex): EntityCorrection[] {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    problem('warning', 'sidecar-entities', '"entities:" must be a list of corrections ("- name: …"); it was ignored.', (node as YamlNode).range);
    return [];
  }
  const out: EntityCorrection[] = [];
  for (const item of node.items) {
    const range = (item as YamlNode | null)?.range;
    if (!isMap(item)) {
      problem('warning', 'sidecar-entities', 'Each entity correction is a mapping with at least "name:"; this one was ignored.', range);
      continue;
    }
    const name = stringField(item, 'name');
    if (!name) {
      problem('warning', 'sidecar-entities', 'An entity correction needs "name:" (the extracted name or an alias); this one was ignored.', range);
      continue;
    }
    const correction: EntityCorrection = { name, at: spanOf(range, lines) };
    const type = stringField(item, 'type');
    if (type !== undefined) {
      if ((ENTITY_TYPES as readonly string[]).includes(type)) correction.type = type as EntityType;
      else problem('warning', 'sidecar-value', `Entity type "${type}" is not one of ${ENTITY_TYPES.join(', ')}; it was ignored.`, fieldRange(item, 'type'));
    }
    const aliases = item.get('aliases', true);
    if (aliases !== undefined) {
      const list = isSeq(aliases) ? aliases.items.map(scalarText) : [scalarText(aliases)];
      correction.aliases = list.filter((a): a is string => !!a);
    }
    const rename = stringField(item, 'rename');
    if (rename) correction.rename = rename;
    const mergeInto = stringField(item, 'mergeInto') ?? stringField(item, 'merge-into');
    if (mergeInto) correction.mergeInto = mergeInto;
    const hidden = item.get('hidden');
    if (hidden !== undefined) correction.hidden = hidden === true;
    const note = stringField(item, 'note');
    if (note) correction.note = note;
    out.push(correction);
  }
  return out;
}

function readClaimCorrections(node: unknown, problem: Report, lines: LineIndex): ClaimCorrection[] {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  const entries: Array<{ id?: string; map: YAMLMap; range?: readonly number[] | null }> = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const id = scalarText(pair.key);
      if (!isMap(pair.value)) {
        problem('warning', 'sidecar-claims', `The correction for claim "${id}" must be a mapping (kind:, speaker:, confidence:, hidden:, note:); it was ignored.`, (pair.key as YamlNode | null)?.range);
        continue;
      }
      entries.push({ id, map: pair.value, range: (pair.key as YamlNode | null)?.range });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      if (!isMap(item)) {
        problem('warning', 'sidecar-claims', 'Each claim correction is a mapping with "id:" or "text:"; this one was ignored.', (item as YamlNode | null)?.range);
        continue;
      }
      entries.push({ id: stringField(item, 'id'), map: item, range: item.range });
    }
  } else {
    problem('warning', 'sidecar-claims', '"claims:" must map claim ids to corrections (or list them with "id:"/"text:"); it was ignored.', (node as YamlNode).range);
    return [];
  }
  const out: ClaimCorrection[] = [];
  for (const { id, map, range } of entries) {
    const text = stringField(map, 'text');
    if (!id && !text) {
      problem('warning', 'sidecar-claims', 'A claim correction needs an id or "text:" to find its claim; this one was ignored.', range);
      continue;
    }
    const correction: ClaimCorrection = { at: spanOf(range, lines) };
    if (id) correction.id = id;
    if (text) correction.text = text;
    const kind = stringField(map, 'kind');
    if (kind !== undefined) {
      if ((CLAIM_KINDS as readonly string[]).includes(kind)) correction.kind = kind as ClaimKind;
      else problem('warning', 'sidecar-value', `Claim kind "${kind}" is not one of ${CLAIM_KINDS.join(', ')}; it was ignored.`, fieldRange(map, 'kind'));
    }
    const speaker = stringField(map, 'speaker');
    if (speaker) correction.speaker = speaker;
    if (map.has('confidence')) {
      const confidence = map.get('confidence');
      correction.confidence = confidence === null || confidence === undefined || confidence === false || confidence === '' ? null : String(confidence);
    }
    const hidden = map.get('hidden');
    if (hidden !== undefined) correction.hidden = hidden === true;
    const note = stringField(map, 'note');
    if (note) correction.note = note;
    out.push(correction);
  }
  return out;
}

function spanOf(range: readonly number[] | null | undefined, lines: LineIndex): Span | undefined {
  return range ? lines.span(range[0], Math.max(range[0], range[1])) : undefined;
}

function stringField(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return undefined;
  const text = String(value).trim();
  return text || undefined;
}

function scalarText(node: unknown): string | undefined {
  if (isScalar(node)) return node.value === null || node.value === undefined ? undefined : String(node.value).trim() || undefined;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  return undefined;
}

function fieldRange(map: YAMLMap, key: string): readonly number[] | undefined {
  const pair = map.items.find((p) => scalarText(p.key) === key);
  return (pair?.value as YamlNode | null)?.range ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Applying corrections

export interface CurationResult {
  extraction: Extraction;
  problems: Problem[];
  /** For each claim correction (by index), the id of the claim it applied to, or undefined. */
  claimMatches: Array<string | undefined>;
  /** For each claim correction matched only by a reworded anchor, the anchor its claim now has. */
  newAnchors: Array<string | undefined>;
}

/** Folds text for matching: Unicode-normalised, quotes and dashes unified, spaces collapsed, case-folded. */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/(?:…|\.\.\.)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
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

// ---------------------------------------------------------------------------------------------
// Writing back

/** One change to a sidecar. A field set to `undefined` in `set` removes that correction. */
export type SidecarEdit =
  | { target: 'claim'; claim: { id: string; text: string }; set: { kind?: ClaimKind; speaker?: string; confidence?: string | null; hidden?: boolean; note?: string }; remove?: ClaimField[] }
  /** `aliases` are added to those the entry already lists. */
  | { target: 'entity'; name: string; set: { type?: EntityType; rename?: string; mergeInto?: string; hidden?: boolean; note?: string; aliases?: string[] }; remove?: Array<'type' | 'rename' | 'mergeInto' | 'hidden' | 'note' | 'aliases'> }
  /** Re-keys claim entries whose id drifted to the id their text anchor now matches (see `driftedClaims`). */
  | { target: 'reanchor'; moves: Array<{ from: string; to: string; text?: string }> }
  | { target: 'meta'; set: Record<string, string | undefined> };

export type SidecarWrite = { ok: true; text: string; changed: boolean } | { ok: false; error: string };

/**
 * Applies edits to a sidecar's text through the `yaml` Document API: comments, key order, quoting
 * and unknown keys are kept. Returns the text unchanged (byte for byte) when the edits change
 * nothing, and refuses a sidecar that does not parse (it is never overwritten).
 */
export function editSidecar(text: string, edits: SidecarEdit[]): SidecarWrite {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return { ok: false, error: `the sidecar is not valid YAML (${yamlMessage(doc.errors[0].message)}); fix it first, Claimdesk will not overwrite it` };
  if (doc.contents !== null && !isMap(doc.contents) && !(isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, error: 'the sidecar is not a YAML mapping; fix it first, Claimdesk will not overwrite it' };
  }
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as unknown as typeof doc.contents;
  const root = doc.contents as unknown as YAMLMap;
  let changed = false;
  for (const edit of edits) {
    if (edit.target === 'claim') changed = editClaim(doc, root, edit) || changed;
    else if (edit.target === 'entity') changed = editEntity(doc, root, edit) || changed;
    else if (edit.target === 'reanchor') changed = reanchor(doc, root, edit.moves) || changed;
    else changed = editMeta(doc, root, edit.set) || changed;
  }
  if (!changed) return { ok: true, text, changed: false };
  let out = doc.toString({ lineWidth: 0, indent: detectIndent(text), flowCollectionPadding: detectFlowPadding(text) });
  // Keep the file's line endings and byte order mark (the Document API writes LF, no BOM).
  if (text.includes('\r\n')) out = out.replace(/\r?\n/g, '\r\n');
  if (text.charCodeAt(0) === 0xfeff && out.charCodeAt(0) !== 0xfeff) out = '\uFEFF' + out;
  return { ok: true, text: out, changed: out !== text };
}

/** Whether the analyst writes `[ a, b ]` or `[a, b]`: the re-rendered flow collections follow suit. */
function detectFlowPadding(text: string): boolean {
  const padded = text.match(/[:-]\s*[[{] \S/g)?.length ?? 0;
  const tight = text.match(/[:-]\s*[[{][^\s\]}]/g)?.length ?? 0;
  return padded > tight;
}

function detectIndent(text: string): number {
  const m = /\n( +)\S/.exec(text);
  return m ? Math.min(8, Math.max(2, m[1].length)) : 2;
}

/** Returns the collection at `key`, creating a block one (or replacing a null/empty flow value) when needed. */
function collectionAt<T extends YAMLMap | YAMLSeq>(doc: Document, parent: YAMLMap, key: string, make: () => T, isKind: (n: unknown) => n is T): T {
  const current = parent.get(key, true);
  if (isKind(current)) {
    if (current.flow && current.items.length === 0) current.flow = false;
    return current;
  }
  const fresh = make();
  const pair = parent.items.find((p) => scalarText(p.key) === key);
  if (pair) pair.value = fresh;
  else parent.add(doc.createPair(key, fresh));
  return fresh;
}

/** Sets or removes one key of a mapping; true when the mapping changed. */
function setField(doc: Document, map: YAMLMap, key: string, value: unknown): boolean {
  const pair = map.items.find((p) => scalarText(p.key) === key) as Pair<unknown, unknown> | undefined;
  if (value === undefined) {
    if (!pair) return false;
    map.items.splice(map.items.indexOf(pair as never), 1);
    return true;
  }
  if (pair) {
    const current = pair.value;
    if (isScalar(current) && current.value === value) return false;
    if (isSeq(current) && Array.isArray(value) && JSON.stringify(current.toJSON()) === JSON.stringify(value)) return false;
    if (isScalar(current) && !Array.isArray(value)) {
      current.value = value; // keeps the scalar's comments
      if (typeof value === 'string' && current.type === Scalar.PLAIN && needsQuotes(value)) current.type = Scalar.QUOTE_DOUBLE;
      return true;
    }
    pair.value = doc.createNode(value);
    return true;
  }
  map.add(doc.createPair(key, value));
  return true;
}

function needsQuotes(value: string): boolean {
  return /^[\s'"&*!|>%@`#{}[\],?:-]|[:#]\s|\s$|^(?:true|false|null|yes|no|on|off|~|[-+.\d])/i.test(value);
}

function editClaim(doc: Document, root: YAMLMap, edit: Extract<SidecarEdit, { target: 'claim' }>): boolean {
  const setsSomething = Object.values(edit.set).some((v) => v !== undefined);
  const existing = root.get('claims', true);
  if (!setsSomething && !findClaimEntry(existing, edit.claim)) return false;
  let entry: YAMLMap | undefined;
  let changed = false;
  if (isSeq(existing)) {
    entry = existing.items.find((item): item is YAMLMap => isMap(item) && entryMatches(stringField(item, 'id'), stringField(item, 'text'), edit.claim)) as YAMLMap | undefined;
    if (!entry) {
      entry = doc.createNode({ id: edit.claim.id, text: claimAnchor(edit.claim.text) }) as YAMLMap;
      existing.items.push(entry);
      changed = true;
    }
  } else {
    const claims = collectionAt(doc, root, 'claims', () => new YAMLMap(), isMap as (n: unknown) => n is YAMLMap);
    const pair = claims.items.find((p) => isMap(p.value) && entryMatches(scalarText(p.key), stringField(p.value, 'text'), edit.claim));
    if (pair) entry = pair.value as YAMLMap;
    else {
      entry = doc.createNode({ text: claimAnchor(edit.claim.text) }) as YAMLMap;
      claims.add(doc.createPair(edit.claim.id, entry));
      changed = true;
    }
  }
  for (const field of CLAIM_FIELDS) {
    if (field in edit.set) changed = setField(doc, entry, field, edit.set[field]) || changed;
  }
  for (const field of edit.remove ?? []) changed = setField(doc, entry, field, undefined) || changed;
  return changed;
}

function findClaimEntry(claims: unknown, claim: { id: string; text: string }): YAMLMap | undefined {
  if (isSeq(claims)) return claims.items.find((item): item is YAMLMap => isMap(item) && entryMatches(stringField(item, 'id'), stringField(item, 'text'), claim)) as YAMLMap | undefined;
  if (isMap(claims)) return claims.items.find((p) => isMap(p.value) && entryMatches(scalarText(p.key), stringField(p.value, 'text'), claim))?.value as YAMLMap | undefined;
  return undefined;
}

function entryMatches(id: string | undefined, text: string | undefined, claim: { id: string; text: string }): boolean {
  if (text) return matchKey(claim.text).startsWith(matchKey(text)) && !!matchKey(text);
  return id === claim.id;
}

function editEntity(doc: Document, root: YAMLMap, edit: Extract<SidecarEdit, { target: 'entity' }>): boolean {
  if (!Object.values(edit.set).some((v) => v !== undefined) && !isSeq(root.get('entities', true))) return false;
  const list = collectionAt(doc, root, 'entities', () => new YAMLSeq(), isSeq as (n: unknown) => n is YAMLSeq);
  const key = matchKey(edit.name);
  let entry = list.items.find((item): item is YAMLMap => isMap(item) && matchKey(stringField(item, 'name') ?? '') === key) as YAMLMap | undefined;
  let changed = false;
  if (!entry) {
    if (!Object.values(edit.set).some((v) => v !== undefined)) return false;
    entry = doc.createNode({ name: edit.name }) as YAMLMap;
    list.items.push(entry);
    changed = true;
  }
  for (const [field, value] of Object.entries(edit.set)) {
    if (field === 'aliases' && Array.isArray(value)) changed = addAliases(doc, entry, value) || changed;
    else changed = setField(doc, entry, field, value) || changed;
  }
  for (const field of edit.remove ?? []) changed = setField(doc, entry, field, undefined) || changed;
  return changed;
}

/** Adds aliases to an entity entry's list, keeping those already written. */
function addAliases(doc: Document, entry: YAMLMap, aliases: string[]): boolean {
  const current = entry.get('aliases', true);
  if (!isSeq(current)) return setField(doc, entry, 'aliases', aliases);
  const known = new Set(current.items.map((a) => matchKey(scalarText(a) ?? '')));
  const added = aliases.filter((a) => !known.has(matchKey(a)));
  for (const alias of added) current.items.push(doc.createNode(alias));
  return added.length > 0;
}

function reanchor(doc: Document, root: YAMLMap, moves: Array<{ from: string; to: string; text?: string }>): boolean {
  const claims = root.get('claims', true);
  if (!isMap(claims)) return false;
  let changed = false;
  const taken = new Set(claims.items.map((p) => scalarText(p.key)));
  for (const { from, to, text } of moves) {
    const pair = claims.items.find((p) => scalarText(p.key) === from);
    if (!pair) continue;
    if (text && isMap(pair.value)) changed = setField(doc, pair.value, 'text', text) || changed;
    if (from === to || taken.has(to)) continue;
    if (isScalar(pair.key)) pair.key.value = to; // keeps the key's comments
    else pair.key = new Scalar(to);
    taken.delete(from);
    taken.add(to);
    changed = true;
  }
  return changed;
}

/** Claim entries whose id now names another sentence or whose anchor was reworded: their new id and anchor. */
export function driftedClaims(curation: Curation, result: CurationResult): Array<{ from: string; to: string; text?: string }> {
  const moves: Array<{ from: string; to: string; text?: string }> = [];
  curation.claims.forEach((c, i) => {
    const now = result.claimMatches[i];
    const text = result.newAnchors[i];
    if (c.id && c.text && now && (now !== c.id || text)) moves.push({ from: c.id, to: now, ...(text ? { text } : {}) });
  });
  return moves;
}

function editMeta(doc: Document, root: YAMLMap, set: Record<string, string | undefined>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(set)) changed = setField(doc, root, key, value) || changed;
  return changed;
}

/** A new sidecar for a source: documented header, its metadata (to verify) and its citekey. */
export function newSidecarText(source: Pick<SourceDoc, 'path' | 'citekey' | 'meta'> & { citekeyBase?: string }): string {
  const name = source.path.replace(/^.*[/\\]/, '');
  const meta = source.meta;
  const fields: Record<string, unknown> = {};
  if (meta.title) fields.title = meta.title;
  if (meta.authors?.length) fields.author = meta.authors.length === 1 ? meta.authors[0] : meta.authors;
  if (meta.affiliation) fields.affiliation = meta.affiliation;
  if (meta.publisher) fields.publisher = meta.publisher;
  if (meta.containerTitle) fields['container-title'] = meta.containerTitle;
  if (meta.issued) fields.issued = meta.issued;
  if (meta.accessed) fields.accessed = meta.accessed;
  if (meta.url) fields.url = meta.url;
  if (meta.license) fields.license = meta.license;
  if (meta.type) fields.type = meta.type;
  fields.citekey = source.citekeyBase ?? source.citekey;
  const doc = new Document(fields);
  doc.commentBefore = [
    ` Claimdesk sidecar for ${name.replace(/[\r\n]+/g, ' ')}: bibliographic data and your corrections to the extraction.`,
    ' Claimdesk writes this file only when you ask (comments, order and unknown keys are kept).',
    ' Metadata below was read or inferred from the source: check it.',
    '',
    ' entities: corrections matched by the extracted name or any alias, e.g.',
    '   - name: Putin                 # as extracted',
    '     rename: Vladimir Putin      # canonical name; speakers and figure sources follow',
    '     type: person                # person | organization | place',
    '     aliases: [the Kremlin leader]',
    '   - name: the Kremlin',
    '     mergeInto: Russia           # fold into another entity (or hidden: true to drop it)',
    ' claims: keyed by claim id (c<paragraph>.<sentence>); "text:" holds the claim\'s first words',
    ' and wins when ids move after an edit, e.g.',
    '   c3.1:',
    '     text: "The first words of the claim"',
    '     kind: assessment            # quote | reported | fact | assessment | recommendation',
    '     speaker: author             # or an entity name',
    '     confidence: likely          # an estimative phrase, or null for none',
    '     hidden: true',
    '     note: why you changed it',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
