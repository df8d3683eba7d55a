import { parseDocument } from 'yaml';
import type { Paragraph, Problem, SourceDoc, SourceMeta } from './model';
import { extract } from './extract/index';
import { contentHash } from './hash';
import { baseCitekey, isValidCitekey } from './meta/citekey';
import { inferMeta, mergeMeta, metaFromYaml } from './meta/metadata';
import { applyCuration, parseSidecar } from './sidecar';
import { parseSimpleFrontMatter, splitFrontMatter } from './text/frontMatter';
import { LineIndex } from './text/lines';
import { decodeSourceBytes } from './text/decode';
import { segment } from './text/segment';

export interface SourceInput {
  /** Path or URI string as the host names the file; used for messages, citekey fallback and markdown detection. */
  path: string;
  text: string;
  /** Text of `<source-name>.claimdesk.yaml`, when it exists. */
  sidecarText?: string;
  /** Path of the sidecar, for problems reported against it. */
  sidecarPath?: string;
  /** Problems found while reading the bytes (invalid UTF-8, a UTF-16 guess…), reported with the source's own. */
  readProblems?: Problem[];
}

/** Sidecar path for a source: `dir/name.txt` → `dir/name.claimdesk.yaml`. */
export function sidecarPathFor(sourcePath: string): string {
  return sourcePath.replace(/\.[^./\\]+$/, '') + '.claimdesk.yaml';
}

export function isSidecarPath(path: string): boolean {
  return /\.claimdesk\.ya?ml$/i.test(path);
}

