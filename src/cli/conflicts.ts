// `claimdesk conflicts --sources DIR [--format text|json]`: figures in different sources that measure
// the same thing and disagree. Exit 0 when there are none, 1 when there are, 2 on bad usage.
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { evidenceGroups, formatEvidenceValue } from '../core/evidence/conflicts';
import { loadSources, sourceProblemLines, parseArgs, UsageError } from './sources';

export const CONFLICTS_USAGE = `  claimdesk conflicts --sources DIR [--format text|json]
      List figures in different sources under DIR that measure the same thing
      but disagree. JSON: [{ "measure", "figures": [{ "citekey", "paragraph",
      "text", "value", "unit" }] }]. Exit 0 none, 1 conflicts found.
`;

export function conflictsCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const { options, positional } = parseArgs(args, ['--sources', '--format']);
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const dir = options.get('--sources');
  if (!dir) throw new UsageError('name the sources folder with --sources DIR');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--sources ${dir}: not a folder`);
  const format = options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got "${format}")`);
  const loaded = loadSources(dir);
  for (const line of sourceProblemLines(loaded)) err(line);
  const conflicts = evidenceGroups(loaded.index.sources()).filter((g) => g.status === 'conflict');
  if (format === 'json') {
    const json = conflicts.map((g) => ({ measure: g.measure, figures: g.figures.map((f) => ({ citekey: f.citekey, paragraph: f.paragraph, text: f.text, value: f.value, unit: f.unit })) }));
    out(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const g of conflicts) {
      out(`conflict: ${g.measure}\n`);
      for (const f of g.figures) out(`  [@${f.citekey}, para. ${f.paragraph}] ${f.text} (${formatEvidenceValue(f)})  ${relative(process.cwd(), f.path)}\n`);
    }
    if (!conflicts.length) err('claimdesk conflicts: no conflicting figures found\n');
  }
  return conflicts.length ? 1 : 0;
}
