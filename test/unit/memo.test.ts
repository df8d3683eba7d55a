import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../src/core/frontMatterEdit';
import { checkMemo, citekeysOfBibliography, confidenceLevel, findConfidence, inlineReferenceKeys, type MemoCheckOptions, type MemoProblem } from '../../src/core/memo/index';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

// A small report: paragraph numbers are what `para. N` names (1-based body paragraphs).
const REPORT = [
  'Reconstruction will cost US$524 billion over the next decade, according to the World Bank.',
  'The minister said: “We will rebuild every bridge, every school and every hospital\nthat the war destroyed.” Officials called the plan "ambitious but achievable."',
  'Inflation reached 12.5% last year. The deal is likely to split public opinion.',
  'More than 300 drones and 30 missiles hit the capital overnight, the army said.',
].join('\n\n');
const OPED = 'Sanctions will almost certainly stay in place through 2027. Exports fell by 40% in a year.';

function workspace(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.upsert({ path: 'sources/report.md', text: REPORT, sidecarText: 'citekey: bank2025\n' });
  index.upsert({ path: 'sources/oped.md', text: OPED, sidecarText: 'citekey: smith2024\n' });
  return index;
}

function check(memo: string, options?: MemoCheckOptions): MemoProblem[] {
  return checkMemo(memo, workspace(), options);
}

function only(problems: MemoProblem[], code: string): MemoProblem[] {
  return problems.filter((p) => p.code === code);
}

function fix(memo: string, problem: MemoProblem, n = 0): string {
  assert.ok(problem.fixes?.[n], `expected fix ${n} on "${problem.message}"`);
  return applyTextEdits(memo, problem.fixes![n].edits);
}