/** A saved web page: read through the HTML reader, shown as the text it extracts. */
export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path.replace(/[?#].*$/, ''));
}

/** The readers of formats that are not text as they stand. The HTML reader is heavy, so hosts load it only when needed. */
export interface SourceReaders {
  /** A saved web page to its article text, page metadata as front matter (see core/html/article.ts). */
  html?: (html: string) => { text: string; warning?: string };
}

/** How a source is built. */
export interface BuildOptions {
  /** Compute the content hash (the cache key); false leaves `hash` empty, for a caller with no cache (the CLI). Default true. */
  hash?: boolean;
}

/** Reads one source: front matter, segmentation, metadata, extraction and curation. Never throws on bad input. */
export function buildSource(input: SourceInput, options: BuildOptions = {}): SourceDoc {
  const text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
  const problems: Problem[] = [...(input.readProblems ?? [])];
  const lines = new LineIndex(text);
  const markdown = /\.(?:md|markdown|mdx)$/i.test(input.path);

  let frontMeta: SourceMeta = {};
  let frontKey: string | undefined;
  const fm = splitFrontMatter(text);
  const simple = fm && parseSimpleFrontMatter(fm.yaml);
  // A web page's metadata arrives as front matter written by the HTML reader.
  const origin = isHtmlPath(input.path) ? 'page' : 'front-matter';
  if (simple) {
    frontMeta = metaFromYaml(simple, origin);
    if (typeof simple.citekey === 'string') frontKey = simple.citekey;
  } else if (fm) {
    const doc = parseDocument(fm.yaml);
    if (doc.errors.length) {
      const err = doc.errors[0];
      const at = fm.yamlStart + (err.pos?.[0] ?? 0);
      problems.push({ severity: 'warning', code: 'front-matter-yaml', message: `Front matter is not valid YAML (${err.message.split('\n')[0]}); it was ignored.`, span: lines.span(at, Math.min(text.length, at + 1)) });
    } else {
      const data = doc.toJS();
      frontMeta = metaFromYaml(data, origin);
      if (data && typeof data.citekey === 'string') frontKey = data.citekey;
    }
  }
  const bodyStart = fm?.bodyStart ?? 0;
  const { paragraphs, sentences, asides } = segment(text, bodyStart, markdown, lines);

  const sidecar = input.sidecarText !== undefined ? parseSidecar(input.sidecarText, input.sidecarPath ?? sidecarPathFor(input.path)) : undefined;
  if (sidecar) problems.push(...sidecar.problems);

  const linesOf = (role: Paragraph['role']) => paragraphs.filter((p) => p.role === role).map((p) => text.slice(p.span.start, p.span.end));
  const firstBody = paragraphs.find((p) => p.role === 'body');
  const inferred = inferMeta({ titles: linesOf('title'), bylines: linesOf('byline'), notices: linesOf('notice'), firstBody: firstBody && text.slice(firstBody.span.start, firstBody.span.end) });
  const meta = mergeMeta(inferred, frontMeta, sidecar?.meta ?? {});

  const otherBlocks = [...paragraphs.filter((p) => p.role !== 'body').map((p): [number, number] => [p.span.start, p.span.end]), ...asides];
  const raw = extract({ text, sentences, otherBlocks, meta, lines });
  const curated = sidecar ? applyCuration(raw, sidecar.curation) : undefined;
  if (curated) problems.push(...curated.problems);
  const extraction = curated?.extraction ?? raw;

  let citekey = sidecar?.citekey ?? frontKey ?? baseCitekey(meta, input.path);
  if (!isValidCitekey(citekey)) {
    problems.push({ severity: 'warning', code: 'invalid-citekey', message: `"${citekey}" is not a valid Pandoc citekey; using one derived from the metadata instead.`, file: input.sidecarPath });
    citekey = baseCitekey(meta, input.path);
  }
  return {
    path: input.path,
    citekey,
    meta,
    text,
    bodyStart,
    paragraphs,
    sentences,
    extraction,
    problems,
    hash: options.hash === false ? '' : contentHash(text, input.sidecarText),
  };
}

/** A source file as the host found it: its bytes, and its sidecar's when there is one. */
export interface SourceFile {
  /** Path or URI string of the source. */
  path: string;
  bytes: Uint8Array;
  /** The sidecar's bytes (or text) when it exists; undefined when there is none. */
  sidecar?: Uint8Array | string;
  /** Why a sidecar that exists could not be read: the source is then read without it, with a warning. */
  sidecarError?: string;
  /** The sidecar's path as the host names it, when not `sidecarPathFor(path)` verbatim (a normalised URI). */
  sidecarPath?: string;
}

const sidecarDecoder = new TextDecoder('utf-8');

/**
 * Decodes a source file and its sidecar into what `buildSource` takes, or, when the bytes are not
 * text Claimdesk can read (binary, too large), no input and the problems that say why.
 */
export function sourceInputOf(file: SourceFile, readers: SourceReaders = {}): { input?: SourceInput; problems: Problem[] } {
  const decoded = decodeSourceBytes(file.bytes);
  if (decoded.text === undefined) return { problems: decoded.problems };
  const sidecarPath = file.sidecarPath ?? sidecarPathFor(file.path);
  const readProblems = [...decoded.problems];
  if (isHtmlPath(file.path)) {
    const page = readPage(decoded.text, file.bytes, readProblems, readers);
    if (page === undefined) return { problems: readProblems };
    decoded.text = page;
  }
  if (file.sidecarError !== undefined) {
    readProblems.push({ severity: 'warning', code: 'sidecar-unreadable', file: sidecarPath, message: `The sidecar could not be read (${file.sidecarError}); the source was read without it.` });
  }
  const sidecarText = file.sidecarError !== undefined || file.sidecar === undefined ? undefined : typeof file.sidecar === 'string' ? file.sidecar : sidecarDecoder.decode(file.sidecar);
  return { input: { path: file.path, text: decoded.text, sidecarText, sidecarPath, readProblems }, problems: readProblems };
}

/** A web page's article text (problems added to `problems`), or undefined when it cannot be read. */
function readPage(html: string, bytes: Uint8Array, problems: Problem[], readers: SourceReaders): string | undefined {
  // A page in a legacy encoding names it in <meta charset>: decode it as such rather than with replacement characters.
  const bad = problems.findIndex((p) => p.code === 'invalid-utf8');
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(html.slice(0, 4096))?.[1];
  if (bad >= 0 && charset && !/^utf-?8$/i.test(charset)) {
    try {
      html = new TextDecoder(charset.toLowerCase()).decode(bytes);
      problems.splice(bad, 1);
    } catch {
      // An encoding this host does not know: keep the UTF-8 reading and its warning.
    }
  }
  if (!readers.html) {
    problems.push({ severity: 'error', code: 'html-reader-unavailable', message: 'The HTML reader could not be loaded, so this web page was skipped.' });
    return undefined;
  }
  try {
    const page = readers.html(html);
    if (page.warning) problems.push({ severity: 'warning', code: 'html-no-article', message: page.warning });
    return page.text;
  } catch (e) {
    problems.push({ severity: 'error', code: 'html-unreadable', message: `This web page could not be read (${e instanceof Error ? e.message : String(e)}); it was skipped.` });
    return undefined;
  }
}

/** Reads a source file into a built source with all its problems; no document when it is not readable text. */
export function readSource(file: SourceFile, readers: SourceReaders = {}, options?: BuildOptions): { doc?: SourceDoc; problems: Problem[] } {
  const { input, problems } = sourceInputOf(file, readers);
  if (!input) return { problems };
  const doc = buildSource(input, options);
  return { doc, problems: doc.problems };
}

/** The problem reported for a source file the host could not read at all (permissions, a dangling link). */
export function unreadableSourceProblem(reason: string): Problem {
  return { severity: 'error', code: 'unreadable-source', message: `Claimdesk could not read this file (${reason}); it was skipped.` };
}
