import * as assert from 'node:assert/strict';
import { baseCitekey } from '../../src/core/meta/citekey';
import { inferMeta, mergeMeta, metaFromYaml } from '../../src/core/meta/metadata';
import { formatProblemLine } from '../../src/core/problemLine';
import { buildSource } from '../../src/core/source';

describe('source metadata', () => {
  it('infers author and affiliation from the usual byline shapes', () => {
    const cases: Array<[string, string, string]> = [
      ['Olena Borodyna is senior geopolitical risks advisor, ODI Global', 'Olena Borodyna', 'ODI Global'],
      ['Amina Hassan is a research fellow at the Rift Valley Institute.', 'Amina Hassan', 'Rift Valley Institute'],
      ['John Smith is professor of politics at the University of Leeds.', 'John Smith', 'University of Leeds'],
    ];
    for (const [line, author, affiliation] of cases) {
      const meta = inferMeta({ titles: [], bylines: [line], notices: [] });
      assert.deepEqual(meta.authors, [author], line);
      assert.equal(meta.affiliation, affiliation, line);
    }
    assert.deepEqual(inferMeta({ titles: [], bylines: ["By Maria Keller"], notices: [] }).authors, ['Maria Keller']);
  });

  it('reads the publisher from a republication notice', () => {
    const meta = inferMeta({ titles: [], bylines: [], notices: ['This article is republished from The Conversation under a Creative Commons license. Read the original article.'] });
    assert.equal(meta.publisher, 'The Conversation');
  });

  it('lets the sidecar win over front matter, and front matter over inference, field by field', () => {
    const merged = mergeMeta(
      { authors: ['Inferred Person'], publisher: 'Inferred Press', origin: { authors: 'inferred', publisher: 'inferred' } },
      metaFromYaml({ title: 'Front title', issued: '2024-01-02' }, 'front-matter'),
      metaFromYaml({ author: 'Side Car', issued: new Date('2025-08-17T00:00:00Z') }, 'sidecar'),
    );
    assert.deepEqual(merged.authors, ['Side Car']);
    assert.equal(merged.publisher, 'Inferred Press');
    assert.equal(merged.title, 'Front title');
    assert.equal(merged.issued, '2025-08-17');
    assert.equal(merged.origin?.issued, 'sidecar');
  });

  it('derives Better BibTeX-like citekeys, folding accents', () => {
    assert.equal(baseCitekey({ authors: ['Olena Borodyna'], issued: '2025-08-17' }, 'x.txt'), 'borodyna2025');
    assert.equal(baseCitekey({ authors: ['José Núñez'], issued: '2021' }, 'x.txt'), 'nunez2021');
    assert.equal(baseCitekey({ title: 'The Future of NATO', issued: '2019' }, 'x.txt'), 'future2019');
    assert.equal(baseCitekey({}, 'sources/my-report_v2.md'), 'myreportv2');
  });

  it('takes metadata from markdown front matter and keeps paragraphs counted from the body', () => {
    const doc = buildSource({ path: 'sources/a.md', text: '---\ntitle: A title\nauthor: Jane Roe\ndate: 2023-05-01\n---\n\n# Heading\n\nFirst body paragraph. It has two sentences.\n\nSecond one.\n' });
    assert.equal(doc.meta.title, 'A title');
    assert.deepEqual(doc.meta.authors, ['Jane Roe']);
    assert.equal(doc.citekey, 'roe2023');
    assert.deepEqual(doc.paragraphs.filter((p) => p.role === 'body').map((p) => p.index), [1, 2]);
    assert.equal(doc.sentences[0].text, 'First body paragraph.');
  });
});

describe('problem lines', () => {
  it('prints file, 1-based position, severity, message and code, preferring the file the problem is in', () => {
    const span = { start: 3, end: 4, line: 2, character: 7, endLine: 2, endCharacter: 8 };
    assert.equal(formatProblemLine('a.txt', { severity: 'error', code: 'x', message: 'Bad.', span }), 'a.txt:3:8: error: Bad. [x]');
    assert.equal(formatProblemLine('a.txt', { severity: 'warning', code: 'y', message: 'Odd.', file: 'a.claimdesk.yaml' }), 'a.claimdesk.yaml: warning: Odd. [y]');
    assert.equal(formatProblemLine('m.md', { severity: 'hint', code: 'z', message: 'Two\n   lines.', span }), 'm.md:3:8: hint: Two lines. [z]');
  });
});
