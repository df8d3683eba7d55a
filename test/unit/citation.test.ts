import * as assert from 'node:assert/strict';
import { formatCitation, parseCitations } from '../../src/core/citation';

describe('Pandoc citations', () => {
  it('parses a bracketed citation with a paragraph locator and exact key offsets', () => {
    const text = 'Costs reach US$524 billion [@borodyna2025, para. 19].';
    const [c] = parseCitations(text);
    assert.equal(text.slice(c.start, c.end), '[@borodyna2025, para. 19]');
    assert.equal(c.items[0].key, 'borodyna2025');
    assert.equal(text.slice(c.items[0].keyStart, c.items[0].keyEnd), 'borodyna2025');
    assert.deepEqual(c.items[0].locator, { label: 'paragraph', value: '19', paragraphs: [19] });
  });

  it('parses several items with prefixes, ranges and suppressed authors', () => {
    const text = '[see @a2020, paras. 3–5; -@b2021, ¶ 2, emphasis added]';
    const [c] = parseCitations(text);
    assert.equal(c.items.length, 2);
    assert.equal(c.items[0].prefix, 'see');
    assert.deepEqual(c.items[0].locator?.paragraphs, [3, 4, 5]);
    assert.equal(c.items[1].suppressAuthor, true);
    assert.deepEqual(c.items[1].locator?.paragraphs, [2]);
    assert.equal(c.items[1].suffix, 'emphasis added');
  });

  it('parses in-text citations and ignores emails, links and code', () => {
    const text = 'As @smith2020 [para. 2] notes, mail me@example.org or see [the site](http://x) and `[@nope]`.';
    const cs = parseCitations(text);
    assert.deepEqual(cs.map((c) => c.items[0].key), ['smith2020']);
    assert.deepEqual(cs[0].items[0].locator?.paragraphs, [2]);
  });

  it('formats citations that parse back to the same key and paragraphs', () => {
    for (const [key, para] of [['borodyna2025', 19], ['a:b', 3], ['x.y', undefined]] as const) {
      const text = formatCitation(key, para);
      const [c] = parseCitations(text);
      assert.equal(c.items[0].key, key);
      assert.deepEqual(c.items[0].locator?.paragraphs ?? [], para === undefined ? [] : [para]);
    }
    assert.equal(formatCitation('k', [3, 4, 5, 9]), '[@k, paras. 3–5, 9]');
  });
});
