// Scores the extraction of every article with a gold in the given folders, with the project's copy
// of the shared scorer: `node scripts/score-articles.mjs DIR... [--json]`. Builds the CLI first
// (`node esbuild.mjs --only=cli`). Prints one line per article (overall and its parts), then the mean
// per genre (from each article's .meta.yaml) and overall.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
const tmp = mkdtempSync(join(tmpdir(), 'claimdesk-score-'));
const rows = [];
try {
  for (const dir of dirs) {
    for (const goldFile of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
      const slug = goldFile.replace(/\.gold\.json$/, '');
      const gold = JSON.parse(readFileSync(join(dir, goldFile), 'utf8'));
      const article = join(dir, gold.article);
      const pred = join(tmp, `${slug}.json`);
      writeFileSync(pred, execFileSync(process.execPath, [process.env.CLAIMDESK_CLI ?? 'dist/cli.js', 'extract', article], { maxBuffer: 1 << 28 }));
      const report = JSON.parse(execFileSync(process.execPath, ['test/fixtures/score.mjs', join(dir, goldFile), pred, '--json'], { encoding: 'utf8' }));
      const metaPath = join(dir, `${slug}.meta.yaml`);
      const genre = existsSync(metaPath) ? (/^genre:\s*(\S+)/m.exec(readFileSync(metaPath, 'utf8'))?.[1] ?? '?') : '?';
      rows.push({ slug, genre, report });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
if (asJson) {
  console.log(JSON.stringify(rows.map(({ slug, genre, report }) => ({ slug, genre, overall: report.overall, report }))));
} else {
  console.log('article                          genre        overall  ent.F1  fig.F1  fig.src  cl.F1  kind   speaker conf');
  for (const { slug, genre, report: r } of rows) {
    console.log(`${slug.padEnd(32)} ${genre.padEnd(12)} ${f(r.overall)}    ${f(r.entities.f1)}   ${f(r.figures.f1)}   ${f(r.figures.source)}    ${f(r.claims.f1)}  ${f(r.claims.kind)}  ${f(r.claims.speaker)}   ${f(r.claims.confidence)}`);
  }
  const genres = [...new Set(rows.map((r) => r.genre))].sort();
  for (const g of genres) console.log(`mean ${g.padEnd(12)} ${f(mean(rows.filter((r) => r.genre === g).map((r) => r.report.overall)))} (${rows.filter((r) => r.genre === g).length})`);
  console.log(`mean overall      ${f(mean(rows.map((r) => r.report.overall)))} (${rows.length} articles)`);
}
