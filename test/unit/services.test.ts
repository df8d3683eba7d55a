import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/core/render/markdown';
import { Catalog, words } from '../../src/core/services/catalog';
import { quantityKey } from '../../src/core/text/keys';
import { groupThousands, insertionFor, quotedWords, spacedInsertion } from '../../src/core/services/cite';
import { citationCompletionContext, citationCompletions, completionPreview } from '../../src/core/services/completion';
import { citationDefinition } from '../../src/core/services/definition';
import { entityCard, memoHover, sourceHover } from '../../src/core/services/hover';
import { citationsOf, citationStats, referenceTargetInMemo, referenceTargetInSource } from '../../src/core/services/references';
import { groupClaims, groupEntities, TreeFilter } from '../../src/core/services/tree';
import { makeDoc, worldBankDoc } from './servicesFixture';

/** Text with a `|` cursor marker → the text without it and the cursor's offset. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

describe('editor services: catalog', () => {
  it('numbers the fixture paragraphs as the citations expect', () => {
    const doc = worldBankDoc();
    const byText = (frag: string) => doc.extraction.claims.find((c) => c.text.includes(frag))!;
    assert.equal(byText('Those are points').paragraph, 1);
    assert.equal(byText('World Bank').paragraph, 2);
    assert.equal(byText('300 drones').paragraph, 3);
  });

  it('finds claims and figures by prefixes of their words, all words required, diacritics folded', () => {
    const cat = new Catalog([worldBankDoc()]);
    const hits = cat.search('recons worl', 10);
    assert.ok(hits.length >= 1);
    assert.ok(hits.every((t) => (t.kind === 'claim' ? t.claim.text : t.claim!.text).includes('World Bank')));
    assert.deepEqual(cat.search('reconstruction zebra', 10), []);
    const accented = new Catalog([makeDoc('file:///ws/sources/a.txt', 'Le président Macron a parlé longuement à Paris.\n', { citekey: 'a2025' })]);
    assert.equal(accented.search('president', 5).length, 1);
  });

  it('finds the same first matches as a brute-force filter, source by source', () => {
    const docs = [];
    for (let i = 0; i < 300; i++) docs.push(makeDoc(`file:///ws/sources/r${i}.txt`, `Region r${i} reported rising costs. Rebuilding ${i % 7 ? 'roads' : 'rail'} is slow. Officials said ${i % 2 ? 'reforms' : 'nothing'} would follow.\n`, { citekey: `rep${i}` }));
    const cat = new Catalog(docs);
    const brute = (q: string, limit: number) => {
      const qs = words(q);
      return cat.targets.filter((t) => {
        const ws = [...words(t.doc.citekey), ...words(t.kind === 'claim' ? `${t.claim.text} ${t.claim.speaker}` : t.figure.text)];
        return qs.every((x) => ws.some((w) => w.startsWith(x)));
      }).slice(0, limit);
    };
    for (const q of ['r', 're', 'rail', 'reforms', 'r1', 'rep29', 'slow', 'officials reforms', 'zzz']) {
      assert.deepEqual(cat.search(q, 20), brute(q, 20), q);
    }
    // Tables prepared ahead of time (in idle slices) answer the same.
    const prepared = new Catalog(docs.map((d) => ({ ...d })));
    assert.equal(prepared.prepareSearch(0), false);
    assert.equal(prepared.prepareSearch(10_000), true);
    assert.deepEqual(prepared.search('officials reforms', 5).map((t) => t.doc.citekey), brute('officials reforms', 5).map((t) => t.doc.citekey));
  });

  it('meets one quantity however it is written, by unit and value', () => {
    const cat = new Catalog([worldBankDoc()]);
    assert.equal(cat.figuresWith(524e9, 'USD').length, 1);
    assert.equal(cat.figuresWith(524e9, 'usd').length, 1);
    assert.equal(cat.figuresWith(524e6, 'USD').length, 0);
    assert.equal(quantityKey({ value: 5, unit: '%' }), quantityKey({ value: 5, unit: 'percent' }));
  });

  it('finds the figure or entity mention under a source offset, figures first', () => {
    const doc = worldBankDoc();
    const cat = new Catalog([doc]);
    const at = doc.text.indexOf('524');
    assert.equal(cat.hitAt(doc, at)?.figure?.text, 'US$524 billion');
    assert.equal(cat.hitAt(doc, doc.text.indexOf('Bank'))?.entity?.name, 'World Bank');
    assert.equal(cat.hitAt(doc, doc.text.indexOf('costly')), undefined);
  });
});

describe('editor services: hover cards', () => {
  it('shows the World Bank sentence, title, date and actions when hovering "$524bn" in a memo', () => {
    const cat = new Catalog([worldBankDoc()]);
    const { text, offset } = cursor('Rebuilding will cost $5|24bn, says the Bank.');
    const card = memoHover(cat, text, offset, 'file:///ws/memos/m.md');
    assert.ok(card, 'no hover');
    assert.equal(text.slice(card.start, card.end), '$524bn');
    assert.match(card.markdown, /according to the World Bank/);
    assert.match(card.markdown, /Attributed to: World Bank/);
    assert.match(card.markdown, /Reconstruction after the war/);
    assert.match(card.markdown, /2025\\-08\\-17|2025-08-17/);
    assert.match(card.markdown, /command:claimdesk\.openSource\?/);
    assert.match(card.markdown, /command:claimdesk\.insertCitation\?/);
    assert.ok(card.markdown.includes(escapeMarkdown('[@analyst2025, para. 2]')), 'the citation is not shown');
  });

  it('hovers "US$524 billion" too, and nothing over a figure no source states', () => {
    const cat = new Catalog([worldBankDoc()]);
    const a = cursor('Costs of US$52|4 billion.');
    assert.ok(memoHover(cat, a.text, a.offset));
    const b = cursor('Costs of US$99|9 billion.');
    assert.equal(memoHover(cat, b.text, b.offset), undefined);
  });

  it('over a citation lists the cited paragraph’s claims; an unknown key says so', () => {
    const cat = new Catalog([worldBankDoc()]);
    const a = cursor('Costs [@analyst|2025, para. 2].');
    const card = memoHover(cat, a.text, a.offset)!;
    assert.equal(a.text.slice(card.start, card.end), '@analyst2025, para. 2');
    assert.match(card.markdown, /Paragraph 2/);
    assert.match(card.markdown, /according to the World Bank/);
    assert.match(card.markdown, /managing a web of risks/);
    assert.doesNotMatch(card.markdown, /largely agreed/);
    assert.match(card.markdown, /\(command:claimdesk\.findCitations\?/);
    const b = cursor('Costs [@nob|ody2020, para. 2].');
    assert.match(memoHover(cat, b.text, b.offset)!.markdown, /No source in this workspace and no entry of the memo's bibliography has the citekey \*\*nobody2020\*\*/);
  });

  it('in a source: the entity card with aliases, mentions and what it said', () => {
    const doc = worldBankDoc();
    const cat = new Catalog([doc]);
    const card = sourceHover(cat, doc, doc.text.indexOf('Trump said'))!;
    assert.match(card.markdown, /\*\*Donald Trump\*\* — person · 2 mentions in 1 source/);
    assert.match(card.markdown, /Also named: Trump/);
    assert.match(card.markdown, /Said by Donald Trump\*\* \(1\)/);
    const fig = sourceHover(cat, doc, doc.text.indexOf('300'))!;
    assert.match(fig.markdown, /more than 300 drones/);
  });

  it('escapes hostile source text: no raw links, images, HTML or foreign commands', () => {
    const hostile = 'The fund [click](command:workbench.action.terminal.new) ![x](http://evil/x.png) <img src=x onerror=alert(1)> holds US$7 billion, said the Evil Org.\n';
    const doc = makeDoc('file:///ws/sources/evil.txt', hostile, { citekey: 'evil2025', figures: [{ text: 'US$7 billion', value: 7e9, unit: 'USD', source: 'Evil](command:x)' }], entities: [{ name: 'Evil Org', type: 'organization' }] });
    const cat = new Catalog([doc]);
    const { text, offset } = cursor('It holds $|7bn.');
    const card = memoHover(cat, text, offset)!;
    assert.doesNotMatch(card.markdown, /<img/);
    assert.doesNotMatch(card.markdown, /\]\(command:workbench/);
    assert.doesNotMatch(card.markdown, /!\[x\]\(http/);
    const commands = [...card.markdown.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.ok(commands.length > 0 && commands.every((c) => c.startsWith('claimdesk.')), commands.join());
    const entity = entityCard(cat.entities[0]);
    assert.doesNotMatch(entity, /\]\(command:workbench/);
  });
});

