// `claimdesk export --sources DIR [--out FILE]`: CSL-JSON of every source, for `pandoc --citeproc`.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { cslWarnings, sourcesToCslJson } from '../core/export/csl';
import { formatProblemLine } from '../core/problemLine';
import { loadSources, sourceProblemLines, parseArgs, UsageError } from './sources';

export const EXPORT_USAGE = `  claimdesk export --sources DIR [--out FILE]
      Write CSL-JSON for every source under DIR (to FILE, or standard output),
      for pandoc --citeproc --bibliography FILE.
`;

export function exportCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { options, positional } = parseArgs(args, ['--sources', '--out']);
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const dir = options.get('--sources');
  if (!dir) throw new UsageError('name the sources folder with --sources DIR');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--sources ${dir}: not a folder`);
  const loaded = loadSources(dir);
  const { index } = loaded;
  for (const line of sourceProblemLines(loaded)) err(line);
  const json = sourcesToCslJson(index.sources());
  for (const doc of index.sources()) for (const w of cslWarnings([doc])) err(formatProblemLine(doc.path, w) + '\n');
  const file = options.get('--out');
  if (file) {
    writeFileSync(file, json);
    err(`claimdesk export: ${index.size} source${index.size === 1 ? '' : 's'} written to ${file}\n`);
  } else out(json);
  return 0;
}
