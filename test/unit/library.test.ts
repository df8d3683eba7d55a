import * as assert from 'node:assert/strict';
import { checkMemo, inlineReferences, nearestKeys, parseBibliography } from '../../src/core/memo/index';
import { Catalog } from '../../src/core/services/catalog';
import { citationCompletionContext, citationCompletions, completionPreview } from '../../src/core/services/completion';
import { libraryDefinition } from '../../src/core/services/definition';
import { memoHover } from '../../src/core/services/hover';
import { entryCard, entryDetail, Library } from '../../src/core/services/library';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';
import { makeDoc, worldBankDoc } from './servicesFixture';

/** Text with a `|` cursor marker → the text without it and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

// As Better BibTeX exports a Zotero library (BibLaTeX), with the things that trip a regular expression.
const BIB = [
  '% Exported by Better BibTeX',
  '@comment{jabref-meta: databaseType:biblatex;}',
  '@string{fa = "Foreign Affairs"}',
  '',
  '@article{smith2024sanctions,',
  '  title = {Sanctions, Oil and the {EU}: A {{Review}}},',
  '  author = {Smith, Jane and {World Bank}},',
  '  date = {2024-03-05},',
  '  journaltitle = fa,',
  '  doi = {10.1000/xyz},',
  '  note = {mentions @fake2020{x}, inside a field}',
  '}',
  '',
  '@online{ m\u00fcller2023,',
  '  title = {M\\"uller on tariffs},',
  '  author = {M{\\"u}ller, Hans and Doe, J. and Roe, R.},',
  '  year = 2023,',
  '  url = {https://example.org/a_b}',
  '}',
].join('\n');

describe('library: bibliography files', () => {
  it('reads BibLaTeX with a real parser: strings, nested braces, accents, dates, and where each key is', () => {
    const { entries, errors } = parseBibliography('refs.bib', BIB);
    assert.deepEqual(errors, []);
    assert.deepEqual(entries.map((e) => e.key), ['smith2024sanctions', 'müller2023']);
    const [smith, muller] = entries;
    assert.equal(smith.title, 'Sanctions, Oil and the EU: A Review');
    assert.deepEqual(smith.authors, ['Smith, Jane', 'World Bank']);
    assert.equal(smith.year, '2024');
    assert.equal(smith.container, 'Foreign Affairs');
    assert.equal(smith.doi, '10.1000/xyz');
    assert.equal(BIB.slice(smith.start, smith.end), 'smith2024sanctions');
    assert.equal(smith.file, 'refs.bib');
    assert.equal(muller.title, 'Müller on tariffs');
    assert.deepEqual(muller.familyNames, ['Müller', 'Doe', 'Roe']);
    assert.equal(muller.year, '2023');
    assert.equal(BIB.slice(muller.start, muller.end), 'müller2023');
    assert.equal(entryDetail(muller), 'Müller et al. · 2023 · Müller on tariffs');
  });

  it('keeps the entries it can read when one is broken, and says what is wrong', () => {
    const { entries, errors } = parseBibliography('refs.bib', '@misc{broken, title={unclosed}\n@book{ok2020, title={Fine}}');
    assert.ok(entries.some((e) => e.key === 'ok2020'));
    assert.ok(errors.length > 0);
  });

  it('reads CSL-JSON and CSL-YAML as Better BibTeX writes them, with the key offsets', () => {
    const json = '[\n  {"id": "a1", "type": "report", "title": "Plan", "author": [{"family": "Ng", "given": "Li"}], "issued": {"date-parts": [[2022, 5]]}, "publisher": "IMF"}\n]';
    const [a1] = parseBibliography('refs.json', json).entries;
    assert.equal(json.slice(a1.start, a1.end), 'a1');
    assert.equal(a1.issued, '2022-05');
    assert.equal(a1.year, '2022');
    assert.deepEqual(a1.authors, ['Ng, Li']);
    const yaml = '---\nreferences:\n- id: "y1"\n  type: book\n  title: Yonder\n  author:\n  - literal: UNHCR\n  issued: 2019\n';
    const [y1] = parseBibliography('refs.yaml', yaml).entries;
    assert.equal(yaml.slice(y1.start, y1.end), 'y1');
    assert.equal(y1.title, 'Yonder');
    assert.deepEqual(y1.familyNames, ['UNHCR']);
    assert.equal(y1.year, '2019');
    assert.deepEqual(parseBibliography('refs.json', 'not json').entries, []);
    assert.deepEqual(parseBibliography('refs.txt', BIB).entries, []);
  });

  it('reads the memo’s inline references with offsets into the memo', () => {
    const memo = '\uFEFF---\ntitle: M\nreferences:\n- id: inline1\n  title: Inline work\n---\nBody [@inline1]';
    const [e] = inlineReferences(memo);
    assert.equal(memo.slice(e.start, e.end), 'inline1');
    assert.equal(e.file, undefined);
  });
});

describe('library: completion, hover and definition', () => {
  const library = new Library(parseBibliography('file:///ws/memos/refs.bib', BIB).entries);

  it('offers library entries with author, year and title after the sources, matched on key, author or title words', () => {
    const cat = new Catalog([worldBankDoc()]);
    const a = cursor('Costs [@|');
    const all = citationCompletions(cat, citationCompletionContext(a.text, a.offset)!, 60, library);
    assert.deepEqual(all.slice(0, 3).map((c) => [c.kind, c.label]), [['source', '@analyst2025'], ['reference', '@müller2023'], ['reference', '@smith2024sanctions']]);
    const smith = all.find((c) => c.label === '@smith2024sanctions')!;
    assert.equal(smith.insertText, 'smith2024sanctions]');
    assert.equal(smith.detail, 'Smith & World Bank · 2024 · Sanctions, Oil and the EU: A Review');
    assert.match(completionPreview(smith), /Foreign Affairs/);
    const b = cursor('As @sanct|');
    const byTitle = citationCompletions(cat, citationCompletionContext(b.text, b.offset)!, 60, library);
    assert.equal(byTitle[0].label, '@smith2024sanctions');
    assert.equal(byTitle[0].insertText, '[@smith2024sanctions]');
  });

  it('hovers a library key with the full reference, escaped; Go to Definition lands on the key in the file', () => {
    const cat = new Catalog([worldBankDoc()]);
    const a = cursor('See [@smith2024sa|nctions, p. 3].');
    const card = memoHover(cat, a.text, a.offset, undefined, library)!;
    assert.match(card.markdown, /Smith\\, Jane\\; World Bank \(2024\\-03\\-05\)/);
    assert.match(card.markdown, /\*Sanctions\\, Oil and the EU\\: A Review\*/);
    assert.match(card.markdown, /from refs\\\.bib/);
    const entry = libraryDefinition(cat, library, a.text, a.offset)!;
    assert.equal(BIB.slice(entry.start, entry.end), 'smith2024sanctions');
    assert.equal(entry.file, 'file:///ws/memos/refs.bib');
    // A source with the key wins: its definition is the source's.
    assert.equal(libraryDefinition(cat, library, 'x [@analyst2025]', 6), undefined);
  });

  it('escapes hostile entries', () => {
    const bib = '@misc{evil, title = {[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>}, author = {{**Bold**}}}';
    const card = entryCard(parseBibliography('x.bib', bib).entries[0]);
    assert.doesNotMatch(card, /\]\(command:/);
    assert.doesNotMatch(card, /<img/);
    assert.doesNotMatch(card, /(^|[^\\])\*\*Bold/);
  });
});