describe('editor services: completion', () => {
  it('recognises `[@`, bare `@` and leaves e-mail addresses alone', () => {
    const a = cursor('Costs [@rec|');
    const ctx = citationCompletionContext(a.text, a.offset)!;
    assert.equal(ctx.inBracket, true);
    assert.equal(ctx.query, 'rec');
    assert.equal(ctx.needsClose, true);
    const b = cursor('As @rec| said');
    const bare = citationCompletionContext(b.text, b.offset)!;
    assert.equal(bare.inBracket, false);
    assert.equal(bare.replaceStart, b.text.indexOf('@'));
    const c = cursor('mail me@exa|');
    assert.equal(citationCompletionContext(c.text, c.offset), undefined);
    const d = cursor('Costs [@|] today');
    assert.equal(citationCompletionContext(d.text, d.offset)!.needsClose, false);
  });

  it('offers sources first, then claims matched on their words, inserting full citations', () => {
    const cat = new Catalog([worldBankDoc()]);
    const a = cursor('Costs [@|');
    const all = citationCompletions(cat, citationCompletionContext(a.text, a.offset)!);
    assert.equal(all[0].kind, 'source');
    assert.equal(all[0].insertText, 'analyst2025]');
    const b = cursor('Costs [@world|');
    const items = citationCompletions(cat, citationCompletionContext(b.text, b.offset)!);
    const claim = items.find((i) => i.kind === 'claim')!;
    assert.match(claim.label, /^Ukraine’s reconstruction/);
    assert.equal(claim.insertText, 'analyst2025, para. 2]');
    assert.match(completionPreview(claim), /according to the World Bank/);
    assert.match(completionPreview(all[0]), /Reconstruction after the war/);
    assert.ok(items.some((i) => i.kind === 'figure' && i.label.startsWith('US$524 billion')));
    const c = cursor('As @drones| show');
    const bare = citationCompletions(cat, citationCompletionContext(c.text, c.offset)!);
    assert.ok(bare.length > 0);
    assert.ok(bare.every((i) => i.insertText.startsWith('[@analyst2025')));
  });

  // Latency is measured by `npm run bench`; here, that the indexes answer right at 1,000 sources.
  it('answers from the word index at 1,000 sources (hover, definition, completion)', function () {
    this.timeout(30_000);
    const docs = [];
    for (let i = 0; i < 1000; i++) {
      docs.push(
        makeDoc(`file:///ws/sources/s${i}.txt`, `Source number ${i} reports that reconstruction costs rose to US$${i + 1} billion in region r${i}. Officials said talks would continue.\n\nA second paragraph names Donald Trump and the World Bank.\n`, {
          citekey: `s${i}`,
          figures: [{ text: `US$${i + 1} billion`, value: (i + 1) * 1e9, unit: 'USD', source: 'Officials' }],
          entities: [{ name: 'Donald Trump', type: 'person' }, { name: 'World Bank', type: 'organization' }],
        }),
      );
    }
    const cat = new Catalog(docs);
    assert.equal(cat.entities.find((e) => e.name === 'World Bank')?.occurrences.length, 1000);
    const memo = 'Costs rose to $500bn [@s499, para. 1], a record.\n\nTalks go on [@s12, para. 2].';
    const figureHover = memoHover(cat, memo, memo.indexOf('500bn'), 'file:///m.md');
    assert.ok(figureHover, 'no hover for $500bn');
    assert.match(figureHover.markdown, /Source number 499 reports/);
    assert.ok(memoHover(cat, memo, memo.indexOf('s499')), 'no hover for the citekey');
    assert.ok(citationDefinition(cat, memo, memo.indexOf('s499')), 'no definition for s499');
    assert.ok(citationDefinition(cat, memo, memo.indexOf('s12')), 'no definition for s12');
    const keyed = cursor('Text [@s12|');
    const byKey = citationCompletions(cat, citationCompletionContext(keyed.text, keyed.offset)!);
    assert.ok(byKey.some((i) => i.insertText.startsWith('s12')), 'completion by key');
    const worded = cursor('Text [@r99|');
    const byWords = citationCompletions(cat, citationCompletionContext(worded.text, worded.offset)!);
    assert.ok(byWords.some((i) => i.insertText.startsWith('s99')), 'completion by a word of the claim');
    const none = cursor('Text [@zzz|');
    assert.deepEqual(citationCompletions(cat, citationCompletionContext(none.text, none.offset)!), []);
  });
});

