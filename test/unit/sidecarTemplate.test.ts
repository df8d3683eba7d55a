import * as assert from 'node:assert/strict';
import { parseSidecar } from '../../src/core/sidecar';
import { createSidecarText } from '../../src/core/services/sidecarTemplate';

describe('Create Sidecar text', () => {
  it('writes title: and issued: empty, with a hint, when they are unknown; the sidecar reads back clean', () => {
    const text = createSidecarText({ path: 'sources/a.txt', citekey: 'doe', meta: { authors: ['Jane Doe'] } });
    const fields = text.split('\n').filter((l) => /^\w/.test(l));
    assert.deepEqual(fields, ['title: # unknown: the headline or title, as the citation should print it', 'author: Jane Doe', 'issued: # unknown: the publication date, YYYY-MM-DD', 'citekey: doe']);
    const parsed = parseSidecar(text, 's');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.meta.title, undefined);
    assert.equal(parsed.citekey, 'doe');
  });

  it('writes the inferred title and date as they are', () => {
    const text = createSidecarText({ path: 'sources/a.txt', citekey: 'doe2024', meta: { title: 'A: B', authors: ['Jane Doe'], issued: '2024-05-01' } });
    assert.match(text, /^title: "A: B"$/m);
    assert.match(text, /^issued: 2024-05-01$/m);
    assert.doesNotMatch(text, /unknown:/);
  });
});
