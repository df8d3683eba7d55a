import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cslDate, cslName, cslType, cslWarnings, sourcesToCslJson, sourceToCsl } from '../../src/core/export/csl';
import { buildSource } from '../../src/core/source';

const SEED = readFileSync('test/fixtures/corpus/seed-article.txt', 'utf8');
const SEED_META = readFileSync('test/fixtures/corpus/seed-article.meta.yaml', 'utf8');

describe('CSL-JSON export', () => {
  it('exports the seed article with author, container, publisher, date and licence', () => {
    const doc = buildSource({ path: 'sources/seed-article.txt', text: SEED, sidecarText: SEED_META + 'type: article-magazine\nurl: https://theconversation.com/x\naccessed: 2025-08-20\n' });
    assert.deepEqual(sourceToCsl(doc), {
      id: doc.citekey,
      type: 'article-magazine',
      title: 'No deal agreed at Trump–Putin meeting, but land swap for ceasefire still on the table',
      author: [{ family: 'Borodyna', given: 'Olena' }],
      'container-title': 'The Conversation',
      publisher: 'The Conversation',
      issued: { 'date-parts': [[2025, 8, 17]] },
      accessed: { 'date-parts': [[2025, 8, 20]] },
      URL: 'https://theconversation.com/x',
      license: 'CC BY-ND 4.0',
    });
  });

  it('infers the type from the venue when the metadata gives none', () => {
    assert.equal(cslType({ publisher: 'The Conversation' }), 'article-magazine');
    assert.equal(cslType({ containerTitle: 'The Kyiv Independent' }), 'article-newspaper');
    assert.equal(cslType({ publisher: 'Reuters' }), 'article-newspaper');
    assert.equal(cslType({ publisher: 'Chatham House' }), 'report');
    assert.equal(cslType({ title: 'Rapid Damage and Needs Assessment: report', containerTitle: 'Daily News' }), 'report');
    assert.equal(cslType({ type: 'webpage', publisher: 'Reuters' }), 'webpage');
    assert.equal(cslType({ type: 'not-a-csl-type', publisher: 'Foreign Affairs' }), 'article-magazine');
  });

  it('gives a report its institution as publisher and no container', () => {
    const doc = buildSource({ path: 'sources/r.txt', text: 'Body text here.', sidecarText: 'title: Rebuilding Ukraine report\nauthor: Jane Doe\naffiliation: World Bank\nissued: 2025-02\n' });
    const item = sourceToCsl(doc);
    assert.equal(item.type, 'report');
    assert.equal(item.publisher, 'World Bank');
    assert.equal(item['container-title'], undefined);
    assert.deepEqual(item.issued, { 'date-parts': [[2025, 2]] });
  });

  it('splits personal names and keeps bodies literal', () => {
    assert.deepEqual(cslName('Ursula von der Leyen'), { family: 'Leyen', given: 'Ursula', 'non-dropping-particle': 'von der' });
    assert.deepEqual(cslName('Doe, Jane'), { family: 'Doe', given: 'Jane' });
    assert.deepEqual(cslName('Policy Analysis Unit'), { literal: 'Policy Analysis Unit' });
    assert.deepEqual(cslName('Reuters'), { literal: 'Reuters' });
    assert.deepEqual(cslName('Madonna'), { literal: 'Madonna' });
  });

  it('writes dates as date-parts, and anything else literally', () => {
    assert.deepEqual(cslDate('2025'), { 'date-parts': [[2025]] });
    assert.deepEqual(cslDate('2025-08-17T10:00:00Z'), { 'date-parts': [[2025, 8, 17]] });
    assert.deepEqual(cslDate('Summer 2025'), { literal: 'Summer 2025' });
  });

  it('writes only fields the metadata has, sorted by citekey, as valid JSON', () => {
    const a = buildSource({ path: 'sources/b.txt', text: 'Plain text.', sidecarText: 'citekey: zeta2020\n' });
    const b = buildSource({ path: 'sources/a.txt', text: 'Plain text.', sidecarText: 'citekey: alpha2021\ntitle: A "quoted" title\n' });
    const items = JSON.parse(sourcesToCslJson([a, b]));
    assert.deepEqual(items.map((i: { id: string }) => i.id), ['alpha2021', 'zeta2020']);
    assert.deepEqual(items[1], { id: 'zeta2020', type: 'article-newspaper' });
    assert.equal(items[0].title, 'A "quoted" title');
  });

  it('warns about a source without title or date, naming the sidecar fields', () => {
    const bare = buildSource({ path: 'sources/b.txt', text: 'Plain text.', sidecarText: 'citekey: zeta2020\n' });
    const titled = buildSource({ path: 'sources/a.txt', text: 'Plain text.', sidecarText: 'citekey: alpha2021\ntitle: T\n' });
    const full = buildSource({ path: 'sources/c.txt', text: 'Plain text.', sidecarText: 'citekey: c2022\ntitle: T\nissued: 2022-01-02\n' });
    const warnings = cslWarnings([bare, titled, full]);
    assert.deepEqual(warnings.map((w) => [w.citekey, w.missing, w.severity, w.code]), [
      ['zeta2020', ['title', 'issued'], 'warning', 'csl-incomplete'],
      ['alpha2021', ['issued'], 'warning', 'csl-incomplete'],
    ]);
    assert.equal(warnings[0].message, 'zeta2020 has no title and no date in the CSL-JSON: set title: and issued: in its sidecar.');
  });
});
