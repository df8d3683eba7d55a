// Reading a sidecar: metadata, citekey and corrections, with a problem at the line of anything
// malformed. Reading never fails the source, and an invalid sidecar is marked so it is never overwritten.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { CLAIM_KINDS, ENTITY_TYPES, type ClaimKind, type EntityType, type Problem, type SourceMeta, type Span } from '../model';
import { metaFromYaml } from '../meta/metadata';
import { LineIndex } from '../text/lines';
import { emptyCuration, type ClaimCorrection, type Curation, type EntityCorrection } from './types';
import { scalarText, stringField, yamlMessage } from './yamlNodes';

export interface ParsedSidecar {
  citekey?: string;
  meta: SourceMeta;
  curation: Curation;
  problems: Problem[];
  /** False when the text is not valid YAML or not a mapping: such a sidecar is never overwritten. */
  valid: boolean;
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

function fieldRange(map: YAMLMap, key: string): readonly number[] | undefined {
  const pair = map.items.find((p) => scalarText(p.key) === key);
  return (pair?.value as YamlNode | null)?.range ?? undefined;
}
