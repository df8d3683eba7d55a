// The pandoc command line that renders a memo with its citations: pure, so the adapter only runs it.
import { parseDocument } from 'yaml';
import { splitFrontMatter } from '../text/frontMatter';

/** Bibliography files a memo's front matter names (`bibliography: a.json` or a list). */
export function frontMatterBibliographies(memoText: string): string[] {
  const fm = splitFrontMatter(memoText.replace(/^\uFEFF/, ''));
  if (!fm) return [];
  const doc = parseDocument(fm.yaml);
  if (doc.errors.length) return [];
  const data: unknown = doc.toJS();
  const value = data && typeof data === 'object' ? (data as Record<string, unknown>).bibliography : undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

export interface PandocRender {
  /** File name of the memo, run from the memo's folder. */
  memoFile: string;
  /** Output file name (same folder). */
  outFile: string;
  /** The exported CSL-JSON, as a path relative to the memo's folder (or absolute). */
  bibliography: string;
}

/**
 * Arguments for `pandoc` run in the memo's folder. Bibliographies given on the command line
 * replace the front matter's, so the memo's own are passed too, ours added once.
 */
export function pandocArgs(memoText: string, render: PandocRender): string[] {
  const bibliographies = frontMatterBibliographies(memoText);
  const same = (a: string, b: string) => a.replace(/^\.\//, '') === b.replace(/^\.\//, '');
  if (!bibliographies.some((b) => same(b, render.bibliography))) bibliographies.push(render.bibliography);
  return [render.memoFile, '--citeproc', ...bibliographies.flatMap((b) => ['--bibliography', b]), '--output', render.outFile];
}

/** The memo's output name: `memo.md` → `memo.docx`. */
export function outputName(memoFile: string, extension = 'docx'): string {
  return memoFile.replace(/\.[^./\\]*$/, '') + '.' + extension;
}

/** What to tell a writer when pandoc cannot render: missing, too old for --citeproc, or failed. */
export function pandocFailure(result: { notFound?: boolean; code: number | null; stderr: string }, pandocPath: string): string | undefined {
  if (result.notFound) return `Claimdesk renders memos with pandoc, which was not found ("${pandocPath}"). Install pandoc 2.11 or later (https://pandoc.org/installing.html; Debian/Ubuntu: sudo apt-get install pandoc; macOS: brew install pandoc; Windows: winget install JohnMacFarlane.Pandoc) or set claimdesk.pandocPath.`;
  if (/unknown option.*citeproc|unrecognized option.*citeproc/i.test(result.stderr)) return `This pandoc is older than 2.11 and has no --citeproc: install a newer one (https://pandoc.org/installing.html).`;
  if (result.code !== 0) return `pandoc failed (exit ${result.code ?? 'signal'}): ${result.stderr.trim().split('\n')[0] || 'no message'}`;
  return undefined;
}