describe('memo checks', () => {
  it('accepts a memo whose citations, figures and quotations all match', () => {
    const memo = [
      '---',
      'title: Memo',
      'date: 2025-08-20',
      '---',
      '',
      '# Costs',
      '',
      'Rebuilding will cost US$524 billion [@bank2025, para. 1]. The minister promised to rebuild',
      '“every bridge, every school and every hospital that the war destroyed” [@bank2025, para. 2].',
      'Sanctions will likely stay [@smith2024].',
    ].join('\n');
    assert.deepEqual(check(memo), []);
  });

  describe('citations', () => {
    it('reports an unknown citekey on the key, with a fix naming the closest known key', () => {
      const memo = 'Costs are high [@bank2052, para. 1].';
      const [p] = only(check(memo), 'unknown-citekey');
      assert.equal(memo.slice(p.start, p.end), 'bank2052');
      assert.equal(p.severity, 'error');
      assert.equal(fix(memo, p), 'Costs are high [@bank2025, para. 1].');
    });

    it('checks every item when several citations share one bracket', () => {
      const memo = 'Both agree [see @bank2025, para. 1; @nobody2020; -@smith2024, p. 3].';
      const problems = check(memo);
      assert.deepEqual(problems.map((p) => [p.code, memo.slice(p.start, p.end)]), [['unknown-citekey', 'nobody2020']]);
    });

    it('leaves keys of the memo’s own bibliographies alone', () => {
      const memo = 'As argued elsewhere [@other2020, p. 3; @bank2052].';
      const problems = check(memo, { externalKeys: new Set(['other2020']) });
      assert.deepEqual(problems.map((p) => memo.slice(p.start, p.end)), ['bank2052']);
    });

    it('reads citekeys from BibTeX, CSL-JSON, CSL-YAML and inline references', () => {
      const bib = '@comment{x,}\n@Article{ smith2020,\n title={T}}\n@book{doe:2019, title={B}}\n@string{foo = "bar"}';
      assert.deepEqual(citekeysOfBibliography('refs.bib', bib), ['smith2020', 'doe:2019']);
      assert.deepEqual(citekeysOfBibliography('refs.json', '[{"id":"a1","type":"book"},{"type":"x"}]'), ['a1']);
      assert.deepEqual(citekeysOfBibliography('refs.json', 'not json'), []);
      assert.deepEqual(citekeysOfBibliography('refs.yaml', 'references:\n- id: y1\n  type: book\n'), ['y1']);
      assert.deepEqual(inlineReferenceKeys('---\nreferences:\n- id: inline1\n  title: T\n---\nBody'), ['inline1']);
    });

    it('reports a paragraph the source does not have, on the locator', () => {
      const memo = 'Costs [@bank2025, para. 9] and drones [@bank2025, paras. 3–5].';
      const problems = only(check(memo), 'unknown-paragraph');
      assert.deepEqual(problems.map((p) => memo.slice(p.start, p.end)), ['9', '3–5']);
      assert.match(problems[0].message, /has no paragraph 9: it has 4 body paragraphs/);
      assert.match(problems[1].message, /has no paragraph 5\b/);
    });
  });

  describe('figures beside a citation', () => {
    for (const spelling of ['$524bn', 'US$524 billion', '524 billion dollars', 'USD 524 billion', '$524,000,000,000']) {
      it(`accepts ${spelling} for the source's US$524 billion`, () => {
        assert.deepEqual(check(`It will cost ${spelling} [@bank2025, para. 1].`), []);
      });
    }

    it('reports a figure the cited paragraph does not have, with a fix that uses the source’s number', () => {
      const memo = 'Rebuilding will cost US$542 billion [@bank2025, para. 1].';
      const [p] = check(memo);
      assert.equal(p.code, 'figure-mismatch');
      assert.equal(memo.slice(p.start, p.end), 'US$542 billion');
      assert.match(p.message, /matches no figure in bank2025, para\. 1 \(it has US\$524 billion\)/);
      assert.equal(fix(memo, p), 'Rebuilding will cost US$524 billion [@bank2025, para. 1].');
    });

    it('compares units too: 524 billion euros is not US$524 billion', () => {
      const [p] = check('It costs €524 billion [@bank2025, para. 1].');
      assert.equal(p.code, 'figure-mismatch');
    });

    it('offers the right paragraph when the figure is elsewhere in the cited source', () => {
      const memo = 'Inflation reached 12.5% [@bank2025, para. 1].';
      const [p] = check(memo);
      assert.equal(p.code, 'figure-mismatch');
      assert.equal(p.message, '12.5% matches no figure in bank2025, para. 1. It is in bank2025, para. 3.');
      assert.equal(fix(memo, p), 'Inflation reached 12.5% [@bank2025, para. 3].');
    });

    it('checks counts against the counts of the cited paragraph, whatever the qualifier', () => {
      assert.deepEqual(check('Over 300 drones struck [@bank2025, para. 4].'), []);
      const memo = 'Some 400 drones struck [@bank2025, para. 4].';
      const [p] = check(memo);
      assert.equal(p.code, 'figure-mismatch');
      assert.equal(fix(memo, p), 'More than 300 drones struck [@bank2025, para. 4].');
    });

    it('checks each figure against the citation right after it when a sentence has several', () => {
      const memo = 'Costs of US$524 billion [@bank2025, para. 1] and exports down 40% [@smith2024] and 12.5% [@bank2025, para. 1].';
      const problems = check(memo);
      assert.deepEqual(problems.map((p) => [p.code, memo.slice(p.start, p.end)]), [['figure-mismatch', '12.5%']]);
      assert.equal(problems[0].message, '12.5% matches no figure in bank2025, para. 1. It is in bank2025, para. 3.');
    });

    it('takes a citation after the full stop as the citation of the sentence before it', () => {
      const memo = 'Rebuilding will cost US$542 billion.\n[@bank2025, para. 1] Next sentence has no figure.';
      const [p] = check(memo);
      assert.equal(p.code, 'figure-mismatch');
    });

    it('checks a figure against every item of a bracket with several citations', () => {
      assert.deepEqual(check('Exports fell 40% and costs hit $524bn [see @bank2025, para. 1; @smith2024, para. 1].'), []);
      const memo = 'Exports fell 45% [@bank2025, para. 1; @smith2024, para. 1].';
      const [p] = check(memo);
      assert.equal(p.message, '45% matches no figure in bank2025, para. 1; smith2024, para. 1 (it has 40%).');
      assert.equal(fix(memo, p), 'Exports fell 40% [@bank2025, para. 1; @smith2024, para. 1].');
    });

    it('gives an in-text citation to its own sentence', () => {
      const memo = 'Costs are rising. @bank2025 [para. 3] puts inflation at 12.5%. @bank2025 [para. 1] puts it at 9%.';
      const problems = check(memo);
      assert.deepEqual(problems.map((p) => [p.code, memo.slice(p.start, p.end)]), [['figure-mismatch', '9%']]);
    });

    it('gives a citation opening a paragraph to the sentence after it', () => {
      assert.deepEqual(check('Intro.\n\n[@bank2025, para. 3] Inflation reached 12.5% last year.'), []);
      assert.equal(check('Intro.\n\n[@bank2025, para. 1] Inflation reached 12.5% last year.')[0]?.code, 'figure-mismatch');
    });

    it('ignores years and numbers in citations, front matter and code', () => {
      const memo = '---\ndate: 2025-01-01\n---\nIn 2019 the cost was US$524 billion [@bank2025, para. 1]. `US$1 billion [@bank2025, para. 1]`';
      assert.deepEqual(check(memo), []);
    });
  });

  describe('quotations beside a citation', () => {
    it('accepts curly and straight quotes, other apostrophes, and a quote broken across lines', () => {
      const memo = [
        'He said "We will rebuild every bridge, every school" [@bank2025, para. 2].',
        'Officials called it “ambitious but\n   achievable” [@bank2025, para. 2].',
        "It is 'likely' that “The deal is likely to split public opinion” [@bank2025, para. 3].",
      ].join('\n\n');
      assert.deepEqual(check(memo), []);
    });

    it('lets an ellipsis or a bracketed insertion skip words, in order only', () => {
      assert.deepEqual(check('“We will rebuild every bridge … that the war destroyed” [@bank2025, para. 2].'), []);
      assert.deepEqual(check('“We will rebuild [...] every hospital” [@bank2025, para. 2].'), []);
      assert.equal(check('“every hospital … every bridge” [@bank2025, para. 2].')[0]?.code, 'quote-mismatch');
    });

    it('reports a misquotation with a fix that restores the source’s wording', () => {
      const memo = 'The minister vowed to “rebuild every bridge, each school and every hospital\nthe war destroyed.” [@bank2025, para. 2]';
      const [p] = check(memo);
      assert.equal(p.code, 'quote-mismatch');
      assert.equal(p.message, 'This quotation is not in bank2025, para. 2 word for word.');
      assert.equal(
        fix(memo, p),
        'The minister vowed to “rebuild every bridge, every school and every hospital that the war destroyed.” [@bank2025, para. 2]',
      );
    });

    it('offers the right paragraph when the quotation is verbatim elsewhere in the source', () => {
      const memo = 'Officials were upbeat: "ambitious but achievable" [@bank2025, para. 1].';
      const [p] = check(memo);
      assert.equal(p.code, 'quote-mismatch');
      assert.equal(p.message, 'This quotation is not in bank2025, para. 1 word for word. It is in bank2025, para. 2.');
      assert.equal(fix(memo, p), 'Officials were upbeat: "ambitious but achievable" [@bank2025, para. 2].');
    });

    it('does not match part of a word', () => {
      assert.equal(check('They call it “bitious but achievable” [@bank2025, para. 2].')[0]?.code, 'quote-mismatch');
    });
  });

  describe('uncited figures', () => {
    it('hints at a figure that matches a source, with a fix that adds the citation', () => {
      const memo = 'Rebuilding will cost $524bn.';
      const [p] = check(memo);
      assert.equal(p.code, 'uncited-figure');
      assert.equal(p.severity, 'hint');
      assert.equal(memo.slice(p.start, p.end), '$524bn');
      assert.equal(fix(memo, p), 'Rebuilding will cost $524bn [@bank2025, para. 1].');
    });

    it('puts the citation after a closing quotation mark', () => {
      const memo = 'A fall of 40% was “severe.”';
      assert.equal(fix(memo, check(memo)[0]), 'A fall of 40% was “severe.” [@smith2024, para. 1]');
    });

    it('says nothing of figures no source has, of years, or of small counts', () => {
      assert.deepEqual(check('In 2027 there were 3 meetings and costs of US$17 billion.'), []);
    });
  });

  describe('confidence', () => {
    it('hints when the memo is more confident than the cited claim', () => {
      const memo = 'The deal will almost certainly split opinion [@bank2025, para. 3].';
      const [p] = check(memo);
      assert.equal(p.code, 'confidence-stronger');
      assert.equal(memo.slice(p.start, p.end), 'almost certainly');
      assert.match(p.message, /stronger than the cited source: bank2025, para\. 3 says “(?:is )?likely(?: to)?” \(likely\)/);
      assert.equal(fix(memo, p), 'The deal will probably split opinion [@bank2025, para. 3].');
      const adjective = 'The deal is almost certain to split opinion [@bank2025, para. 3].';
      assert.equal(fix(adjective, check(adjective)[0]), 'The deal is likely to split opinion [@bank2025, para. 3].');
    });

    it('orders ICD 203 phrases, including the extraction’s framed ones', () => {
      const levels = ['almost no chance', 'very unlikely', 'far from certain', 'roughly even chance', 'would be likely to', 'highly probable', 'almost certainly'].map(confidenceLevel);
      assert.deepEqual(levels, [1, 2, 3, 4, 5, 6, 7]);
      assert.equal(confidenceLevel('is not likely'), 3);
      assert.equal(confidenceLevel('not very likely'), 3);
      assert.equal(confidenceLevel('in all likelihood'), 6);
      assert.equal(confidenceLevel('could'), undefined);
      assert.deepEqual(findConfidence('The likely winner, in remote areas, will probably lose.').map((m) => m.phrase), ['probably']);
    });

    it('reads a phrase broken across lines', () => {
      const [p] = check('The deal will very\nlikely split opinion [@bank2025, para. 3].');
      assert.equal(p?.code, 'confidence-stronger');
      assert.match(p.message, /^“very likely” \(very likely\) is stronger/);
    });

    it('accepts the same or a weaker term, and reads "very unlikely" as weak', () => {
      assert.deepEqual(check('The deal will probably split opinion [@bank2025, para. 3].'), []);
      assert.deepEqual(check('A reversal is very unlikely [@smith2024, para. 1].'), []);
      assert.deepEqual(check('Sanctions are very likely to stay [@smith2024, para. 1].'), []);
    });
  });

  it('uses configured severities and skips checks that are off', () => {
    const memo = 'Rebuilding will cost US$542 billion [@bank2025, para. 1] or $524bn.';
    const problems = check(memo, { severities: { figureMismatch: 'warning', uncitedFigure: 'off' } });
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['figure-mismatch', 'warning']]);
  });

  it('gives line and character positions for editors', () => {
    const memo = 'Title\n\nCosts [@bank2052].';
    const [p] = check(memo);
    assert.deepEqual([p.span.line, p.span.character, p.span.endLine, p.span.endCharacter], [2, 8, 2, 16]);
  });

  // How fast this is belongs to `npm run bench`; here, that a memo against 1,000 sources is checked right.
  it('checks a memo against 1,000 sources, finding the wrong figures and quotes', function () {
    this.timeout(60_000);
    const index = new WorkspaceIndex();
    const inputs = [];
    for (let i = 0; i < 1000; i++) {
      const text = Array.from({ length: 12 }, (_, p) => `Paragraph ${p + 1} of report ${i} says costs reached US$${i * 13 + p} million and ${p + i}% of firms closed, the ministry said.`).join('\n\n');
      inputs.push({ path: `sources/r${i}.txt`, text, sidecarText: `citekey: r${i}\n` });
    }
    index.upsertMany(inputs);
    // Report k's paragraph 3 says US$(13k + 2) million: right for every k; paragraph 2 of report k+1 holds no such quote wording problem.
    const memo = Array.from({ length: 40 }, (_, k) => `Costs reached US$${k * 13 + 2} million [@r${k}, para. 3]. Costs were US$${k * 13 + 7} million [@r${k}, para. 3].`).join('\n\n');
    const first = checkMemo(memo, index);
    const again = checkMemo(memo, index);
    assert.deepEqual(again, first, 'a second check (with the quantity map reused) gives the same answer');
    const mismatches = first.filter((p) => p.code === 'figure-mismatch');
    assert.equal(mismatches.length, 40, first.map((p) => p.code).join(', '));
  });
});
