// `claimdesk check MEMO... --sources DIR [--format text|json]`: the editor's memo diagnostics, in a terminal or CI.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CHECK_SEVERITIES, checkMemo, citekeysOfBibliography, frontMatterBibliographies, inlineReferenceKeys, isMemoCheck, MEMO_CHECKS, parseCheckSeverity, type CheckSeverity, type MemoCheck, type MemoProblem } from '../core/memo/index';
import { formatProblemLine } from '../core/problemLine';
import { loadSources, sourceProblemLines, parseArgs, UsageError } from './sources';

export const CHECK_USAGE = `  claimdesk check MEMO... --sources DIR [--format text|json] [--severity CHECK=LEVEL]...
      Check memos' citations, figures, quotations and confidence terms against
      the sources under DIR. Prints path:line:col: severity: message (or JSON).
      Exit status 1 when an error is found, 0 when clean, 2 on bad usage.
      CHECK: ${Object.keys(MEMO_CHECKS).join(', ')}; LEVEL: ${CHECK_SEVERITIES.join(', ')}.
`;

export function checkCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const severities: Partial<Record<MemoCheck, CheckSeverity>> = {};
  // --severity may repeat; pull those out before the generic parser.
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--severity' || a.startsWith('--severity=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      const m = /^(\w+)=(\w+)$/.exec(v ?? '');
      const severity = parseCheckSeverity(m?.[2]);
      if (!m || !isMemoCheck(m[1]) || !severity) throw new UsageError(`--severity takes CHECK=LEVEL (got "${v ?? ''}")`);
      severities[m[1]] = severity;
    } else rest.push(a);
  }
  const { options, positional: memos } = parseArgs(rest, ['--sources', '--format']);
  const dir = options.get('--sources');
  const format = options.get('--format') ?? 'text';
  if (!dir) throw new UsageError('name the sources folder with --sources DIR');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--sources ${dir}: not a folder`);
  if (!memos.length) throw new UsageError('name at least one memo');
  for (const m of memos) if (!existsSync(m) || statSync(m).isDirectory()) throw new UsageError(`${m}: no such memo file`);

  const loaded = loadSources(dir, memos);
  const { index } = loaded;
  for (const line of sourceProblemLines(loaded)) err(line);
  const results: Array<{ file: string; problems: MemoProblem[] }> = [];
  for (const file of memos) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    results.push({ file, problems: checkMemo(text, index, { severities, externalKeys: externalKeys(file, text) }) });
  }
  if (format === 'json') {
    const json = results.flatMap(({ file, problems }) =>
      problems.map((p) => ({
        file,
        line: p.span.line + 1,
        column: p.span.character + 1,
        endLine: p.span.endLine + 1,
        endColumn: p.span.endCharacter + 1,
        severity: p.severity,
        code: p.code,
        check: p.check,
        message: p.message,
        fixes: p.fixes ?? [],
      })),
    );
    out(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const { file, problems } of results) {
      for (const p of problems) out(formatProblemLine(file, p) + '\n');
    }
    const count = (s: string) => results.reduce((n, r) => n + r.problems.filter((p) => p.severity === s).length, 0);
    err(`claimdesk check: ${memos.length} memo${memos.length === 1 ? '' : 's'} against ${index.size} source${index.size === 1 ? '' : 's'}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} note(s)\n`);
  }
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

/** Citekeys of the memo's own bibliographies (paths relative to the memo, as pandoc run there reads them) and inline references. */
function externalKeys(memoFile: string, memoText: string): Set<string> {
  const keys = new Set(inlineReferenceKeys(memoText));
  for (const bib of frontMatterBibliographies(memoText)) {
    const path = resolve(dirname(memoFile), bib);
    if (existsSync(path) && statSync(path).isFile()) for (const key of citekeysOfBibliography(path, readFileSync(path, 'utf8'))) keys.add(key);
  }
  return keys;
}
