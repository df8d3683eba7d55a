// Citekeys a memo can cite besides Claimdesk's sources: its own bibliography files and inline
// `references:`. A citation to one of them is not an unknown citekey.
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../text/frontMatter';

/** Keys defined by a bibliography file's text, by its extension: BibTeX/BibLaTeX, CSL-JSON or CSL-YAML. */
export function citekeysOfBibliography(fileName: string, text: string): string[] {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'bib' || ext === 'bibtex') {
    const keys: string[] = [];
    const re = /@(\w+)\s*[{(]\s*([^,\s{}()]+)\s*,/g;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!/^(?:comment|string|preamble)$/i.test(m[1])) keys.push(m[2]);
    return keys;
  }
  if (ext === 'json') {
    try {
      return idsOf(JSON.parse(text));
    } catch {
      return [];
    }
  }
  if (ext === 'yaml' || ext === 'yml') {
    const doc = parseDocument(text);
    if (doc.errors.length) return [];
    const data: unknown = doc.toJS();
    return idsOf(Array.isArray(data) ? data : (data as { references?: unknown } | null)?.references);
  }
  return [];
}

/** Keys of the memo's own `references:` in its front matter. */
export function inlineReferenceKeys(memoText: string): string[] {
  const fm = splitFrontMatter(memoText.replace(/^\uFEFF/, ''));
  if (!fm) return [];
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length) return [];
  const data: unknown = doc.toJS();
  return idsOf(data && typeof data === 'object' ? (data as { references?: unknown }).references : undefined);
}

function idsOf(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.map((i) => (i && typeof i === 'object' ? (i as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string' && id !== '');
}
