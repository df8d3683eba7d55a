import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Claim, Entity, Extraction } from '../../src/core/model';
import { applyCuration, claimAnchor, driftedClaims, editSidecar, newSidecarText, parseSidecar } from '../../src/core/sidecar';
import { buildSource } from '../../src/core/source';
import { LineIndex } from '../../src/core/text/lines';

const TEXT = 'Putin met Trump in Alaska. The Kremlin said talks went well. Moscow wants Donbas.';
const lines = new LineIndex(TEXT);

function mention(text: string, from = 0) {
  const start = TEXT.indexOf(text, from);
  return { text, span: lines.span(start, start + text.length) };
}

function entity(id: string, name: string, type: Entity['type'], aliases: string[]): Entity {
  return { id, name, type, aliases, mentions: aliases.map((a) => mention(a)) };
}

function claim(id: string, text: string, speaker = 'author', entityIds: string[] = []): Claim {
  const start = TEXT.indexOf(text);
  return { id, text, kind: 'fact', speaker, confidence: null, span: lines.span(start, start + text.length), paragraph: Number(id.slice(1).split('.')[0]), entityIds, figureIds: [] };
}

function extraction(): Extraction {
  return {
    entities: [
      entity('person:putin', 'Putin', 'person', ['Putin']),
      entity('person:trump', 'Trump', 'person', ['Trump']),
      entity('place:alaska', 'Alaska', 'place', ['Alaska']),
      entity('organization:kremlin', 'Kremlin', 'organization', ['The Kremlin']),
      entity('place:moscow', 'Moscow', 'place', ['Moscow']),
    ],
    figures: [],
    claims: [
      claim('c1.1', 'Putin met Trump in Alaska.', 'author', ['person:putin', 'person:trump', 'place:alaska']),
      claim('c1.2', 'The Kremlin said talks went well.', 'Kremlin', ['organization:kremlin']),
      claim('c2.1', 'Moscow wants Donbas.', 'Moscow', ['place:moscow']),
    ],
  };
}

function curate(yaml: string) {
  const parsed = parseSidecar(yaml, 'x.claimdesk.yaml');
  assert.equal(parsed.valid, true, JSON.stringify(parsed.problems));
  return { parsed, result: applyCuration(extraction(), parsed.curation) };
}

describe('sidecar: reading', () => {
  it('reads metadata, citekey, entity and claim corrections, and reports unknown keys without dropping them', () => {
    const { parsed } = curate(['title: T', 'citekey: smith2020', 'x-team: blue', 'entities:', '  - name: Putin', '    rename: Vladimir Putin', 'claims:', '  c1.1:', '    kind: assessment'].join('\n'));
    assert.equal(parsed.meta.title, 'T');
    assert.equal(parsed.citekey, 'smith2020');
    assert.deepEqual(parsed.curation.entities.map((e) => [e.name, e.rename]), [['Putin', 'Vladimir Putin']]);
    assert.deepEqual(parsed.curation.claims.map((c) => [c.id, c.kind]), [['c1.1', 'assessment']]);
    const unknown = parsed.problems.find((p) => p.code === 'sidecar-unknown-key');
    assert.equal(unknown?.severity, 'info');
    assert.equal(unknown?.span?.line, 2);
  });

  it('reports malformed YAML at its line, marks the sidecar invalid and yields no curation', () => {
    const parsed = parseSidecar('title: ok\nclaims:\n  c1.1: [unclosed\nauthor: x\n', 's.claimdesk.yaml');
    assert.equal(parsed.valid, false);
    assert.equal(parsed.problems[0].code, 'sidecar-yaml');
    assert.equal(parsed.problems[0].file, 's.claimdesk.yaml');
    assert.ok(parsed.problems[0].span!.line >= 2, `line ${parsed.problems[0].span!.line}`);
    assert.deepEqual(parsed.curation.claims, []);
  });

  it('refuses a sidecar that is a list or a scalar, and accepts an empty one', () => {
    assert.equal(parseSidecar('- a\n- b\n', 's').valid, false);
    assert.equal(parseSidecar('just words', 's').valid, false);
    const empty = parseSidecar('# only a comment\n', 's');
    assert.equal(empty.valid, true);
    assert.deepEqual(empty.problems, []);
  });

  it('warns about invalid values at their line and keeps the valid ones', () => {
    const { parsed } = curate('claims:\n  c1.1:\n    kind: opinion\n    speaker: Putin\nentities:\n  - name: Putin\n    type: deity\n  - rename: nobody\n');
    const codes = parsed.problems.map((p) => `${p.code}@${p.span?.line}`);
    assert.deepEqual(codes, ['sidecar-value@2', 'sidecar-value@6', 'sidecar-entities@7']);
    assert.equal(parsed.curation.claims[0].speaker, 'Putin');
    assert.equal(parsed.curation.claims[0].kind, undefined);
  });

  it('survives YAML alias bombs without expanding them', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const parsed = parseSidecar(bomb, 's');
    assert.equal(parsed.valid, false);
    assert.equal(parsed.problems[0].code, 'sidecar-yaml');
  });
});

