import * as assert from 'node:assert/strict';
import type { SourceDoc } from '../../src/core/model';
import { buildSource } from '../../src/core/source';

// Attribution, naming and prescription rules on small texts of their own, so that each stands apart from the fixture articles.
const doc = (body: string, path = 'sources/t.txt'): SourceDoc => buildSource({ path, text: `A headline for the test\n\n${body}\n` });
const claim = (d: SourceDoc, start: string) => {
  const c = d.extraction.claims.find((x) => x.text.startsWith(start));
  assert.ok(c, `no claim starting ${start}: ${JSON.stringify(d.extraction.claims.map((x) => x.text))}`);
  return [c.kind, c.speaker, c.confidence];
};
const names = (d: SourceDoc) => d.extraction.entities.map((e) => `${e.name}:${e.type}`);

describe('extraction: attribution, names and prescriptions on short texts', () => {
  it('attributes "according to estimates by the consultancy X" to X, and its figure too', () => {
    const d = doc('Carmakers sold about 500,000 vehicles, according to estimates by the consultancy Rhodium Group.');
    assert.deepEqual(claim(d, 'Carmakers'), ['fact', 'Rhodium Group', null]);
    assert.equal(d.extraction.figures.find((f) => f.value === 500000)?.source, 'Rhodium Group');
  });

  it('does not take a trailing ", which is likely to" clause as the main clause\'s confidence', () => {
    const d = doc('It would do little to address overcapacity in the industry, which is likely to keep pushing exports.');
    assert.deepEqual(claim(d, 'It would'), ['assessment', 'author', null]);
  });

  it('splits sentences after markdown emphasis and drops the markers from a bold sentence', () => {
    const d = doc('- **Costs spiked, then eased.** Spot rates fell by about 40 per cent last year.', 'sources/t.md');
    assert.ok(d.extraction.claims.some((c) => c.text === 'Costs spiked, then eased.'), JSON.stringify(d.extraction.claims.map((c) => c.text)));
    assert.ok(d.extraction.claims.some((c) => c.text.startsWith('Spot rates')));
  });

  it('strips "Councillor" and resolves "X of the Y said" to the person', () => {
    const d = doc('Councillor Tom Reilly of the Liberal Democrats said the mayor had run out of ideas.');
    assert.ok(names(d).includes('Tom Reilly:person'), JSON.stringify(names(d)));
    assert.deepEqual(claim(d, 'Councillor'), ['reported', 'Tom Reilly', null]);
  });

  it('reads "according to the finance director, Priya Shah" and "according to the group"', () => {
    const d = doc('The reserves stand at about £60m, according to the council’s finance director, Priya Shah.\n\nHuman Rights Watch said the ruling sent a signal. According to the group, more than 1,200 civilians were killed.');
    assert.deepEqual(claim(d, 'The reserves'), ['fact', 'Priya Shah', null]);
    assert.deepEqual(claim(d, 'According to the group'), ['fact', 'Human Rights Watch', null]);
  });

  it('names bodies with "on", "and", "&" and a fuller name, and "the Bank" as the bank already named', () => {
    const d = doc('The International Council on Clean Transportation, the Food and Agriculture Organization and the Chartered Institute of Procurement & Supply met at the Kiel Institute for the World Economy. The Bank of England held rates. The Bank said more cuts were coming.');
    for (const n of ['International Council on Clean Transportation', 'Food and Agriculture Organization', 'Chartered Institute of Procurement & Supply', 'Kiel Institute for the World Economy']) {
      assert.ok(names(d).includes(`${n}:organization`), `${n}: ${JSON.stringify(names(d))}`);
    }
    assert.deepEqual(d.extraction.entities.find((e) => e.name === 'Bank of England')?.aliases, ['Bank of England', 'Bank']);
    assert.deepEqual(claim(d, 'The Bank said'), ['reported', 'Bank of England', null]);
  });

  it('keeps acts from positions: "rejected a request" is a fact, "ruled that" and "welcomed the ruling" are reported', () => {
    const d = doc('The judges rejected a request by Mali on Tuesday. The Pre-Trial Chamber ruled that Mali had not shown its case. Amnesty International welcomed the ruling.');
    assert.equal(claim(d, 'The judges')[0], 'fact');
    assert.deepEqual(claim(d, 'The Pre-Trial Chamber'), ['reported', 'Pre-Trial Chamber', null]);
    assert.deepEqual(claim(d, 'Amnesty'), ['reported', 'Amnesty International', null]);
  });

  it('finds no prescription in a "…, when the council must" clause, and one in "would be wise to"', () => {
    const d = doc('A similar fight is almost certain to return, when the council must find £20m. Governments would be wise to share data.');
    assert.deepEqual(claim(d, 'A similar'), ['assessment', 'author', 'is almost certain to']);
    assert.equal(claim(d, 'Governments')[0], 'recommendation');
  });

  it('reads "the trade newspaper Lloyd\'s List reported" as one body, and "Many carried placards" as an event', () => {
    const d = doc('Premiums rose to 1% of a ship\'s value, the trade newspaper Lloyd\'s List reported. Many carried placards in support of the campaign.');
    assert.ok(names(d).includes("Lloyd's List:organization"), JSON.stringify(names(d)));
    assert.deepEqual(claim(d, 'Premiums'), ['reported', "Lloyd's List", null]);
    assert.equal(claim(d, 'Many carried')[0], 'fact');
  });

  it('types "the Mopti region" and "the Tian Shan mountains" as places, and "Officials in Bishkek insist" as unnamed', () => {
    const d = doc('Fighting spread in the Mopti region. Glaciers in the Tian Shan mountains are melting. Officials in Bishkek insist the dam is safe.');
    assert.ok(names(d).includes('Mopti:place') && names(d).includes('Tian Shan:place'), JSON.stringify(names(d)));
    assert.ok(names(d).includes('Bishkek:place'), JSON.stringify(names(d)));
    assert.deepEqual(claim(d, 'Officials'), ['reported', 'author', null]);
  });
});
