import * as assert from 'node:assert/strict';
import { sameQuantity } from '../../src/core/figures/parse';
import { applyCuration, parseSidecar } from '../../src/core/sidecar';
import { baseCitekey } from '../../src/core/meta/citekey';
import { buildSource } from '../../src/core/source';
import { entityId, foldName, nameKey, quantityKey, slug } from '../../src/core/text/keys';
import { buildWorkspaceEntities } from '../../src/core/workspaceEntities';

const source = (body: string, path = 'sources/t.txt') => buildSource({ path, text: `A headline for the test\n\n${body}\n` });

describe('keys: slugs, name keys and quantity keys', () => {
  it('slugs names in any script, keeping their letters', () => {
    assert.equal(slug('Владимир Зеленский'), 'владимир-зеленский');
    assert.equal(slug('Владимир Путин'), 'владимир-путин');
    assert.equal(slug('محمد بن سلمان'), 'محمد-بن-سلمان');
    assert.equal(slug('習近平'), '習近平');
    assert.equal(slug('नरेंद्र मोदी'), 'नरेंद्र-मोदी');
    assert.equal(slug('이재명'), '이재명');
  });

  it('drops accents from Latin and Greek letters, and folds letters with no decomposition', () => {
    assert.equal(slug('Ángela Merkel'), 'angela-merkel');
    assert.equal(slug('Nguyễn Phú Trọng'), 'nguyen-phu-trong');
    assert.equal(slug('Łódź'), 'lodz');
    assert.equal(slug('Søren Kierkegaard'), 'soren-kierkegaard');
    assert.equal(slug('İstanbul'), 'istanbul');
    assert.equal(slug('Ελληνική Δημοκρατία'), 'ελληνικη-δημοκρατια');
    // й is a letter of its own in Russian, not an accented и.
    assert.equal(foldName('Зеленский'), 'зеленский');
    // Arabic vowel marks and tatweel are optional in writing.
    assert.equal(slug('مُحَمَّد'), slug('محمد'));
  });

  it('removes apostrophes of every kind rather than splitting on them', () => {
    assert.equal(slug("People's Bank of China"), 'peoples-bank-of-china');
    assert.equal(slug('People’s Bank of China'), 'peoples-bank-of-china');
    assert.equal(slug("O'Brien"), slug('O’Brien'));
    assert.equal(entityId('organization', "People's Bank of China"), 'organization:peoples-bank-of-china');
  });

  it('folds full-width and compatibility forms, and trims separators', () => {
    assert.equal(slug('ＵＮＩＣＥＦ'), 'unicef');
    assert.equal(slug(' — World Bank — '), 'world-bank');
  });

  it('name keys drop a possessive and a leading "the", and keep other scripts apart', () => {
    assert.equal(nameKey('The World Bank’s'), 'world bank');
    assert.equal(nameKey('Volodymyr Zélensky'), nameKey('volodymyr zelensky'));
    assert.notEqual(nameKey('Владимир Путин'), nameKey('Владимир Зеленский'));
    assert.notEqual(nameKey('習近平'), nameKey('李強'));
  });

  it('citekeys fold family names with the same rules, capitals included', () => {
    assert.equal(baseCitekey({ authors: ['Karen Øster'], issued: '2024' }, 'x.txt'), 'oster2024');
    assert.equal(baseCitekey({ authors: ['Ægir Þórsson'], issued: '2024' }, 'x.txt'), 'thorsson2024');
    assert.equal(baseCitekey({ authors: ['Anna Żółć'], issued: '2024' }, 'x.txt'), 'zolc2024');
    assert.equal(baseCitekey({ authors: ['Владимир Зеленский'], title: 'Ceasefire talks', issued: '2024' }, 'x.txt'), 'ceasefire2024');
  });

  it('quantity keys meet wherever sameQuantity does', () => {
    assert.equal(quantityKey({ value: 5, unit: '%' }), quantityKey({ value: 5, unit: 'per cent' }));
    assert.equal(quantityKey({ value: 524e9, unit: 'US$' }), quantityKey({ value: 524e9, unit: 'usd' }));
    assert.equal(quantityKey({ value: 0.1 + 0.2, unit: 'percent' }), quantityKey({ value: 0.3, unit: 'percent' }));
    assert.notEqual(quantityKey({ value: 524.0001e9, unit: 'USD' }), quantityKey({ value: 524e9, unit: 'USD' }));
    assert.equal(sameQuantity({ value: 524.0001e9, unit: 'USD' }, { value: 524e9, unit: 'USD' }), false);
  });

  it('two Russian speakers with one first name are two people, each credited with their own statement', () => {
    const d = source('Владимир Путин said the talks had failed. Владимир Зеленский said the army would hold the line.');
    const people = d.extraction.entities.filter((e) => e.type === 'person');
    assert.deepEqual(people.map((e) => e.id), ['person:владимир-путин', 'person:владимир-зеленский']);
    assert.deepEqual(d.extraction.claims.map((c) => c.speaker), ['Владимир Путин', 'Владимир Зеленский']);
  });

  it('an entity renamed in a sidecar gets the id extraction gives that name', () => {
    const extracted = source("People's Bank of China said rates would hold.").extraction.entities.find((e) => e.name === "People's Bank of China");
    assert.equal(extracted?.id, 'organization:peoples-bank-of-china');
    const span = { start: 0, end: 4, line: 0, character: 0, endLine: 0, endCharacter: 4 };
    const pboc = { id: 'organization:pboc', name: 'PBOC', type: 'organization' as const, aliases: ['PBOC'], mentions: [{ text: 'PBOC', span }] };
    const { curation } = parseSidecar('entities:\n  - name: PBOC\n    rename: People’s Bank of China\n', 's');
    const renamed = applyCuration({ entities: [pboc], figures: [], claims: [] }, curation).extraction.entities[0];
    assert.equal(renamed.id, extracted?.id);
  });

  it('workspace entities take the id their sources give them', () => {
    const a = source("People's Bank of China said rates would hold.", 'sources/a.txt');
    const b = source("The People's Bank of China said it would act.", 'sources/b.txt');
    const joined = buildWorkspaceEntities([a, b]).find((e) => e.name.includes('Bank of China'));
    assert.equal(joined?.id, 'organization:peoples-bank-of-china');
    assert.equal(joined?.occurrences.length, 2);
  });
});
