import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { loadSources } from '../../src/cli/sources';
import { evidenceGroups, formatEvidenceValue } from '../../src/core/evidence/conflicts';
import { checkMemo } from '../../src/core/memo/index';
import { CatalogCache } from '../../src/core/services/catalog';
import { memoHover } from '../../src/core/services/hover';
import { buildSource } from '../../src/core/source';

// Five sources: three on Ukraine's reconstruction (two give $524bn, one $486bn) and refugees abroad,
// and two unrelated ones (Germany's defence budget; gas prices and German bridges) with figures in the same units.
const DIR = join(__dirname, '../../test/fixtures/evidence/sources');

function run(args: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { status, out, err };
}

describe('evidence across sources: corroboration and conflict', () => {
  const groups = evidenceGroups(loadSources(DIR).index.sources());

  it('groups the reconstruction cost of three sources, and finds them in conflict', () => {
    const cost = groups.find((g) => g.measure.includes('reconstruction'));
    assert.ok(cost, JSON.stringify(groups));
    assert.equal(cost.status, 'conflict');
    assert.deepEqual(cost.figures.map((f) => `${f.citekey}:${f.value / 1e9}`).sort(), ['ellis2025:486', 'harlow2025:524', 'quint2025:524']);
  });

  it('corroborates figures that agree within their rounding ("more than 6 million" and "6.2 million")', () => {
    const abroad = groups.find((g) => g.figures.some((f) => f.unit === 'count'));
    assert.ok(abroad);
    assert.equal(abroad.status, 'corroborated');
    assert.match(abroad.measure, /Ukrainians/);
  });

  it('never groups unrelated figures: a German defence budget, German bridges, gas prices', () => {
    const citekeys = new Set(groups.flatMap((g) => g.figures.map((f) => f.citekey)));
    assert.ok(!citekeys.has('weber2025'), 'the German defence budget is grouped with nothing');
    assert.ok(!citekeys.has('fischer2025'), 'German bridges and gas prices are grouped with nothing');
    assert.equal(groups.length, 2);
  });

  it('groups nothing across a corpus of unrelated real articles but what truly measures the same', () => {
    const docs = ['arctic-analysis', 'nordic-defence', 'boe-rates', 'brazil-inflation', 'coal-subsidies', 'council-budget'].map((slug) => {
      const path = join(__dirname, `../../test/fixtures/articles/${slug}.txt`);
      return buildSource({ path, text: readFileSync(path, 'utf8') });
    });
    assert.deepEqual(evidenceGroups(docs).map((g) => g.measure), []);
  });

  it('formats values for people', () => {
    assert.equal(formatEvidenceValue({ value: 486e9, unit: 'USD' }), '486 billion USD');
    assert.equal(formatEvidenceValue({ value: 12.5, unit: 'percent' }), '12.5%');
  });

  it('claimdesk conflicts prints the conflicts as text or JSON, exit 1; none, exit 0; bad usage, exit 2', () => {
    const json = run(['conflicts', '--sources', DIR, '--format', 'json']);
    assert.equal(json.status, 1, json.err);
    const parsed = JSON.parse(json.out);
    assert.equal(parsed.length, 1);
    assert.deepEqual(Object.keys(parsed[0]), ['measure', 'figures']);
    assert.deepEqual(Object.keys(parsed[0].figures[0]), ['citekey', 'paragraph', 'text', 'value', 'unit']);
    assert.ok(parsed[0].figures.some((f: { citekey: string; paragraph: number; text: string }) => f.citekey === 'ellis2025' && f.paragraph === 1 && f.text === '$486 billion'));
    const text = run(['conflicts', '--sources', DIR]);
    assert.equal(text.status, 1);
    assert.match(text.out, /\[@ellis2025, para\. 1\] \$486 billion/);
    const none = run(['conflicts', '--sources', join(__dirname, '../../sample/sources')]);
    assert.equal(none.status, 0, none.out + none.err);
    assert.equal(run(['conflicts']).status, 2);
    assert.equal(run(['conflicts', '--sources', DIR, '--format', 'xml']).status, 2);
  });
});

describe('evidence in the memo: hover notes and the one-sided conflict check', () => {
  const index = loadSources(DIR).index;

  it('the hover of a figure says which source gives another value', () => {
    const catalog = new CatalogCache(index);
    const memo = 'Rebuilding will cost $524 billion [@harlow2025, para. 1].';
    const card = memoHover(catalog.get(), memo, memo.indexOf('$524') + 2);
    assert.ok(card);
    const text = card.markdown.replace(/\\/g, '');
    assert.match(text, /Also stated by \[@quint2025, para\. 1\]\./, text);
    assert.match(text, /\[@ellis2025, para\. 1\] gives \$486 billion\./, text);
    catalog.dispose();
  });

  it('notes a memo that cites one side of a conflict only, not one that cites both', () => {
    const oneSide = checkMemo('Rebuilding will cost $524 billion [@harlow2025, para. 1].\n', index).filter((p) => p.check === 'oneSidedConflict');
    assert.equal(oneSide.length, 1);
    assert.equal(oneSide[0].severity, 'info');
    assert.match(oneSide[0].message, /ellis2025, para\. 1 gives \$486 billion/);
    const both = checkMemo('Rebuilding will cost $524 billion [@harlow2025, para. 1], though another estimate is $486 billion [@ellis2025, para. 1].\n', index);
    assert.deepEqual(both.filter((p) => p.check === 'oneSidedConflict'), []);
    const off = checkMemo('Rebuilding will cost $524 billion [@harlow2025, para. 1].\n', index, { severities: { oneSidedConflict: 'off' } });
    assert.deepEqual(off.filter((p) => p.check === 'oneSidedConflict'), []);
  });
});
