// The persisted source cache: what was extracted from each source, keyed by its content, so that
// reopening a workspace does not re-extract what has not changed. Core defines the serialised form;
// adapters only store and load the string.
//
// Form: JSON Lines. The first line is a header {"format", "version"}; each further line is
// `<key>\t<json>` for one source, where key = content hash + path (a document depends on its path
// too: citekey fallback, markdown detection). Lines are parsed only when looked up, and an entry
// read from disk is written back verbatim, so a warm start parses and encodes only what it uses.
//
// Entries do not hold the source text, and spans and sentence texts are stored compactly: a span
// that the text's line index reproduces is stored as `"span~": [start, end]`, and a `text` equal to
// the slice at its object's span as `"text~": 1`; arrays of objects are stored as tables (keys once,
// a span as two cells). On lookup they are restored from the current text
// (slices share the text's memory in V8, so restored documents also hold no duplicated sentences).
import type { SourceDoc, Span } from './model';
import type { SourceInput } from './source';
import { contentHash } from './hash';
import { LineIndex } from './text/lines';

/** Set by the build (esbuild `define`) from the engine's sources: a new extractor never reads an old cache. */
declare const CLAIMDESK_ENGINE_VERSION: string | undefined;

/** Bump when the cached form itself changes. */
const CACHE_FORMAT = 'claimdesk-cache/1';

/** The version a cache must carry to be read: cache format plus engine build; undefined when the build did not stamp one. */
export const CACHE_VERSION: string | undefined =
  typeof CLAIMDESK_ENGINE_VERSION === 'string' && CLAIMDESK_ENGINE_VERSION ? `${CACHE_FORMAT}+${CLAIMDESK_ENGINE_VERSION}` : undefined;

/** The content hash buildSource gives a document (BOM stripped), computed without building it. */
export function sourceHash(text: string, sidecarText: string | undefined): string {
  return contentHash(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, sidecarText);
}

function cacheKey(path: string, hash: string): string {
  // Tabs and newlines would break the line format; paths/URIs carry them percent-encoded if at all.
  return hash + ' ' + path.replace(/[\t\n\r]/g, ' ');
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries present but unreadable (corrupt line), treated as misses. */
  corrupt: number;
}

// Encoded lines kept between saves are held as UTF-8 bytes: JSON of text with curly quotes or any
// non-Latin-1 character is a two-byte string in V8, twice the size of its UTF-8 (the kept lines were
// about a quarter of the retained heap of an index).
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');
type Line = string | Uint8Array;
const lineText = (line: Line): string => (typeof line === 'string' ? line : utf8Decoder.decode(line));

/** A cache of built sources by content. Never serves a document whose text, sidecar, path or engine differs. */
export class SourceCache {
  /** Entries by key: lines of a parsed cache (slices of it, until used or dropped), and stored documents as bytes. */
  private readonly raw: Map<string, Line>;
  /** Encoded line of each document this cache produced or stored, reused when saving. */
  private readonly encoded = new WeakMap<SourceDoc, Uint8Array>();
  readonly stats: CacheStats = { hits: 0, misses: 0, corrupt: 0 };

  private constructor(raw: Map<string, Line>, readonly version: string | undefined) {
    this.raw = raw;
  }

  static empty(version: string | undefined = CACHE_VERSION): SourceCache {
    return new SourceCache(new Map(), version);
  }

  /**
   * Reads a serialised cache. Anything unreadable, from another engine version or from an
   * unversioned build yields an empty cache: the cost is re-extraction, never a stale result.
   */
  static parse(serialised: string | undefined, version: string | undefined = CACHE_VERSION): SourceCache {
    const raw = new Map<string, Line>();
    if (!serialised || !version) return new SourceCache(raw, version);
    const firstBreak = serialised.indexOf('\n');
    let header: unknown;
    try {
      header = JSON.parse(firstBreak < 0 ? serialised : serialised.slice(0, firstBreak));
    } catch {
      return new SourceCache(raw, version);
    }
    if (!isHeader(header) || header.version !== version || firstBreak < 0) return new SourceCache(raw, version);
    let at = firstBreak + 1;
    while (at < serialised.length) {
      let end = serialised.indexOf('\n', at);
      if (end < 0) end = serialised.length;
      const tab = serialised.indexOf('\t', at);
      if (tab > at && tab < end) raw.set(serialised.slice(at, tab), serialised.slice(tab + 1, end));
      at = end + 1;
    }
    return new SourceCache(raw, version);
  }

  get size(): number {
    return this.raw.size;
  }

