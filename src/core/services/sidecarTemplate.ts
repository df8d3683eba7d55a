// What Create Sidecar writes: the sidecar's documented skeleton with every field a citation needs.
// A title or date Claimdesk could not infer is written empty, for the analyst to fill in, so that
// the CSL-JSON and pandoc's reference get them (else citeproc prints the key or "n.d.").
import { isMap, Pair, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { SourceDoc } from '../model';
import { newSidecarText } from '../sidecar';

/** The text of a new sidecar: inferred metadata to check, `title:` and `issued:` empty when unknown, and the citekey. */
export function createSidecarText(source: Pick<SourceDoc, 'path' | 'citekey' | 'meta'> & { citekeyBase?: string }): string {
  const text = newSidecarText(source);
  if (source.meta.title && source.meta.issued) return text;
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  const root = doc.contents as YAMLMap<unknown, unknown>;
  const empty = (key: string, comment: string): Pair<unknown, unknown> => {
    const value = new Scalar(null);
    value.comment = ` ${comment}`;
    return new Pair(new Scalar(key), value);
  };
  if (!source.meta.title) root.items.unshift(empty('title', 'unknown: the headline or title, as the citation should print it'));
  if (!source.meta.issued) {
    const pair = empty('issued', 'unknown: the publication date, YYYY-MM-DD');
    const citekeyAt = root.items.findIndex((p) => (p.key as Scalar | null)?.value === 'citekey');
    root.items.splice(citekeyAt < 0 ? root.items.length : citekeyAt, 0, pair);
  }
  return doc.toString({ lineWidth: 0, nullStr: '' });
}
