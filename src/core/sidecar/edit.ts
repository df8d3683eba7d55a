// Writing a sidecar back: through the `yaml` Document API, so comments, key order, quoting and
// unknown keys survive every edit.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Pair } from 'yaml';
import type { ClaimKind, EntityType, SourceDoc } from '../model';
import { matchKey } from '../text/keys';
import { claimAnchor, type CurationResult } from './apply';
import { CLAIM_FIELDS, type ClaimField, type Curation } from './types';
import { scalarText, stringField, yamlMessage } from './yamlNodes';

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