  /**
   * The cached document for this input, restored onto its current text, or undefined. `hash` may be
   * passed when the caller already computed it.
   */
  lookup(input: SourceInput, hash = sourceHash(input.text, input.sidecarText)): SourceDoc | undefined {
    const key = cacheKey(input.path, hash);
    const line = this.raw.get(key);
    if (line === undefined) {
      this.stats.misses++;
      return undefined;
    }
    const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    let doc: SourceDoc;
    try {
      doc = decodeDoc(JSON.parse(lineText(line)), text, input.path);
      // Problems of reading the bytes belong to this read, not to the cached text (see encodeDoc).
      if (input.readProblems?.length) doc.problems = [...input.readProblems, ...doc.problems];
    } catch {
      this.raw.delete(key);
      this.stats.corrupt++;
      this.stats.misses++;
      return undefined;
    }
    if (doc.hash !== hash) {
      this.raw.delete(key);
      this.stats.misses++;
      return undefined;
    }
    this.encoded.set(doc, typeof line === 'string' ? utf8Encoder.encode(line) : line);
    this.stats.hits++;
    return doc;
  }

  /**
   * Forgets the entries not looked up or stored so far (after a full scan: sources that are gone).
   * Documents already served keep their encoded form for the next save.
   */
  dropUnused(): void {
    this.raw.clear();
  }

  /** Remembers a freshly built document. */
  store(doc: SourceDoc): void {
    const line = utf8Encoder.encode(encodeDoc(doc));
    this.encoded.set(doc, line);
    this.raw.set(cacheKey(doc.path, doc.hash), line);
  }

  /**
   * The serialised cache holding exactly these documents (what is no longer in the workspace is
   * dropped, which keeps the file as large as the workspace and no larger).
   */
  serialize(docs: Iterable<SourceDoc>): string {
    const parts: string[] = [JSON.stringify({ format: CACHE_FORMAT, version: this.version ?? null })];
    for (const doc of docs) parts.push(this.lineFor(doc));
    return parts.join('\n');
  }

  /** As serialize, yielding to the event loop between slices of work (for thousands of new documents). */
  async serializeInSlices(docs: Iterable<SourceDoc>, yieldNow: () => Promise<void>, sliceMs = 15): Promise<string> {
    const parts: string[] = [JSON.stringify({ format: CACHE_FORMAT, version: this.version ?? null })];
    let sliceStart = Date.now();
    for (const doc of docs) {
      parts.push(this.lineFor(doc));
      if (Date.now() - sliceStart >= sliceMs) {
        await yieldNow();
        sliceStart = Date.now();
      }
    }
    return parts.join('\n');
  }

  private lineFor(doc: SourceDoc): string {
    let line = this.encoded.get(doc);
    if (line === undefined) {
      line = utf8Encoder.encode(encodeDoc(doc));
      this.encoded.set(doc, line);
    }
    return cacheKey(doc.path, doc.hash) + '\t' + utf8Decoder.decode(line);
  }
}

function isHeader(value: unknown): value is { format: string; version: string } {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === CACHE_FORMAT && typeof (value as { version?: unknown }).version === 'string';
}

/**
 * Problems buildSource copies from SourceInput.readProblems (decodeSourceBytes' codes for a text it
 * could read). The same text can come from other bytes (UTF-16 without a BOM, then UTF-8), so these
 * are never cached: lookup adds the current read's own.
 */
const READ_PROBLEM_CODES = new Set(['empty-source', 'invalid-utf8', 'utf16-no-bom', 'invalid-utf16']);

/** Fields not cached: the text is the input; path is the key; workspace disambiguation is redone by the index. */
export function encodeDoc(doc: SourceDoc): string {
  const { text, path: _path, citekeyBase, citekey, problems, ...rest } = doc;
  const lines = new LineIndex(text);
  const stored = {
    ...rest,
    citekey: citekeyBase ?? citekey,
    problems: problems.filter((p) => p.code !== 'duplicate-citekey' && !(READ_PROBLEM_CODES.has(p.code) && !p.span && !p.file)),
  };
  return JSON.stringify(compact(stored, text, lines));
}

function isSpan(value: unknown): value is Span {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.start === 'number' && typeof s.end === 'number' && typeof s.line === 'number' && typeof s.character === 'number' && typeof s.endLine === 'number' && typeof s.endCharacter === 'number' && Object.keys(s).length === 6;
}

function reproducible(span: Span, lines: LineIndex): boolean {
  if (span.start < 0 || span.end > lines.text.length || span.start > span.end) return false;
  const again = lines.span(span.start, span.end);
  return again.line === span.line && again.character === span.character && again.endLine === span.endLine && again.endCharacter === span.endCharacter;
}

/**
 * Replaces reproducible spans (any field) and span-equal texts by their compact markers, and arrays
 * of objects by tables (`{"~t": [key lists], "~r": [[key list index, ...values]]}`) so that keys
 * are not repeated for each of thousands of claims and mentions.
 */
