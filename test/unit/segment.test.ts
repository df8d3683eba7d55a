import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segment, splitSentences } from '../../src/core/text/segment';

const sentences = (t: string) => splitSentences(t, 0, t.length).map(([s, e]) => t.slice(s, e));

describe('sentence segmentation', () => {
  it('ends a sentence at a period inside closing curly quotes', () => {
    assert.deepEqual(sentences('He said they had “made great progress.” Trump is likely to return.'), [
      'He said they had “made great progress.”',
      'Trump is likely to return.',
    ]);
  });

  it('does not split after titles, initials, decimals or e.g.', () => {
    assert.deepEqual(sentences('Mr. Smith met Dr. J. Jones, e.g. at 3.5 p.m. on Jan. 6. Then he left.'), [
      'Mr. Smith met Dr. J. Jones, e.g. at 3.5 p.m. on Jan. 6.',
      'Then he left.',
    ]);
  });

  it('keeps "the U.S. Senate" together but splits "the U.S. The"', () => {
    assert.deepEqual(sentences('It passed the U.S. Senate on Monday. It went to the U.S. The House waits.'), [
      'It passed the U.S. Senate on Monday.',
      'It went to the U.S.',
      'The House waits.',
    ]);
  });

  it('does not split on an ellipsis followed by lower case, nor on a question quoted mid-sentence', () => {
    assert.deepEqual(sentences('He paused… and went on. “Why?” he asked. Dashes – like this – stay.'), [
      'He paused… and went on.',
      '“Why?” he asked.',
      'Dashes – like this – stay.',
    ]);
  });
});

describe('paragraphs of the seed article', () => {
  const text = readFileSync('test/fixtures/corpus/seed-article.txt', 'utf8');
  const gold = JSON.parse(readFileSync('test/fixtures/corpus/seed-article.gold.json', 'utf8')) as { claims: { text: string }[] };
  const seg = segment(text);

  it('numbers body paragraphs and leaves out the heading, byline and notice', () => {
    const roles = seg.paragraphs.map((p) => p.role);
    assert.equal(roles.filter((r) => r === 'heading').length, 1);
    assert.equal(roles.filter((r) => r === 'byline').length, 1);
    assert.equal(roles.filter((r) => r === 'notice').length, 1);
    assert.deepEqual(seg.paragraphs.filter((p) => p.role === 'body').map((p) => p.index), Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('finds exactly the gold sentences, each an exact slice of the text', () => {
    assert.deepEqual(seg.sentences.map((s) => s.text), gold.claims.map((c) => c.text));
    for (const s of seg.sentences) assert.equal(text.slice(s.span.start, s.span.end), s.text);
  });

  it('handles CRLF line endings with the same sentences', () => {
    const crlf = segment(text.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.sentences.map((s) => s.text), gold.claims.map((c) => c.text));
  });
});

describe('bylines that end with a period', () => {
  const roles = (t: string) => segment(t).paragraphs.map((p) => p.role);

  it('takes "Name is a <role> at <Body>." as the byline in the last paragraph', () => {
    const text = 'Aid runs short in Sudan\nAid agencies warned on Monday that the crisis deepens.\nDonors have given little.\nAmina Hassan is a research fellow at the Rift Valley Institute.\n';
    assert.deepEqual(roles(text), ['title', 'body', 'body', 'byline']);
  });

  it('takes the form with "of" or a comma too, and as the first paragraph', () => {
    assert.equal(roles('Kristin Haugen is a senior fellow of the Norwegian Institute of International Affairs.\nThe Arctic is warming fast.\nNorway spends more.\nSweden joined.\nFinland too.\n')[0], 'byline');
    assert.equal(roles('Title here\nBody one starts here.\nBody two here.\nJo Bloggs is an economist, Capital Economics.\n')[3], 'byline');
  });

  it('leaves body sentences of the same shape alone after the title, in mid-article or without a role word', () => {
    const text = 'Title here\nCatherine Russell is the executive director of Unicef.\nShe spoke in Geneva.\nIt was cold.\nMore followed.\nIt ended.\n';
    assert.equal(roles(text)[1], 'body');
    assert.equal(roles('Title here\nBody one.\nBody two here.\nJohn Smith is a man of the People.\n')[3], 'body');
  });
});

describe('sentences in scripts without capitals', () => {
  it('starts a sentence at a letter of a script without case', () => {
    assert.deepEqual(sentences('The delegates met later. 習近平 said nothing. Путин left.'), ['The delegates met later.', '習近平 said nothing.', 'Путин left.']);
    assert.deepEqual(sentences('The envoy arrived. محمد بن سلمان received him.'), ['The envoy arrived.', 'محمد بن سلمان received him.']);
  });

  it('ends a sentence at a full-width stop with no space after it', () => {
    assert.deepEqual(sentences('会议结束了。代表们离开了。'), ['会议结束了。', '代表们离开了。']);
  });

  it('still keeps a lower-case continuation in the same sentence', () => {
    assert.deepEqual(sentences('He paused. and went on.'), ['He paused. and went on.']);
  });
});
