// The analyst's own library: the entries of a memo's bibliography files (BibTeX/BibLaTeX, CSL-JSON,
// CSL-YAML, as Zotero and Better BibTeX export them) and of its inline `references:`. Citing one of
// them is citing, not an unknown citekey; completion, hovers and Go to Definition show them.
import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { splitFrontMatter } from '../text/frontMatter';

/** One reference of the analyst's library, with where its key is defined. */
export interface LibraryEntry {
  key: string;
  /** The entry type as written (`article`, `online`, `article-newspaper`…). */
  type: string;
  title?: string;
  /** "Family, Given" (or a body's whole name), in order. */
  authors: string[];
  /** Family names (a body's whole name), for completion labels. */
  familyNames: string[];
  year?: string;
  /** The date as written (`2024-03-05`, `2024`). */
  issued?: string;
  container?: string;
  publisher?: string;
  url?: string;
  doi?: string;
  /** The bibliography file (as the caller named it), or undefined for the memo's inline `references:`. */
  file?: string;
  /** Offsets of the key in that file's text (in the memo's text for inline references). */
  start: number;
  end: number;
}

/** A bibliography file's entries and what could not be read in it. */
export interface ParsedBibliography {
  entries: LibraryEntry[];
  errors: string[];
}

/** The format of a bibliography file by its extension, as pandoc decides it. */
export function bibliographyFormat(fileName: string): 'bibtex' | 'csl-json' | 'csl-yaml' | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') return 'bibtex';
  if (ext === 'json') return 'csl-json';
  if (ext === 'yaml' || ext === 'yml') return 'csl-yaml';
  return undefined;
}

/** The entries of a bibliography file's text, by its extension (others give none). */
export function parseBibliography(fileName: string, text: string): ParsedBibliography {
  const format = bibliographyFormat(fileName);
  const body = text.replace(/^\uFEFF/, '');
  const shift = text.length - body.length;
  const result = format === 'bibtex' ? parseBibtexEntries(body) : format === 'csl-json' ? parseCslJson(body) : format === 'csl-yaml' ? parseCslYaml(body, 0) : { entries: [], errors: [] };
  for (const e of result.entries) {
    e.file = fileName;
    e.start += shift;
    e.end += shift;
  }
  return result;
}

/** Keys defined by a bibliography file's text, by its extension: BibTeX/BibLaTeX, CSL-JSON or CSL-YAML. */
export function citekeysOfBibliography(fileName: string, text: string): string[] {
  return parseBibliography(fileName, text).entries.map((e) => e.key);
}

/** The memo's own `references:` in its front matter, with offsets in the memo's text. */
export function inlineReferences(memoText: string): LibraryEntry[] {
  const bom = memoText.startsWith('\uFEFF') ? 1 : 0;
  const fm = splitFrontMatter(memoText.slice(bom));
  if (!fm) return [];
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const refs = doc.contents.get('references', true);
  return isSeq(refs) ? cslYamlItems(refs.items, bom + fm.yamlStart) : [];
}

/** Keys of the memo's own `references:` in its front matter. */
export function inlineReferenceKeys(memoText: string): string[] {
  return inlineReferences(memoText).map((e) => e.key);
}

const BIBTEX_OPTIONS = { english: false, sentenceCase: false, unsupported: 'ignore' } as const;

function parseBibtexEntries(text: string): ParsedBibliography {
  let library: ReturnType<typeof parseBibtex>;
  try {
    library = parseBibtex(text, BIBTEX_OPTIONS);
  } catch (e) {
    return { entries: [], errors: [e instanceof Error ? e.message : String(e)] };
  }
  const entries: LibraryEntry[] = [];
  let from = 0;
  for (const entry of library.entries) {
    if (!entry.key) continue;
    // The parser reads the file; this only finds where each key it read is written, in order.
    const at = new RegExp(`@\\s*${escapeRegExp(entry.type)}\\s*[{(]\\s*(${escapeRegExp(entry.key)})\\s*[,}]`, 'iy');
    let start = -1;
    for (let i = text.indexOf('@', from); i >= 0; i = text.indexOf('@', i + 1)) {
      at.lastIndex = i;
      const m = at.exec(text);
      if (m) {
        start = i + m[0].indexOf(m[1], 1);
        break;
      }
    }
    if (start >= 0) from = start;
    const f = entry.fields;
    const creators: Creator[] = f.author ?? f.editor ?? [];
    const date = str(f.date) ?? str(f.year);
    entries.push({
      key: entry.key,
      type: entry.type.toLowerCase(),
      title: clean(str(f.title)),
      authors: creators.map(creatorName).filter(Boolean),
      familyNames: creators.map((c) => (c.lastName ?? c.name ?? '').normalize('NFC')).filter(Boolean),
      year: yearOf(date),
      issued: date,
      container: clean(str(f.journaltitle) ?? str(f.journal) ?? str(f.booktitle) ?? str(f.maintitle)),
      publisher: clean((f.publisher ?? f.institution ?? f.organization)?.join('; ')),
      url: str(f.url),
      doi: str(f.doi),
      start: Math.max(0, start),
      end: Math.max(0, start) + (start >= 0 ? entry.key.length : 0),
    });
  }
  return { entries, errors: library.errors.map((e) => e.error) };
}