function compact(value: unknown, text: string, lines: LineIndex): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => compact(v, text, lines));
    if (items.length < 2 || !items.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return items;
    const signatures: string[][] = [];
    const bySignature = new Map<string, number>();
    const rows = (items as Array<Record<string, unknown>>).map((item) => {
      const keys = Object.keys(item);
      const signature = keys.join('\u0000');
      let at = bySignature.get(signature);
      if (at === undefined) {
        at = signatures.push(keys) - 1;
        bySignature.set(signature, at);
      }
      // A span marker takes two cells, start and end, so that rows hold no nested pair arrays;
      // the text marker takes none (the key list says it).
      const row: unknown[] = [at];
      for (const k of keys) {
        const v = item[k];
        if (k === 'text~') continue;
        if (k.endsWith('~')) row.push((v as [number, number])[0], (v as [number, number])[1]);
        else row.push(v);
      }
      return row;
    });
    return { '~t': signatures, '~r': rows };
  }
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const own = isSpan(source.span) && reproducible(source.span, lines) ? source.span : undefined;
  for (const key of Object.keys(source)) {
    const v = source[key];
    if (v === undefined) continue;
    // Keys ending in "~" are the markers; the model has none.
    if (isSpan(v) && reproducible(v, lines)) out[key + '~'] = [v.start, v.end];
    else if (key === 'text' && own && v === text.slice(own.start, own.end)) out['text~'] = 1;
    else out[key] = compact(v, text, lines);
  }
  return out;
}

type SpanAt = (start: number, end: number) => Span;

/** Restores a document from its cached form and its current text. */
export function decodeDoc(stored: unknown, text: string, path: string): SourceDoc {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new Error('not a cached document');
  // One Span object per range, as a fresh build shares a sentence's span with its claim.
  let lines: LineIndex | undefined;
  const spans = new Map<number, Span>();
  const spanAt: SpanAt = (start, end) => {
    const key = start * 0x4000000 + end;
    let span = spans.get(key);
    if (!span) {
      span = (lines ??= new LineIndex(text)).span(start, end);
      spans.set(key, span);
    }
    return span;
  };
  const doc = expand(stored, text, spanAt) as SourceDoc;
  if (typeof doc.hash !== 'string' || typeof doc.citekey !== 'string' || !Array.isArray(doc.problems) || typeof doc.extraction !== 'object') throw new Error('not a cached document');
  doc.text = text;
  doc.path = path;
  return doc;
}

function expand(value: unknown, text: string, spanAt: SpanAt): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = expand(value[i], text, spanAt);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const signatures = source['~t'] as string[][] | undefined;
  if (signatures) return expandTable(signatures, source['~r'] as unknown[][], text, spanAt);
  const out: Record<string, unknown> = {};
  for (const key in source) restore(out, key, source[key], text, spanAt);
  return finish(out, text);
}

/** How one key of a table's key list is restored. */
interface Column {
  field: string;
  kind: 'value' | 'span' | 'text';
  /** Row cell of the value, or of a span's start. */
  cell: number;
}

function columnsOf(keys: string[]): { columns: Column[]; textSpanCell: number } {
  const columns: Column[] = [];
  let cell = 1;
  let spanCell = -1;
  for (const key of keys) {
    if (key === 'text~') columns.push({ field: 'text', kind: 'text', cell: -1 });
    else if (key.endsWith('~')) {
      const field = key.slice(0, -1);
      if (field === 'span') spanCell = cell;
      columns.push({ field, kind: 'span', cell });
      cell += 2;
    } else columns.push({ field: key, kind: 'value', cell: cell++ });
  }
  return { columns, textSpanCell: spanCell };
}

/** Rows back to objects, each built in one pass in its original key order. */
function expandTable(signatures: string[][], rows: unknown[][], text: string, spanAt: SpanAt): unknown[] {
  const layouts = signatures.map(columnsOf);
  const out = new Array<unknown>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const { columns, textSpanCell } = layouts[row[0] as number];
    const item: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c];
      if (column.kind === 'value') item[column.field] = expand(row[column.cell], text, spanAt);
      else if (column.kind === 'span') item[column.field] = spanAt(row[column.cell] as number, row[column.cell + 1] as number);
      else item.text = text.slice(row[textSpanCell] as number, row[textSpanCell + 1] as number);
    }
    out[r] = item;
  }
  return out;
}

function restore(out: Record<string, unknown>, key: string, v: unknown, text: string, spanAt: SpanAt): void {
  if (key === 'text~') out['text~'] = 1; // resolved by finish once the span is known
  else if (key.charCodeAt(key.length - 1) === 126 /* ~ */) {
    const pair = v as [number, number];
    out[key.slice(0, -1)] = spanAt(pair[0], pair[1]);
  } else out[key] = expand(v, text, spanAt);
}

function finish(out: Record<string, unknown>, text: string): Record<string, unknown> {
  if (out['text~'] === undefined) return out;
  // Rebuilt in the original key order, so a restored document is deep-equal to a fresh one.
  const span = out.span as Span;
  const ordered: Record<string, unknown> = {};
  for (const key in out) {
    if (key === 'text~') ordered.text = text.slice(span.start, span.end);
    else ordered[key] = out[key];
  }
  return ordered;
}
