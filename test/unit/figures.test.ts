import * as assert from 'node:assert/strict';
import { findFigures, sameQuantity } from '../../src/core/figures/parse';

const one = (text: string) => {
  const found = findFigures(text);
  assert.equal(found.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0];
};
const texts = (text: string) => findFigures(text).map((f) => f.text);

describe('figures: money', () => {
  const cases: Array<[string, string, number, string]> = [
    ['costly, to the tune of US$524 billion, according to', 'US$524 billion', 524e9, 'USD'],
    ['a $524bn bill', '$524bn', 524e9, 'USD'],
    ['a €3.2 trillion economy', '€3.2 trillion', 3.2e12, 'EUR'],
    ['it cost £40m last year', '£40m', 40e6, 'GBP'],
    ['a package of 1.5 trillion yuan', '1.5 trillion yuan', 1.5e12, 'CNY'],
    ['some 524 billion dollars were pledged', 'some 524 billion dollars', 524e9, 'USD'],
    ['A$3bn for defence', 'A$3bn', 3e9, 'AUD'],
    ['a fine of €1,250,000.', '€1,250,000', 1.25e6, 'EUR'],
    ['40 million euros in aid', '40 million euros', 40e6, 'EUR'],
    ['EUR 50bn in loans', 'EUR 50bn', 50e9, 'EUR'],
  ];
  for (const [text, surface, value, unit] of cases) {
    it(`reads ${surface}`, () => {
      const f = one(text);
      assert.equal(f.text, surface);
      assert.ok(sameQuantity(f, { value, unit }), `${f.value} ${f.unit}`);
      assert.equal(text.slice(f.start, f.end), f.text);
    });
  }

  it('reads a money range with a shared scale', () => {
    const f = one('between $5-10 billion a year');
    assert.equal(f.value, 5e9);
    assert.equal(f.valueMax, 10e9);
  });

  it('reads a range written twice with its currency', () => {
    const f = one('estimate the gap at between £20bn and £30bn.');
    assert.deepEqual([f.text, f.value, f.valueMax, f.unit, f.qualifier], ['between £20bn and £30bn', 20e9, 30e9, 'GBP', 'between']);
  });

    it('equates spellings of the same amount', () => {
    const [a, b, c] = findFigures('$524bn, US$524 billion and 524 billion dollars');
    assert.ok(sameQuantity(a, b) && sameQuantity(b, c));
    assert.ok(!sameQuantity(a, { value: 542e9, unit: 'USD' }));
    assert.ok(!sameQuantity(a, { value: 524e9, unit: 'EUR' }));
    assert.ok(sameQuantity({ value: 0.1 + 0.2, unit: 'percent' }, { value: 0.3, unit: 'percent' }));
  });
});

describe('figures: currencies named after the number', () => {
  it('reads reais, rand, naira and shekels, and ₦ and ₪ before it', () => {
    assert.deepEqual(findFigures('cut spending by 25 billion reais, R$2 billion and 40 million rand').map((f) => [f.value, f.unit]), [[25e9, 'BRL'], [2e9, 'BRL'], [40e6, 'ZAR']]);
    assert.deepEqual(findFigures('₦5bn and ₪300m').map((f) => [f.value, f.unit]), [[5e9, 'NGN'], [300e6, 'ILS']]);
  });
  it('keeps "only" out of a figure (it judges the amount, it does not bound it)', () => {
    assert.equal(one('donors have provided only 16% of that amount').text, '16%');
  });
});

describe('figures: percentages', () => {
  it('reads %, per cent, percent and spelled-out numbers', () => {
    const found = findFigures('targets of 5% of GDP, 5 per cent, five percent and 4.5 percentage points');
    assert.deepEqual(found.map((f) => [f.text, f.value, f.unit]), [
      ['5%', 5, 'percent'], ['5 per cent', 5, 'percent'], ['five percent', 5, 'percent'], ['4.5 percentage points', 4.5, 'percent'],
    ]);
  });
  it('reads ranges', () => {
    const f = one('cut emissions by 60–100% by 2050s');
    assert.deepEqual([f.value, f.valueMax, f.unit], [60, 100, 'percent']);
    const g = one('growth of between 2 and 3 per cent');
    assert.deepEqual([g.value, g.valueMax, g.qualifier], [2, 3, 'between']);
  });
});