function creatorName(c: Creator): string {
  if (c.name) return c.name.normalize('NFC');
  const family = [c.prefix, c.lastName].filter(Boolean).join(' ');
  return [family, c.firstName].filter(Boolean).join(', ').normalize('NFC');
}

function parseCslJson(text: string): ParsedBibliography {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { entries: [], errors: [e instanceof Error ? e.message : String(e)] };
  }
  const items = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return { entries: [], errors: ['A CSL-JSON bibliography is an array of items.'] };
  const entries: LibraryEntry[] = [];
  let from = 0;
  for (const item of items) {
    const entry = cslEntry(item);
    if (!entry) continue;
    const re = new RegExp(`"id"\\s*:\\s*(${escapeRegExp(JSON.stringify(entry.key))})`, 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (m) {
      entry.start = m.index + m[0].length - m[1].length + 1;
      entry.end = entry.start + m[1].length - 2;
      from = m.index + m[0].length;
    }
    entries.push(entry);
  }
  return { entries, errors: [] };
}

function parseCslYaml(text: string, offset: number): ParsedBibliography {
  const doc = parseDocument(text);
  if (doc.errors.length) return { entries: [], errors: doc.errors.map((e) => e.message) };
  const root = doc.contents;
  const list = isSeq(root) ? root : isMap(root) ? root.get('references', true) : undefined;
  return { entries: isSeq(list) ? cslYamlItems(list.items, offset) : [], errors: [] };
}

function cslYamlItems(items: readonly unknown[], offset: number): LibraryEntry[] {
  const entries: LibraryEntry[] = [];
  for (const node of items) {
    if (!isMap(node)) continue;
    const entry = cslEntry(node.toJSON());
    if (!entry) continue;
    const id = node.get('id', true) as YamlNode | undefined;
    if (isScalar(id) && id.range) {
      // A quoted key's range includes its quotes.
      const quoted = id.type === 'QUOTE_DOUBLE' || id.type === 'QUOTE_SINGLE' ? 1 : 0;
      entry.start = offset + id.range[0] + quoted;
      entry.end = entry.start + entry.key.length;
    }
    entries.push(entry);
  }
  return entries;
}

/** A CSL item (from JSON or YAML) as an entry, or undefined without an id. */
function cslEntry(item: unknown): LibraryEntry | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const i = item as Record<string, unknown>;
  const key = typeof i.id === 'string' || typeof i.id === 'number' ? String(i.id) : '';
  if (!key) return undefined;
  const names = Array.isArray(i.author) ? i.author : Array.isArray(i.editor) ? i.editor : [];
  const authors: string[] = [];
  const familyNames: string[] = [];
  for (const n of names as unknown[]) {
    if (!n || typeof n !== 'object') continue;
    const { family, given, literal } = n as Record<string, unknown>;
    const fam = str(family) ?? str(literal);
    if (!fam) continue;
    familyNames.push(fam);
    authors.push(str(given) && str(family) ? `${fam}, ${str(given)}` : fam);
  }
  const issued = cslDateText(i.issued);
  return {
    key,
    type: str(i.type) ?? 'document',
    title: clean(str(i.title)),
    authors,
    familyNames,
    year: yearOf(issued),
    issued,
    container: clean(str(i['container-title'])),
    publisher: clean(str(i.publisher)),
    url: str(i.URL) ?? str(i.url),
    doi: str(i.DOI) ?? str(i.doi),
    start: 0,
    end: 0,
  };
}

function cslDateText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (!value || typeof value !== 'object') return undefined;
  const d = value as { 'date-parts'?: unknown; literal?: unknown; raw?: unknown };
  const parts = Array.isArray(d['date-parts']) ? d['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length) return parts.map((p, k) => (k === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
  return str(d.literal) ?? str(d.raw);
}

function yearOf(date: string | undefined): string | undefined {
  return date ? /\b(\d{4})\b/.exec(date)?.[1] : undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  // LaTeX accents come out as combining marks ("u" + U+0308): compose them as typed text is.
  return typeof v === 'string' && v.trim() !== '' ? v.trim().normalize('NFC') : undefined;
}

/** The parser marks up italics and case protection as HTML; a label wants the words only. */
function clean(s: string | undefined): string | undefined {
  const t = s?.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
