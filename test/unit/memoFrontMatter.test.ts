import * as assert from 'node:assert/strict';
import { addBibliography, applyTextEdits, relativePath } from '../../src/core/frontMatterEdit';

function add(memo: string, path = 'sources.json'): string {
  const result = addBibliography(memo, path);
  if (result.kind === 'error') throw new Error(result.message);
  return result.kind === 'edit' ? applyTextEdits(memo, [result.edit]) : memo;
}

describe('memo front matter: adding a bibliography', () => {
  it('appends the key and keeps every other byte, comments and quoting included', () => {
    const memo = '---\ntitle:   "Land: for ceasefire"   # working title\nauthor: [A, B]\n\ndate: 2025-08-20\n---\n\n# Body\n';
    assert.equal(add(memo), '---\ntitle:   "Land: for ceasefire"   # working title\nauthor: [A, B]\n\ndate: 2025-08-20\nbibliography: sources.json\n---\n\n# Body\n');
  });

  it('creates front matter when the memo has none', () => {
    assert.equal(add('# Memo\n'), '---\nbibliography: sources.json\n---\n\n# Memo\n');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    assert.equal(add('\uFEFF---\r\ntitle: x\r\n---\r\nBody'), '\uFEFF---\r\ntitle: x\r\nbibliography: sources.json\r\n---\r\nBody');
  });

  it('leaves a memo that already names the file unchanged', () => {
    assert.equal(addBibliography('---\nbibliography: sources.json\n---\n', 'sources.json').kind, 'unchanged');
    assert.equal(addBibliography('---\nbibliography:\n  - refs.bib\n  - sources.json\n---\n', 'sources.json').kind, 'unchanged');
  });

  it('turns another single file into a list, and extends block and flow lists', () => {
    assert.equal(add('---\nbibliography: refs.bib # zotero\n---\n'), '---\nbibliography: [refs.bib, sources.json] # zotero\n---\n');
    assert.equal(add('---\nbibliography:\n    - refs.bib\ntitle: T\n---\n'), '---\nbibliography:\n    - refs.bib\n    - sources.json\ntitle: T\n---\n');
    assert.equal(add('---\nbibliography: [a.bib, "b c.json"]\n---\n'), '---\nbibliography: [a.bib, "b c.json", sources.json]\n---\n');
    assert.equal(add('---\nbibliography:\n---\n'), '---\nbibliography: sources.json\n---\n');
  });

  it('quotes paths YAML would misread', () => {
    assert.equal(add('---\ntitle: x\n---\n', 'refs: new.json'), '---\ntitle: x\nbibliography: "refs: new.json"\n---\n');
    assert.equal(add('---\nbibliography: a.bib\n---\n', 'x,y.json'), '---\nbibliography: [a.bib, "x,y.json"]\n---\n');
  });

  it('refuses front matter that is not a valid YAML mapping', () => {
    assert.equal(addBibliography('---\ntitle: [\n---\n', 'a.json').kind, 'error');
    assert.equal(addBibliography('---\n- a\n---\n', 'a.json').kind, 'error');
  });

  it('computes the path from the memo folder to the bibliography', () => {
    assert.equal(relativePath('/w/memos', '/w/sources.json'), '../sources.json');
    assert.equal(relativePath('/w', '/w/sources.json'), 'sources.json');
    assert.equal(relativePath('/w/memos/2025', '/w/out/bib/sources.json'), '../../out/bib/sources.json');
  });
});