describe('editor services: definition and references', () => {
  it('lands on the cited sentence the memo’s figure or words point to, else the paragraph', () => {
    const doc = worldBankDoc();
    const cat = new Catalog([doc]);
    const a = cursor('Reconstruction will cost $524bn [@analyst|2025, para. 2].');
    const t = citationDefinition(cat, a.text, a.offset)!;
    assert.equal(doc.text.slice(t.start, t.end), doc.extraction.claims.find((c) => c.text.includes('World Bank'))!.text);
    const b = cursor('Risks abound [@analyst|2025, para. 2].');
    const u = citationDefinition(cat, b.text, b.offset)!;
    const para = doc.paragraphs.find((p) => p.role === 'body' && p.index === 2)!;
    assert.deepEqual([u.start, u.end], [para.span.start, para.span.end]);
    const c = cursor('See [@analyst|2025].');
    assert.equal(citationDefinition(cat, c.text, c.offset)!.start, doc.bodyStart);
    const d = cursor('See [@nob|ody, para. 2].');
    assert.equal(citationDefinition(cat, d.text, d.offset), undefined);
  });

  it('finds citations of a source or of particular paragraphs, ranges included', () => {
    const memo = 'A [@analyst2025, para. 2]. B [@analyst2025, paras. 1–3]. C [@other, para. 2]. D [@analyst2025].';
    assert.equal(citationsOf(memo, { citekey: 'analyst2025' }).length, 3);
    const p2 = citationsOf(memo, { citekey: 'analyst2025', paragraphs: [2] });
    assert.deepEqual(p2.map((r) => memo.slice(r.start, r.end)), ['@analyst2025, para. 2', '@analyst2025, paras. 1–3']);
    assert.deepEqual(citationsOf(memo, { citekey: 'analyst2025', paragraphs: [9] }), []);
    const doc = worldBankDoc();
    const cat = new Catalog([doc]);
    assert.deepEqual(referenceTargetInSource(cat, doc, doc.text.indexOf('costly')), { citekey: 'analyst2025', paragraphs: [2] });
    const m = cursor('x [@analyst2025, para|. 3]');
    assert.deepEqual(referenceTargetInMemo(m.text, m.offset), { citekey: 'analyst2025', paragraphs: [3] });
    assert.deepEqual(citationStats(cat, memo), { items: 4, sources: 1, unknown: 1 });
  });
});

