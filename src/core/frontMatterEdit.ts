// Adds `bibliography:` to a memo's front matter as one minimal text edit: the YAML Document API
// finds where the key is, and every other byte of the front matter stays as the writer left it.
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { splitFrontMatter } from './text/frontMatter';

/** A replacement of text[start, end) by newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type BibliographyEdit =
  | { kind: 'edit'; edit: TextEdit }
  | { kind: 'unchanged' }
  /** The front matter is not YAML we can safely edit (invalid, or not a mapping). */
  | { kind: 'error'; message: string };

/** The edit that makes a memo's front matter name `bibliographyPath` (kept if already there, added to a list otherwise). */
export function addBibliography(memoText: string, bibliographyPath: string): BibliographyEdit {
  const eol = /\r\n/.test(memoText) ? '\r\n' : '\n';
  // A byte order mark stays first: every offset below counts from just after it.
  const bom = memoText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = memoText.slice(bom);
  const fm = splitFrontMatter(text);
  const scalar = yamlScalar(bibliographyPath);
  if (!fm) return { kind: 'edit', edit: { start: bom, end: bom, newText: `---${eol}bibliography: ${scalar}${eol}---${eol}${eol}` } };
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length) return { kind: 'error', message: `The front matter is not valid YAML: ${doc.errors[0].message.split('\n')[0]}` };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { kind: 'error', message: 'The front matter is not a YAML mapping.' };
  const at = (offset: number) => bom + fm.yamlStart + offset;

  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === 'bibliography');
  if (!pair) {
    // Append a line at the end of the mapping, after any trailing comment lines the writer keeps there.
    const yamlEnd = fm.yaml.length;
    const needsBreak = yamlEnd > 0 && !/\n$/.test(fm.yaml);
    return { kind: 'edit', edit: { start: at(yamlEnd), end: at(yamlEnd), newText: `${needsBreak ? eol : ''}bibliography: ${scalar}${eol}` } };
  }
  const value = pair.value;
  if (isScalar(value) && value.range) {
    if (value.value === bibliographyPath) return { kind: 'unchanged' };
    const old = fm.yaml.slice(value.range[0], value.range[1]);
    if (value.value === null || value.value === '') return { kind: 'edit', edit: { start: at(value.range[0]), end: at(value.range[1]), newText: (old.trim() ? '' : ' ') + scalar } };
    // One file becomes a list of two; the old value is kept as written unless a list would misread it.
    const oldInFlow = /[,[\]{}]/.test(old) && !/^["']/.test(old) ? JSON.stringify(String(value.value)) : old;
    return { kind: 'edit', edit: { start: at(value.range[0]), end: at(value.range[1]), newText: `[${oldInFlow}, ${flowScalar(bibliographyPath)}]` } };
  }
  if (isSeq(value) && value.range) {
    if (value.items.some((i) => isScalar(i) && i.value === bibliographyPath)) return { kind: 'unchanged' };
    const last = value.items[value.items.length - 1];
    if (value.flow) {
      // `[a.json, b.json]`: insert before the closing bracket.
      const close = fm.yaml.lastIndexOf(']', value.range[1]);
      const sep = value.items.length ? ', ' : '';
      return { kind: 'edit', edit: { start: at(close), end: at(close), newText: sep + flowScalar(bibliographyPath) } };
    }
    if (isScalar(last) && last.range) {
      // A block list: a new item on the next line, indented like the last one.
      const lineStart = fm.yaml.lastIndexOf('\n', last.range[0]) + 1;
      const indent = /^[ \t]*-[ \t]*/.exec(fm.yaml.slice(lineStart))?.[0] ?? '- ';
      const lineEnd = endOfLine(fm.yaml, last.range[1]);
      return { kind: 'edit', edit: { start: at(lineEnd), end: at(lineEnd), newText: `${eol}${indent}${scalar}` } };
    }
  }
  return { kind: 'error', message: 'The front matter has a "bibliography" entry Claimdesk cannot extend; add the file by hand.' };
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** A path as a YAML flow scalar, quoted only when YAML needs it. */
function yamlScalar(value: string): string {
  return new Document(value).toString({ lineWidth: 0 }).trimEnd();
}

/** The same inside `[…]`, where commas and brackets need quotes too. */
function flowScalar(value: string): string {
  return /[,[\]{}]/.test(value) ? JSON.stringify(value) : yamlScalar(value);
}

/** Applies non-overlapping edits to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** `to` relative to the folder `fromDir` (both '/'-separated paths or URI paths), for links between workspace files. */
export function relativePath(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}
