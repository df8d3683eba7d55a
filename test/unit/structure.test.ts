import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLAIM_RULES, ruleReason, whyLine } from '../../src/core/extract/rules';
import { checkMemo } from '../../src/core/memo/index';
import { buildSource } from '../../src/core/source';
import { classifyBlock, datelineLength, findDate, STRUCTURE_RULES } from '../../src/core/text/structure';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

describe('source structure rules', () => {
  it('has unique rule ids', () => {
    const ids = STRUCTURE_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const rule of STRUCTURE_RULES) {
    it(`${rule.id} decides its own example`, () => {
      const position = rule.examplePosition ?? 0;
      const text = rule.id === 'structure.standfirst' ? `*${rule.example}*` : rule.example;
      const decided = classifyBlock({ text, position, count: 10, markdownHeading: rule.id.startsWith('structure.markdown'), afterBody: position > 2 });
      assert.deepEqual(decided, { role: rule.role, rule: rule.id });
    });
  }

  it('leaves an ordinary body paragraph to the body', () => {
    const text = 'The Senate passed the bill on Friday, averting a shutdown hours before the deadline.';
    assert.deepEqual(classifyBlock({ text, position: 0, count: 5, markdownHeading: false, afterBody: false }), { role: 'body', rule: 'structure.body' });
  });

  it('keeps a one-line quotation or question inside a story as body', () => {
    const view = (text: string) => classifyBlock({ text, position: 5, count: 12, markdownHeading: false, afterBody: true }).role;
    assert.equal(view('“Why now?” she asked.'), 'body');
    assert.equal(view('But will the truce hold? Few in Kyiv think so.'), 'body');
  });
});

describe('dates and datelines', () => {
  it('reads dates in the common spellings', () => {
    assert.equal(findDate('Published November 19, 2019 10:32 AM ET'), '2019-11-19');
    assert.equal(findDate('19 Nov 2019'), '2019-11-19');
    assert.equal(findDate('Sept. 3, 2024'), '2024-09-03');
    assert.equal(findDate('2025-05-09T10:00:00Z'), '2025-05-09');
    assert.equal(findDate('in May last year'), undefined);
  });

  it('measures wire datelines and nothing else', () => {
    const cut = (t: string) => t.slice(datelineLength(t));
    assert.equal(cut('WASHINGTON, May 9 (Reuters) - The United States raised tariffs.'), 'The United States raised tariffs.');
    assert.equal(cut('KABUL, Afghanistan (AP) — Two soldiers were killed.'), 'Two soldiers were killed.');
    assert.equal(cut('LONDON — Britain’s economy grew.'), 'Britain’s economy grew.');
    assert.equal(cut('(Reuters) - Asian shares slipped.'), 'Asian shares slipped.');
    assert.equal(datelineLength('The Senate — in a rare move — agreed.'), 0);
  });
});

// A wire story as analysts paste it: headline, byline, date line, dateline, body, credit.
const WIRE = [
  'China vows countermeasures as US tariff hike takes effect',
  '',
  'By Andrea Shalal and David Lawder',
  'May 9, 2025',
  '',
  'WASHINGTON, May 9 (Reuters) - The United States raised tariffs on $200 billion of Chinese goods to 25% on Friday.',
  '',
  'China’s commerce ministry said it would take “necessary countermeasures” but gave no details.',
  '',
  'What happens next',
  '',
  'Imports from China fell by 12% in the first quarter, according to the Commerce Department.',
  '',
  'Related: US and China resume talks in Geneva',
  '',
  '(Reporting by Andrea Shalal; Editing by Chizu Nomiyama)',
].join('\n');

describe('a wire story pasted with its headline, byline and dateline', () => {
  const doc = buildSource({ path: 'sources/tariffs.txt', text: WIRE });

  it('takes the headline as the title and the date line as the issued date, so the citekey has a year', () => {
    assert.equal(doc.meta.title, 'China vows countermeasures as US tariff hike takes effect');
    assert.equal(doc.meta.issued, '2025-05-09');
    assert.deepEqual(doc.meta.authors, ['Andrea Shalal', 'David Lawder']);
    assert.equal(doc.citekey, 'shalal2025');
  });

  it('numbers body paragraphs as a reader counts them, and makes claims of body sentences only', () => {
    assert.deepEqual(
      doc.paragraphs.map((p) => [p.role, p.index]),
      [['title', 0], ['byline', 0], ['byline', 0], ['body', 1], ['body', 2], ['heading', 0], ['body', 3], ['notice', 0], ['byline', 0]],
    );
    assert.deepEqual(doc.extraction.claims.map((c) => c.id), ['c1.1', 'c2.1', 'c3.1']);
    assert.ok(doc.extraction.claims[0].text.startsWith('The United States raised'), doc.extraction.claims[0].text);
    assert.ok(doc.extraction.figures.every((f) => f.paragraph >= 1));
  });

  it('gives a memo citing it by reader-counted paragraphs no false diagnostic', () => {
    const index = new WorkspaceIndex();
    index.upsert({ path: 'sources/tariffs.txt', text: WIRE });
    const memo = [
      'The US raised tariffs on $200 billion of Chinese goods to 25% [@shalal2025, para. 1].',
      'Beijing promised “necessary countermeasures” [@shalal2025, para. 2].',
      'Imports from China fell by 12% in the first quarter [@shalal2025, para. 3].',
      '',
    ].join('\n');
    const problems = checkMemo(memo, index);
    assert.deepEqual(problems.map((p) => `${p.code}: ${p.message}`), []);
  });
});

describe('why extraction decided what it did', () => {
  it('records the rules behind each claim, every one with a reason', () => {
    const doc = buildSource({ path: 'sources/why.txt', text: 'Talks resume in Geneva\n\nBy Jane Doe\n\n“We will not back down,” Foreign Minister Anna Berg said on Monday. Officials said the talks would resume. Sanctions should stay.\n' });
    const [quote, unnamed, recommendation] = doc.extraction.claims;
    assert.deepEqual(quote.why, ['kind.quote', 'speaker.subject-of-saying']);
    assert.deepEqual(unnamed.why, ['kind.reported', 'speaker.unnamed-group']);
    assert.deepEqual(recommendation.why, ['kind.recommendation']);
    for (const c of doc.extraction.claims) for (const id of c.why ?? []) assert.notEqual(ruleReason(id), id, id);
    assert.equal(whyLine(quote.why), 'kind: words in quotation marks with a speaker; speaker: the subject of a verb of saying ("X said", "X, an analyst at Y, said")');
  });

  it('names a reason for every rule id the claims stage can record', () => {
    const source = readFileSync('src/core/extract/claims.ts', 'utf8');
    const ids = new Set([...source.matchAll(/'((?:kind|speaker|confidence)\.[a-z-]+)'/g)].map((m) => m[1]));
    assert.ok(ids.size > 25, `${ids.size} ids`);
    for (const id of ids) assert.ok(CLAIM_RULES[id], `no reason for ${id}`);
  });
});

describe('lexicon data', () => {
  const lexicon: Record<string, string[]> = JSON.parse(readFileSync('src/core/extract/data/lexicon.json', 'utf8'));

  it('holds each word or row once per list', () => {
    for (const [list, words] of Object.entries(lexicon)) {
      const seen = new Set<string>();
      const twice = words.filter((w) => seen.size === seen.add(w.trim()).size);
      assert.deepEqual(twice, [], `${list} repeats ${twice.join(', ')}`);
    }
  });

  it('gives each country name, place and organisation name one entry', () => {
    const names = [
      ...lexicon.countries.flatMap((row) => row.split('|')[0].split(',')),
      ...lexicon.places,
      ...lexicon.organizations.map((row) => row.split('|')[0]),
    ].map((n) => n.trim());
    const seen = new Set<string>();
    const twice = names.filter((n) => seen.size === seen.add(n).size);
    assert.deepEqual(twice, [], `named twice: ${twice.join(', ')}`);
  });
});