describe('figures: counts and years', () => {
  it('keeps the qualifier and what is counted', () => {
    const [a, b] = findFigures('involving more than 300 drones and 30 missiles');
    assert.deepEqual([a.text, a.value, a.unit, a.qualifier, a.counts], ['more than 300 drones', 300, 'count', 'more than', 'drones']);
    assert.deepEqual([b.text, b.counts, b.qualifier], ['30 missiles', 'missiles', null]);
    const c = one('how many of the over 5 million Ukrainians currently living abroad');
    assert.deepEqual([c.text, c.value, c.counts, c.qualifier], ['over 5 million Ukrainians', 5e6, 'Ukrainians', 'over']);
  });
  it('counts two-word nouns and spelled-out numbers with a plural noun', () => {
    assert.equal(one('it fired 12 ballistic missiles').counts, 'ballistic missiles');
    const f = one('three ministers resigned');
    assert.deepEqual([f.value, f.counts], [3, 'ministers']);
    assert.equal(one('twenty-five people were hurt').value, 25);
  });
  it('reads years, also in dates, and not the day', () => {
    assert.deepEqual(findFigures('annexed Crimea in 2014. On August 17, 2025 and 3 March 2026').map((f) => [f.text, f.unit]), [
      ['2014', 'year'], ['2025', 'year'], ['2026', 'year'],
    ]);
    assert.equal(one('the 2024 elections').unit, 'year');
    assert.deepEqual(texts('since the October 7 attacks and the 7 October raid'), []);
    assert.equal(one('2,000 troops').unit, 'count');
  });
  it('keeps a modifier before the counted noun in the text, not in what is counted', () => {
    const f = one('famine is likely to spread to 14 more areas by the end of the year');
    assert.deepEqual([f.text, f.value, f.counts], ['14 more areas', 14, 'areas']);
    assert.equal(one('it plans to buy 30 new patrol vessels').counts, 'patrol vessels');
    assert.deepEqual(texts('5 more than last year'), ['5']);
  });
  it('reads a scale glued to a count', () => {
    const f = one('some 1.5m people fled');
    assert.deepEqual([f.text, f.value, f.unit, f.counts], ['some 1.5m people', 1.5e6, 'count', 'people']);
  });
    it('reads measures written against the number', () => {
    const f = one('across the 180km Taiwan Strait');
    assert.deepEqual([f.text, f.value, f.unit, f.counts], ['180km', 180, 'count', 'km']);
  });
  it('ignores ordinals, labels, model names, times and citations', () => {
    assert.deepEqual(texts('the first step, 5G networks, G7 leaders, F-16 jets, Article 5, the 2nd round, at 10:30 a.m., 3 p.m., [@smith2020, para. 3], one of them, two'), []);
  });
});

describe('figures: fractions before a scale', () => {
  it('reads "half a million households" as a count', () => {
    const f = one('About half a million households will come off fixed deals.');
    assert.deepEqual([f.text, f.value, f.unit, f.counts], ['About half a million households', 500000, 'count', 'households']);
  });
  it('reads "a quarter of a percentage point" as a percentage', () => {
    const f = one('four wanted a cut of a quarter of a percentage point.');
    assert.deepEqual([f.text, f.value, f.unit], ['a quarter of a percentage point', 0.25, 'percent']);
  });
  it('reads "half a billion dollars" as money', () => {
    const f = one('It pledged half a billion dollars.');
    assert.deepEqual([f.value, f.unit], [0.5e9, 'USD']);
  });
  it('takes no fraction without a scale', () => {
    assert.deepEqual(texts('Half a loaf is better than none, and a quarter of an hour passed.'), []);
  });
});