describe('sidecar: applying curation', () => {
  it('fixes a claim kind, speaker (resolved through aliases), confidence, note, and marks curated fields', () => {
    const { result } = curate('claims:\n  c1.2:\n    kind: reported\n    speaker: the kremlin\n    confidence: likely\n    note: checked\n');
    const c = result.extraction.claims[1];
    assert.equal(c.kind, 'reported');
    assert.equal(c.speaker, 'Kremlin');
    assert.equal(c.confidence, 'likely');
    assert.equal(c.note, 'checked');
    assert.deepEqual(c.curated, ['kind', 'speaker', 'confidence', 'note']);
    assert.equal(result.extraction.claims[0].curated, undefined);
  });

  it('hides a claim, and null confidence clears a phrase', () => {
    const { result } = curate('claims:\n  c1.1: { hidden: true }\n  c2.1: { confidence: null }\n');
    assert.equal(result.extraction.claims[0].hidden, true);
    assert.equal(result.extraction.claims[2].confidence, null);
    assert.deepEqual(result.extraction.claims[2].curated, ['confidence']);
  });

  it('renames an entity: speakers, figure sources and entity ids follow', () => {
    const ex = extraction();
    ex.figures.push({ id: 'fig-1-1', text: 'x', value: 1, unit: 'count', counts: null, qualifier: null, source: 'Kremlin', span: lines.span(0, 1), paragraph: 1, claimId: 'c1.2' });
    const parsed = parseSidecar('entities:\n  - name: the kremlin\n    rename: Russian presidency\n    aliases: [the Russian presidency]\n', 's');
    const { extraction: out, problems } = applyCuration(ex, parsed.curation);
    assert.deepEqual(problems, []);
    const e = out.entities.find((x) => x.name === 'Russian presidency')!;
    assert.equal(e.id, 'organization:russian-presidency');
    assert.deepEqual(e.aliases, ['The Kremlin', 'the Russian presidency']);
    assert.deepEqual(e.curated, ['aliases', 'name']);
    assert.equal(out.claims[1].speaker, 'Russian presidency');
    assert.deepEqual(out.claims[1].entityIds, ['organization:russian-presidency']);
    assert.equal(out.figures[0].source, 'Russian presidency');
    assert.equal(ex.entities[3].name, 'Kremlin', 'the input is not mutated');
  });

  it('merges an entity into another: aliases and mentions join, references follow, nothing dangles', () => {
    const { result } = curate('entities:\n  - name: Moscow\n    mergeInto: Kremlin\n');
    const names = result.extraction.entities.map((e) => e.name);
    assert.ok(!names.includes('Moscow'));
    const k = result.extraction.entities.find((e) => e.name === 'Kremlin')!;
    assert.deepEqual(k.aliases, ['The Kremlin', 'Moscow']);
    assert.deepEqual(k.mentions.map((m) => m.text), ['The Kremlin', 'Moscow']);
    assert.equal(result.extraction.claims[2].speaker, 'Kremlin');
    assert.deepEqual(result.extraction.claims[2].entityIds, ['organization:kremlin']);
  });

  it('renaming onto an existing entity merges them', () => {
    const { result } = curate('entities:\n  - name: Moscow\n    rename: Kremlin\n    type: organization\n');
    assert.equal(result.extraction.entities.filter((e) => e.name === 'Kremlin').length, 1);
    assert.equal(result.extraction.entities.length, 4);
    assert.deepEqual(result.extraction.claims[2].entityIds, ['organization:kremlin']);
  });

  it('drops a hidden entity and its references in claims', () => {
    const { result } = curate('entities:\n  - name: Alaska\n    hidden: true\n');
    assert.ok(!result.extraction.entities.some((e) => e.name === 'Alaska'));
    assert.deepEqual(result.extraction.claims[0].entityIds, ['person:putin', 'person:trump']);
  });

  it('a curated speaker follows a rename made in the same sidecar', () => {
    const { result } = curate('entities:\n  - name: Putin\n    rename: Vladimir Putin\nclaims:\n  c1.2:\n    speaker: Putin\n');
    assert.equal(result.extraction.claims[1].speaker, 'Vladimir Putin');
  });

  it('is idempotent: curating the curated extraction changes nothing', () => {
    const yaml = 'entities:\n  - name: Putin\n    rename: Vladimir Putin\n  - name: Moscow\n    mergeInto: Kremlin\n  - name: Alaska\n    hidden: true\nclaims:\n  c1.1: { kind: assessment, speaker: putin }\n  c2.1: { hidden: true }\n';
    const parsed = parseSidecar(yaml, 's');
    const once = applyCuration(extraction(), parsed.curation);
    const twice = applyCuration(once.extraction, parsed.curation);
    assert.deepEqual(twice.extraction, once.extraction);
    assert.deepEqual(once.problems, []);
  });

  it('reads every entity correction against the final entities, whatever their order in the file', () => {
    // The type names the entity the later rename creates; the merge makes "The Kremlin" name one entity.
    const ex = extraction();
    ex.entities[4].aliases.push('The Kremlin');
    const yaml = 'entities:\n  - name: Vladimir Putin\n    note: president\n  - name: The Kremlin\n    type: place\n  - name: Putin\n    rename: Vladimir Putin\n  - name: Moscow\n    mergeInto: Kremlin\n';
    const { curation } = parseSidecar(yaml, 's');
    const once = applyCuration(ex, curation);
    assert.deepEqual(once.problems, []);
    const putin = once.extraction.entities.find((e) => e.name === 'Vladimir Putin');
    assert.equal(putin?.note, 'president');
    assert.equal(putin?.id, 'person:vladimir-putin');
    const kremlin = once.extraction.entities.find((e) => e.name === 'Kremlin');
    assert.equal(kremlin?.type, 'place');
    assert.deepEqual(kremlin?.formerNames, ['Moscow']);
    assert.deepEqual(applyCuration(once.extraction, curation).extraction, once.extraction);
  });

  it('keeps hidden entities aside, so that curating again sees the names they had', () => {
    // "Alaska" is hidden and is also an alias of Trump: the type correction on "Alaska" meant the
    // hidden entity, and must not land on Trump when the curation is applied to its own result.
    const ex = extraction();
    ex.entities[1].aliases.push('Alaska');
    const { curation } = parseSidecar('entities:\n  - name: Alaska\n    hidden: true\n  - name: Alaska\n    type: organization\n', 's');
    const once = applyCuration(ex, curation);
    assert.deepEqual(once.extraction.hiddenEntities?.map((e) => e.name), ['Alaska']);
    assert.ok(!once.extraction.entities.some((e) => e.name === 'Alaska'));
    const twice = applyCuration(once.extraction, curation);
    assert.deepEqual(twice.extraction, once.extraction);
    assert.equal(twice.extraction.entities.find((e) => e.name === 'Trump')?.type, 'person');
  });

  it('does not add an alias that already names another entity', () => {
    const { result } = curate('entities:\n  - name: Putin\n    aliases: [Moscow, the president]\n');
    assert.deepEqual(result.extraction.entities[0].aliases, ['Putin', 'the president']);
    assert.deepEqual(result.problems.map((p) => [p.code, p.span?.line]), [['sidecar-alias-taken', 1]]);
  });

  it('follows a claim by its text when its id drifted, and never applies a correction to another sentence', () => {
    // A paragraph was inserted above: the claim once c1.2 is now c2.2; c1.2 is another sentence.
    const ex = extraction();
    ex.claims[1].id = 'c2.2';
    ex.claims.push(claim('c1.2', 'Moscow wants Donbas.'));
    const parsed = parseSidecar('claims:\n  c1.2:\n    text: The Kremlin said talks…\n    kind: quote\n  c9.9:\n    text: A sentence that was deleted\n    hidden: true\n', 's');
    const { extraction: out, problems, claimMatches } = applyCuration(ex, parsed.curation);
    assert.equal(out.claims.find((c) => c.id === 'c2.2')!.kind, 'quote');
    assert.equal(out.claims.find((c) => c.id === 'c1.2')!.kind, 'fact');
    assert.deepEqual(claimMatches, ['c2.2', undefined]);
    assert.deepEqual(problems.map((p) => [p.code, p.span?.line]), [['sidecar-claim-unmatched', 4]]);
    assert.ok(!out.claims.some((c) => c.hidden));
  });

  it('follows a reworded claim whose opening words mostly survive, with an info, and Update Sidecar refreshes its anchor', () => {
    const ex = extraction();
    ex.claims[0].text = 'Putin met Donald Trump in Anchorage, Alaska.';
    ex.claims[0].id = 'c2.1';
    ex.claims[2].id = 'c3.1';
    const yaml = 'claims:\n  c1.1:   # summit\n    text: Putin met Trump in Alaska.\n    kind: quote\n';
    const parsed = parseSidecar(yaml, 's');
    const result = applyCuration(ex, parsed.curation);
    assert.equal(result.extraction.claims[0].kind, 'quote');
    assert.deepEqual(result.problems.map((p) => [p.code, p.severity]), [['sidecar-claim-reworded', 'info']]);
    const moves = driftedClaims(parsed.curation, result);
    assert.deepEqual(moves, [{ from: 'c1.1', to: 'c2.1', text: 'Putin met Donald Trump in Anchorage, Alaska.' }]);
    const r = editSidecar(yaml, [{ target: 'reanchor', moves }]);
    assert.ok(r.ok);
    // The comment survives; yaml moves a comment after a block's key onto the block's first line.
    assert.match(r.text, /^claims:\n {2}c2\.1:(?: # summit\n|\n {4}# summit\n) {4}text: Putin met Donald Trump in Anchorage, Alaska\.\n {4}kind: quote\n$/);
    const after = applyCuration(ex, parseSidecar(r.text, 's').curation);
    assert.deepEqual(after.problems, []);
    assert.deepEqual(after.extraction, result.extraction);
  });

  it('a short or mostly different anchor never matches a reworded sentence', () => {
    const { result } = curate('claims:\n  c1.1:\n    text: Putin met\n    kind: quote\n  c2.1:\n    text: Moscow rejects every Western proposal on Donbas\n    hidden: true\n');
    assert.equal(result.extraction.claims[0].kind, 'quote', 'a short anchor still matches as a prefix');
    assert.ok(!result.extraction.claims[2].hidden);
    assert.deepEqual(result.problems.map((p) => p.code), ['sidecar-claim-unmatched']);
    // Two sentences opening alike: a reworded anchor matching both equally applies to neither.
    const ex = extraction();
    ex.claims[0].text = 'The ministry said costs rose sharply.';
    ex.claims[2].text = 'The ministry said costs fell sharply.';
    const twin = applyCuration(ex, parseSidecar('claims:\n  c9.1:\n    text: The ministry said costs stalled sharply.\n    kind: quote\n', 's').curation);
    assert.deepEqual(twin.claimMatches, [undefined]);
  });

  it('reports corrections naming no entity or claim, at their sidecar line', () => {
    const { result } = curate('entities:\n  - name: Zelensky\n    rename: Volodymyr Zelensky\nclaims:\n  c7.1: { kind: fact }\n');
    assert.deepEqual(result.problems.map((p) => [p.code, p.span?.line, p.file]), [
      ['sidecar-entity-unmatched', 1, 'x.claimdesk.yaml'],
      ['sidecar-claim-unmatched', 4, 'x.claimdesk.yaml'],
    ]);
  });
});

describe('sidecar: writing back', () => {
  const seed = readFileSync('sample/sources/seed-article.claimdesk.yaml', 'utf8');
  const hand = [
    '# My corrections  ',
    'title: "Quoted: title"   # a trailing comment',
    "author: 'Jane Doe'",
    'x-review: {by: me, on: 2025-01-02}',
    '',
    'claims:',
    '  # the summit claim',
    '  c1.1:',
    '    text: Putin met Trump in Alaska.',
    '    kind: assessment # was fact',
    'entities:',
    '  - name: Putin',
    '    aliases: [Vladimir Putin, the president]',
    '',
  ].join('\n');

  it('a run with no change returns the file byte for byte', () => {
    for (const text of [seed, hand]) {
      const r = editSidecar(text, [{ target: 'claim', claim: { id: 'c1.1', text: 'Putin met Trump in Alaska.' }, set: {} }, { target: 'reanchor', moves: [] }]);
      assert.ok(r.ok);
      assert.equal(r.changed, false);
      assert.equal(r.text, text);
    }
    const same = editSidecar(hand, [{ target: 'claim', claim: { id: 'c1.1', text: 'Putin met Trump in Alaska.' }, set: { kind: 'assessment' } }]);
    assert.ok(same.ok && !same.changed && same.text === hand);
  });

  it('edits a claim keeping comments, key order, quoting and unknown keys', () => {
    const r = editSidecar(hand, [{ target: 'claim', claim: { id: 'c1.1', text: 'Putin met Trump in Alaska.' }, set: { kind: 'reported', note: 'per TASS' } }]);
    assert.ok(r.ok && r.changed);
    assert.match(r.text, /^# My corrections/);
    assert.match(r.text, /title: "Quoted: title" +# a trailing comment/);
    assert.match(r.text, /author: 'Jane Doe'/);
    assert.match(r.text, /x-review: \{by: me, on: 2025-01-02\}/);
    assert.match(r.text, /# the summit claim\n {2}c1\.1:\n {4}text: Putin met Trump in Alaska\.\n {4}kind: reported # was fact\n {4}note: per TASS\n/);
    assert.ok(r.text.indexOf('claims:') < r.text.indexOf('entities:'), 'key order kept');
    const again = parseSidecar(r.text, 's');
    assert.equal(again.curation.claims[0].kind, 'reported');
  });

  it('adds a new claim entry with its text anchor, into an empty flow map or a missing key', () => {
    for (const start of ['title: T\nclaims: {}\n', 'title: T\n', '', '# just a comment\n']) {
      const r = editSidecar(start, [{ target: 'claim', claim: { id: 'c2.1', text: 'Moscow wants Donbas.' }, set: { hidden: true } }]);
      assert.ok(r.ok && r.changed, start);
      const parsed = parseSidecar(r.text, 's');
      assert.deepEqual(parsed.curation.claims.map((c) => [c.id, c.text, c.hidden]), [['c2.1', 'Moscow wants Donbas.', true]]);
      assert.match(r.text, /claims:\n {2}c2\.1:\n {4}text: Moscow wants Donbas\.\n {4}hidden: true\n/);
      if (start.startsWith('#')) assert.match(r.text, /^# just a comment/);
    }
  });

  it('removing every correction leaves only the anchor; a removed field disappears', () => {
    const r = editSidecar(hand, [{ target: 'claim', claim: { id: 'c1.1', text: 'Putin met Trump in Alaska.' }, set: {}, remove: ['kind'] }]);
    assert.ok(r.ok && r.changed);
    assert.doesNotMatch(r.text, /kind:/);
  });

  it('updates claim entries kept as a list, matched by text', () => {
    const list = 'claims:\n  - text: Moscow wants\n    kind: fact\n';
    const r = editSidecar(list, [{ target: 'claim', claim: { id: 'c2.1', text: 'Moscow wants Donbas.' }, set: { kind: 'assessment' } }]);
    assert.ok(r.ok);
    assert.equal(r.text, 'claims:\n  - text: Moscow wants\n    kind: assessment\n');
  });

  it('edits entity corrections, adding a new entry at the end of the list', () => {
    const r = editSidecar(hand, [
      { target: 'entity', name: 'putin', set: { rename: 'Vladimir Putin' } },
      { target: 'entity', name: 'Kremlin', set: { mergeInto: 'Russia' } },
      { target: 'entity', name: 'Putin', set: { aliases: ['the president', 'Mr Putin'] } },
    ]);
    assert.ok(r.ok);
    assert.deepEqual(parseSidecar(r.text, 's').curation.entities[0].aliases, ['Vladimir Putin', 'the president', 'Mr Putin']);
    assert.ok(r.ok && r.changed);
    assert.match(r.text, /- name: Putin\n {4}aliases: \[Vladimir Putin, the president, Mr Putin\]\n/);
    assert.match(r.text, /x-review: \{by: me, on: 2025-01-02\}/);
    assert.match(r.text, /rename: Vladimir Putin\n {2}- name: Kremlin\n {4}mergeInto: Russia\n/);
  });

  it('quotes values that YAML would misread', () => {
    const r = editSidecar('claims:\n  c1.1:\n    note: x\n', [{ target: 'claim', claim: { id: 'c1.1', text: 'Putin' }, set: { note: 'yes: really # not a comment' } }]);
    assert.ok(r.ok);
    assert.equal(parseSidecar(r.text, 's').curation.claims[0].note, 'yes: really # not a comment');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const crlf = '\uFEFF# notes\r\ntitle: T\r\nclaims:\r\n  c1.1:\r\n    kind: fact\r\n';
    const r = editSidecar(crlf, [{ target: 'claim', claim: { id: 'c1.1', text: 'x' }, set: { kind: 'quote' } }]);
    assert.ok(r.ok && r.changed);
    assert.equal(r.text, crlf.replace('kind: fact', 'kind: quote'));
    assert.equal(parseSidecar(crlf, 's').curation.claims[0].kind, 'fact');
  });

  it('never edits a sidecar that does not parse', () => {
    const broken = 'title: [oops\n';
    const r = editSidecar(broken, [{ target: 'claim', claim: { id: 'c1.1', text: 'x' }, set: { kind: 'fact' } }]);
    assert.equal(r.ok, false);
    assert.equal(editSidecar('- a list\n', []).ok, false);
  });

  it('re-keys claim entries whose id drifted, keeping their comments', () => {
    const parsed = parseSidecar(hand, 's');
    const ex = extraction();
    ex.claims[0].id = 'c2.1';
    ex.claims[2].id = 'c3.1';
    const moves = driftedClaims(parsed.curation, applyCuration(ex, parsed.curation));
    assert.deepEqual(moves, [{ from: 'c1.1', to: 'c2.1' }]);
    const r = editSidecar(hand, [{ target: 'reanchor', moves }]);
    assert.ok(r.ok && r.changed);
    assert.match(r.text, /# the summit claim\n {2}c2\.1:\n/);
  });

  it('creates a documented sidecar that parses back to the same metadata', () => {
    const text = newSidecarText({ path: 'sources/a.txt', citekey: 'doe2024a', citekeyBase: 'doe2024', meta: { title: 'A: B', authors: ['Jane Doe'], issued: '2024-05-01' } });
    assert.match(text, /^# Claimdesk sidecar for a\.txt/);
    const parsed = parseSidecar(text, 's');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.meta.title, 'A: B');
    assert.deepEqual(parsed.meta.authors, ['Jane Doe']);
    assert.equal(parsed.citekey, 'doe2024');
  });

  it('a long claim is anchored by its first words', () => {
    const anchor = claimAnchor('word '.repeat(40));
    assert.ok(anchor.endsWith('…') && anchor.length <= 81);
  });
});

describe('sidecar: through buildSource', () => {
  it('curation reaches the source, and a broken sidecar leaves extraction going with one error', () => {
    const text = 'Title line\n\nThe minister said the deal is likely to fail.\n';
    const plain = buildSource({ path: 'sources/a.txt', text });
    const id = plain.extraction.claims[0]?.id;
    assert.ok(id, 'the extraction found a claim');
    const curated = buildSource({ path: 'sources/a.txt', text, sidecarText: `claims:\n  ${id}:\n    kind: recommendation\n`, sidecarPath: 'sources/a.claimdesk.yaml' });
    assert.equal(curated.extraction.claims[0].kind, 'recommendation');
    assert.deepEqual(curated.extraction.claims[0].curated, ['kind']);
    const broken = buildSource({ path: 'sources/a.txt', text, sidecarText: 'claims: [\n', sidecarPath: 'sources/a.claimdesk.yaml' });
    assert.equal(broken.extraction.claims.length, plain.extraction.claims.length);
    assert.deepEqual(broken.problems.map((p) => p.code), ['sidecar-yaml']);
  });
});
