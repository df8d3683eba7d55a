import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractionToJson } from '../../src/core/export/extractionJson';
import { buildSource } from '../../src/core/source';

// Published articles, each annotated before the extractor ever ran on it (docs/extraction-quality.md).
// The floors are each article's score after the last round less 0.03: they guard against regressions;
// the first-seen scores that measure generality are in the docs.
const ROOT = 'test/fixtures/real';
const floors: Record<string, number> = JSON.parse(readFileSync(join(ROOT, 'floors.json'), 'utf8'));
const articles = readdirSync(ROOT)
  .filter((d) => d.startsWith('batch-'))
  .flatMap((d) => readdirSync(join(ROOT, d)).filter((f) => f.endsWith('.gold.json')).map((f) => ({ dir: join(ROOT, d), slug: f.replace(/\.gold\.json$/, '') })));

function overall(pred: unknown, goldPath: string, tmp: string): number {
  const predPath = join(tmp, 'pred.json');
  writeFileSync(predPath, JSON.stringify(pred));
  const run = spawnSync(process.execPath, ['test/fixtures/score.mjs', goldPath, predPath, '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout).overall;
}

describe('extraction on published articles', function () {
  this.timeout(120_000);
  let tmp = '';
  before(() => (tmp = mkdtempSync(join(tmpdir(), 'claimdesk-real-'))));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('has a floor for every article and an article for every floor', () => {
    assert.ok(articles.length >= 40, `${articles.length} articles`);
    assert.deepEqual(articles.map((a) => a.slug).sort(), Object.keys(floors).sort());
  });

  for (const { dir, slug } of articles) {
    it(`${slug}: the headline is the title and no claim; scores at least ${floors[slug]}`, () => {
      const gold = JSON.parse(readFileSync(join(dir, `${slug}.gold.json`), 'utf8'));
      const text = readFileSync(join(dir, gold.article), 'utf8');
      const doc = buildSource({ path: join(dir, gold.article), text });
      const headline = text.replace(/^---\n[\s\S]*?\n---\n/, '').trim().split('\n')[0].replace(/^#\s+/, '').trim();
      assert.equal(doc.meta.title, headline);
      assert.ok(!doc.extraction.claims.some((c) => c.text.includes(headline)), 'the headline is a claim');
      const bylines = new Set(text.split('\n').map((l) => l.replace(/[*_]/g, '').trim()).filter((l) => /^(?:By|Reporting by|\(Reporting by)\s/.test(l) && !/[.!?]$/.test(l)));
      assert.ok(!doc.extraction.claims.some((c) => bylines.has(c.text)), 'a byline or credit is a claim');
      const score = overall(extractionToJson(doc), join(dir, `${slug}.gold.json`), tmp);
      assert.ok(score >= floors[slug], `overall ${score.toFixed(3)} < ${floors[slug]}`);
    });
  }
});
