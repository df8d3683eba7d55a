import type { SourceMeta } from '../model';
import { datelineLength, findDate, isBareName, nameAndPublisher } from '../text/structure';

type Origin = 'front-matter' | 'sidecar' | 'inferred' | 'page';
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
// "By Andrea Shalal and David Lawder, Reuters": every name before the publisher.
const BY = /^(?:By|BY|by)\s+(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:\s*(?:,|\band\b|&)\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})*)/u;
const REPUBLISHED = /republished from\s+(?:the\s+)?((?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})/u;

/** The non-body lines of a source that say what it is, by role. */
export interface StructureLines {
  titles: string[];
  bylines: string[];
  notices: string[];
  /** The first body paragraph, whose wire dateline may carry a date. */
  firstBody?: string;
}


/**
 * Infers metadata from the source's own lines: the headline is the title; "X is <role>, <Org>",
 * "By X" and "X, Publisher" lines name the author; a date line (or a byline or dateline with a
 * year) is the issued date; "republished from The Conversation" names the publisher.
 */
export function inferMeta({ titles, bylines, notices, firstBody }: StructureLines): SourceMeta {
  const meta: SourceMeta = { origin: {} };
  const set = (field: MetaKey, value: string | string[]) => {
    if (meta[field] !== undefined) return;
    (meta as Record<string, unknown>)[field] = value;
    meta.origin![field] = 'inferred';
  };
  if (titles[0]) set('title', titles[0].trim());
  for (const line of bylines) {
    const t = line.trim();
    const m = BYLINE.exec(t);
    if (m) {
      set('authors', [m[1]]);
      set('affiliation', m[3].trim());
    }
    const np = nameAndPublisher(t);
    if (np) {
      set('authors', np.authors);
      set('publisher', np.publisher);
    }
    if (isBareName(t)) set('authors', [t]);
    const b = BY.exec(t);
    if (b) set('authors', b[1].split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean));
    const date = findDate(t);
    if (date) set('issued', date);
  }
  const datelineDate = firstBody && findDate(firstBody.slice(0, datelineLength(firstBody)));
  if (datelineDate) set('issued', datelineDate);
  for (const notice of notices) {
    const m = REPUBLISHED.exec(notice);
    if (m && !meta.publisher) {
      const name = m[1].replace(/\s+(?:under|with|in|on|by)$/, '').trim();
      set('publisher', /^the\b/i.test(name) || /^The /.test(notice.slice(m.index + 'republished from '.length)) ? name.replace(/^the\b/i, 'The') : name);
    }
  }
  return meta;
}