describe('library: unknown keys and the nearest-key fix', () => {
  function index(): WorkspaceIndex {
    const idx = new WorkspaceIndex();
    idx.upsert({ path: 'sources/a.md', text: 'Costs rose.', sidecarText: 'citekey: chiacu\n' });
    idx.upsert({ path: 'sources/b.md', text: 'Costs fell.', sidecarText: 'citekey: smith2024\n' });
    idx.upsert({ path: 'sources/c.md', text: 'Costs held.', sidecarText: 'citekey: smith2021\n' });
    return idx;
  }
  const titles = (memo: string, externalKeys?: Set<string>) => checkMemo(memo, index(), { externalKeys }).flatMap((p) => (p.fixes ?? []).map((f) => f.title));

  it('offers the same name without the year first', () => {
    assert.deepEqual(titles('Costs [@chiacu2025].'), ['Change to @chiacu']);
  });

  it('offers the same name with another year, the nearest year first', () => {
    assert.deepEqual(titles('Costs [@smith2023].'), ['Change to @smith2024', 'Change to @smith2021']);
  });

  it('offers a small misspelling, and library keys too', () => {
    assert.deepEqual(titles('Costs [@chiaku].'), ['Change to @chiacu']);
    assert.deepEqual(titles('Costs [@smith2024sanction].', new Set(['smith2024sanctions'])).slice(0, 1), ['Change to @smith2024sanctions']);
  });

  it('accepts library keys and names the library in the message of an unknown one', () => {
    const problems = checkMemo('Costs [@smith2024sanctions; @nobody1999].', index(), { externalKeys: new Set(['smith2024sanctions']) });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /no source and no entry of the memo's bibliography has it/);
  });

  it('ranks name-and-year keys before far-off ones', () => {
    assert.deepEqual(nearestKeys('doe2020', ['doe', 'dee2020', 'doe2019a', 'zoe2021']), ['doe', 'doe2019a', 'dee2020']);
  });
});

describe('hover: more sources', () => {
  it('counts other sources, not other mentions in the same one', () => {
    const one = makeDoc('file:///ws/sources/one.txt', 'We ship 524 tonnes.\n\nThey ship 524 tonnes.\n\nAll ship 524 tonnes.\n\nNone ship 524 tonnes.', {
      citekey: 'one2025',
      figures: [],
    });
    let from = 0;
    one.extraction.figures = [0, 1, 2, 3].map((n) => {
      const at = one.text.indexOf('524 tonnes', from);
      from = at + 10;
      const claim = one.extraction.claims.find((c) => c.span.start <= at && at < c.span.end)!;
      return { id: `f${n}`, text: '524 tonnes', value: 524, unit: 'count', counts: 'tonnes', qualifier: null, source: null, span: { ...claim.span, start: at, end: at + 10 }, paragraph: claim.paragraph, claimId: claim.id };
    });
    const cat = new Catalog([one]);
    const m = cursor('We moved 52|4 tonnes.');
    const card = memoHover(cat, m.text, m.offset)!;
    assert.doesNotMatch(card.markdown, /more source/);
    assert.match(card.markdown, /Stated 1 more time in this source/);
  });
});
