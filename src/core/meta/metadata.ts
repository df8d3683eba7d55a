import type { SourceMeta } from '../model';

type Origin = 'front-matter' | 'sidecar' | 'inferred';
type MetaKey = Exclude<keyof SourceMeta, 'origin'>;

const STRING_KEYS: Record<string, MetaKey> = {
  title: 'title',
  affiliation: 'affiliation',
  publisher: 'publisher',
  'container-title': 'containerTitle',
  containerTitle: 'containerTitle',
  container: 'containerTitle',
  issued: 'issued',
  date: 'issued',
  published: 'issued',
  accessed: 'accessed',
  url: 'url',
  URL: 'url',
  license: 'license',
  type: 'type',
};

/** Reads bibliographic fields from a parsed YAML mapping (front matter or sidecar); unknown keys are ignored here. */
export function metaFromYaml(data: unknown, origin: Origin): SourceMeta {
  const meta: SourceMeta = { origin: {} };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return meta;
  const record = data as Record<string, unknown>;
  for (const [key, field] of Object.entries(STRING_KEYS)) {
    const value = record[key];
    if (value === undefined || value === null || meta[field] !== undefined) continue;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
    if (text) {
      (meta as Record<string, unknown>)[field] = text;
      meta.origin![field] = origin;
    }
  }
  const authors = record.authors ?? record.author;
  const list = Array.isArray(authors) ? authors : typeof authors === 'string' ? authors.split(/\s*(?:;|\band\b|&)\s*/) : [];
  const names = list.map((a) => (typeof a === 'string' ? a.trim() : typeof a === 'object' && a ? authorObjectName(a as Record<string, unknown>) : '')).filter(Boolean);
  if (names.length) {
    meta.authors = names;
    meta.origin!.authors = origin;
  }
  return meta;
}

function authorObjectName(a: Record<string, unknown>): string {
  if (typeof a.literal === 'string') return a.literal;
  return [a.given, a.family].filter((x) => typeof x === 'string').join(' ');
}

/** Later layers win field by field: inferred < front matter < sidecar. */
export function mergeMeta(...layers: SourceMeta[]): SourceMeta {
  const out: SourceMeta = { origin: {} };
  for (const layer of layers) {
    for (const [k, v] of Object.entries(layer)) {
      if (k === 'origin' || v === undefined) continue;
      (out as Record<string, unknown>)[k] = v;
      const o = layer.origin?.[k as MetaKey];
      if (o) out.origin![k as MetaKey] = o;
    }
  }
  return out;
}

// "X is <role>, <Org>" or "X is a <role> at/of/with <Org>." (the affiliation is the last organisation named).
const BYLINE = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+(?:is|was)\s+(?:an?\s+|the\s+)?(.+?)(?:,\s*|\s+(?:at|of|with|for)\s+(?:the\s+)?)(\p{Lu}[^,]*?)\.?\s*$/u;
const BY = /^by\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})/iu;
const REPUBLISHED = /republished from\s+(?:the\s+)?((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})/u;

/** Infers metadata from byline and notice paragraphs ("X is <role>, <Org>", "By X", "republished from The Conversation"). */
export function inferMeta(bylines: string[], notices: string[]): SourceMeta {
  const meta: SourceMeta = { origin: {} };
  for (const line of bylines) {
    const t = line.trim();
    const m = BYLINE.exec(t);
    if (m && !meta.authors) {
      meta.authors = [m[1]];
      meta.affiliation = m[3].trim();
      meta.origin!.authors = 'inferred';
      meta.origin!.affiliation = 'inferred';
      continue;
    }
    const b = BY.exec(t);
    if (b && !meta.authors) {
      meta.authors = [b[1]];
      meta.origin!.authors = 'inferred';
    }
  }
  for (const notice of notices) {
    const m = REPUBLISHED.exec(notice);
    if (m && !meta.publisher) {
      const name = m[1].replace(/\s+(?:under|with|in|on|by)$/, '').trim();
      meta.publisher = /^the\b/i.test(name) || /^The /.test(notice.slice(m.index + 'republished from '.length)) ? name.replace(/^the\b/i, 'The') : name;
      meta.origin!.publisher = 'inferred';
    }
  }
  return meta;
}
