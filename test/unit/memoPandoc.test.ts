import * as assert from 'node:assert/strict';
import { frontMatterBibliographies, outputName, pandocArgs, pandocFailure } from '../../src/core/memo/pandoc';

describe('memo rendering: the pandoc command line', () => {
  it('passes the memo’s own bibliographies along with the exported one, once', () => {
    const render = { memoFile: 'memo.md', outFile: 'memo.docx', bibliography: '../sources.json' };
    assert.deepEqual(pandocArgs('# No front matter', render), ['memo.md', '--citeproc', '--bibliography', '../sources.json', '--output', 'memo.docx']);
    assert.deepEqual(pandocArgs('---\nbibliography: [refs.bib, ../sources.json]\n---\n', render), ['memo.md', '--citeproc', '--bibliography', 'refs.bib', '--bibliography', '../sources.json', '--output', 'memo.docx']);
    assert.deepEqual(pandocArgs('---\nbibliography: refs.bib\n---\n', render).filter((a) => a.endsWith('.bib') || a.endsWith('.json')), ['refs.bib', '../sources.json']);
  });

  it('reads the bibliography of front matter in its forms', () => {
    assert.deepEqual(frontMatterBibliographies('---\nbibliography:\n  - a.json\n  - b.bib\n---\n'), ['a.json', 'b.bib']);
    assert.deepEqual(frontMatterBibliographies('\uFEFF---\nbibliography: a.json\n---\n'), ['a.json']);
    assert.deepEqual(frontMatterBibliographies('---\ntitle: [\n---\n'), []);
    assert.equal(outputName('land-for-ceasefire.md'), 'land-for-ceasefire.docx');
  });

  it('explains a missing or old pandoc, and a failed run', () => {
    assert.match(pandocFailure({ notFound: true, code: null, stderr: '' }, 'pandoc')!, /not found.*https:\/\/pandoc\.org\/installing\.html.*apt-get install pandoc/);
    assert.match(pandocFailure({ code: 2, stderr: 'Unknown option --citeproc.\nTry pandoc --help' }, 'pandoc')!, /older than 2\.11/);
    assert.match(pandocFailure({ code: 1, stderr: 'pandoc: memo.md: openBinaryFile: does not exist\n' }, 'pandoc')!, /exit 1\): pandoc: memo\.md/);
    assert.equal(pandocFailure({ code: 0, stderr: '' }, 'pandoc'), undefined);
  });
});
