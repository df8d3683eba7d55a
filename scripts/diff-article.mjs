// Shows where an extraction and a gold annotation disagree, for working on the rules:
// `node scripts/diff-article.mjs GOLD.json [--only claims|entities|figures]`. Builds nothing: run
// `node esbuild.mjs --only=cli` first. Claims are paired by text as the scorer pairs them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const goldPath = process.argv[2];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const pred = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'extract', join(dirname(goldPath), gold.article)], { maxBuffer: 1 << 28 }));
const norm = (s) => String(s ?? '').normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').toLowerCase().replace(/'s\b/g, '').replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
const canon = new Map();
for (const e of gold.entities) for (const f of [e.name, ...(e.mentions ?? [])]) canon.set(norm(f), e.name);
for (const e of pred.entities) for (const f of [e.name, ...(e.aliases ?? e.mentions ?? [])]) { const g = canon.get(norm(f)); if (g) canon.set(norm(e.name), g); }
const who = (x) => (x == null || x === 'author' ? x ?? null : canon.get(norm(x)) ?? x);
const short = (s) => (s.length > 110 ? s.slice(0, 107) + '…' : s);
if (!only || only === 'entities') {
  const gForms = new Set(gold.entities.flatMap((e) => [e.name, ...(e.mentions ?? [])].map(norm)));
  const pForms = new Set(pred.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(norm)));
  for (const e of gold.entities) if (![e.name, ...(e.mentions ?? [])].some((f) => pForms.has(norm(f)))) console.log(`ENT missing  ${e.name} (${e.type}) ${JSON.stringify(e.mentions)}`);
  for (const e of pred.entities) if (![e.name, ...(e.aliases ?? [])].some((f) => gForms.has(norm(f)))) console.log(`ENT extra    ${e.name} (${e.type}) ${JSON.stringify(e.aliases)}`);
  for (const e of pred.entities) { const g = gold.entities.find((x) => [x.name, ...(x.mentions ?? [])].some((f) => norm(f) === norm(e.name))); if (g && g.type !== e.type) console.log(`ENT type     ${e.name}: ${e.type} (gold ${g.type})`); }
}
if (!only || only === 'figures') {
  const used = new Set();
  for (const g of gold.figures) {
    const i = pred.figures.findIndex((p, k) => !used.has(k) && p.unit === g.unit && Math.abs(p.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value)));
    if (i < 0) { console.log(`FIG missing  "${g.text}" ${g.value} ${g.unit}${g.counts ? ' ' + g.counts : ''} src=${g.source}`); continue; }
    used.add(i);
    if (who(pred.figures[i].source) !== who(g.source)) console.log(`FIG source   "${g.text}": ${pred.figures[i].source} (gold ${g.source})`);
  }
  pred.figures.forEach((p, k) => { if (!used.has(k)) console.log(`FIG extra    "${p.text}" ${p.value} ${p.unit}${p.counts ? ' ' + p.counts : ''}`); });
}
if (!only || only === 'claims') {
  const tokens = (s) => new Set(norm(s).split(/[^\p{L}\p{N}$%]+/u).filter(Boolean));
  const overlap = (a, b) => { const A = tokens(a), B = tokens(b); let n = 0; for (const t of A) if (B.has(t)) n++; return n / Math.max(A.size, B.size, 1); };
  const used = new Set();
  for (const g of gold.claims) {
    let best = -1, bestScore = 0.8 - 1e-9;
    pred.claims.forEach((p, i) => { if (used.has(i)) return; const s = norm(p.text) === norm(g.text) ? 2 : overlap(p.text, g.text); if (s > bestScore) { bestScore = s; best = i; } });
    if (best < 0) { console.log(`CLM missing  ${short(g.text)}`); continue; }
    used.add(best);
    const p = pred.claims[best];
    const bad = [];
    if (p.kind !== g.kind) bad.push(`kind ${p.kind}→${g.kind}`);
    if (who(p.speaker) !== who(g.speaker)) bad.push(`speaker ${p.speaker}→${g.speaker}`);
    if ((p.confidence == null) !== (g.confidence == null)) bad.push(`conf ${p.confidence}→${g.confidence}`);
    if (bad.length) console.log(`CLM ${bad.join(', ')}\n      ${short(g.text)}`);
  }
  pred.claims.forEach((p, i) => { if (!used.has(i)) console.log(`CLM extra    ${short(p.text)}`); });
}