describe('editor services: citations to insert and tree grouping', () => {
  it('a quote claim inserts its quote before the citation; a space separates it from a word', () => {
    const doc = worldBankDoc();
    const claim = doc.extraction.claims.find((c) => c.kind === 'quote')!;
    assert.equal(insertionFor({ kind: 'claim', doc, claim }), '“Those are points that we largely agreed on.” [@analyst2025, para. 1]');
    assert.equal(quotedWords('He said "no deal" twice.'), 'no deal');
    assert.equal(spacedInsertion('costs', '[@a]'), ' [@a]');
    assert.equal(spacedInsertion('costs ', '[@a]'), '[@a]');
    assert.equal(groupThousands(524e9), '524,000,000,000');
    assert.equal(groupThousands(-1234.5), '-1,234.5');
    assert.equal(groupThousands(999), '999');
  });

  it('groups claims by kind or speaker and entities by type; the filter needs every word', () => {
    const doc = worldBankDoc();
    const byKind = groupClaims(doc.extraction.claims, 'kind');
    assert.deepEqual(byKind.map((g) => g.key), ['quote', 'fact', 'assessment']);
    const bySpeaker = groupClaims(doc.extraction.claims, 'speaker');
    assert.equal(bySpeaker[bySpeaker.length - 1].key, 'author');
    assert.deepEqual(groupEntities(doc.extraction.entities).map((g) => g.label), ['People', 'Organizations', 'Places']);
    const f = new TreeFilter('world bank');
    assert.equal(doc.extraction.claims.filter((c) => f.claim(c)).length, 1);
    assert.equal(new TreeFilter('').active, false);
  });
});
