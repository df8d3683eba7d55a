import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { SourceCache, sourceHash } from '../../src/core/cache';
import { buildSource, type SourceInput } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

const seedText = readFileSync('test/fixtures/corpus/seed-article.txt', 'utf8');
const seedMeta = readFileSync('test/fixtures/corpus/seed-article.meta.yaml', 'utf8');
const seed: SourceInput = { path: 'file:///w/sources/seed-article.txt', text: seedText, sidecarText: seedMeta, sidecarPath: 'file:///w/sources/seed-article.claimdesk.yaml' };
const V = 'test-engine-1';

/** Stores the inputs' documents and reads them back through the serialised form. */
function roundTrip(inputs: SourceInput[], version = V): SourceCache {
  const writer = SourceCache.empty(version);
  const docs = inputs.map((i) => buildSource(i));
  for (const d of docs) writer.store(d);
  return SourceCache.parse(writer.serialize(docs), version);
}

describe('source cache', () => {
  it('restores a document identical to a fresh build', () => {
    const cache = roundTrip([seed]);
    const restored = cache.lookup(seed);
    assert.ok(restored);
    assert.deepEqual(restored, buildSource(seed));
    assert.equal(cache.stats.hits, 1);
  });

  it('restores one span object per range, shared as in a fresh build', () => {
    const restored = roundTrip([seed]).lookup(seed)!;
    let shared = 0;
    for (const claim of restored.extraction.claims) {
      const sentence = restored.sentences.find((s) => s.span.start === claim.span.start && s.span.end === claim.span.end);
      if (!sentence) continue;
      assert.equal(claim.span, sentence.span);
      shared++;
    }
    assert.ok(shared >= 20, `only ${shared} claims share a sentence's span`);
  });

  it('stores neither the text nor sentence texts that are slices of it', () => {
    const doc = buildSource(seed);
    const writer = SourceCache.empty(V);
    const serialised = writer.serialize([doc]);
    assert.ok(!serialised.includes(doc.sentences[3].text), 'a sentence text was stored');
    assert.ok(serialised.length < JSON.stringify(doc).length / 2, `cache line is ${serialised.length} chars for a ${JSON.stringify(doc).length}-char document`);
  });

  it('never serves a source whose text, sidecar or path changed', () => {
    const cache = roundTrip([seed]);
    const edited = { ...seed, text: seedText.replace('300 drones', '301 drones') };
    assert.equal(cache.lookup(edited), undefined);
    assert.equal(cache.lookup({ ...seed, sidecarText: seedMeta.replace('2025-08-17', '2025-08-18') }), undefined);
    assert.equal(cache.lookup({ ...seed, sidecarText: undefined }), undefined);
    assert.equal(cache.lookup({ ...seed, path: 'file:///w/sources/other.txt' }), undefined);
    assert.equal(cache.stats.misses, 4);
    assert.ok(cache.lookup(seed));
  });

  it('is empty when written by another engine version, by an unversioned build, or unreadable', () => {
    const writer = SourceCache.empty(V);
    const doc = buildSource(seed);
    writer.store(doc);
    const serialised = writer.serialize([doc]);
    assert.equal(SourceCache.parse(serialised, 'test-engine-2').size, 0);
    assert.equal(SourceCache.parse(serialised, undefined).size, 0);
    assert.equal(SourceCache.parse('{"not":"a cache"}\nx\ty', V).size, 0);
    assert.equal(SourceCache.parse('garbage', V).size, 0);
    assert.equal(SourceCache.parse(undefined, V).size, 0);
    assert.equal(SourceCache.parse(serialised, V).size, 1);
  });

  it('treats a corrupt entry as a miss', () => {
    const writer = SourceCache.empty(V);
    const doc = buildSource(seed);
    const [header, entry] = writer.serialize([doc]).split('\n');
    const key = entry.slice(0, entry.indexOf('\t'));
    const cache = SourceCache.parse(`${header}\n${key}\t{"truncated": [`, V);
    assert.equal(cache.lookup(seed), undefined);
    assert.equal(cache.stats.corrupt, 1);
  });

  it('persists base citekeys, not the workspace disambiguation', () => {
    const a = { path: 'file:///w/sources/a.md', text: '---\ncitekey: same2024\n---\nOne sentence here.\n' };
    const b = { path: 'file:///w/sources/b.md', text: '---\ncitekey: same2024\n---\nAnother sentence.\n' };
    const index = new WorkspaceIndex();
    index.upsertMany([a, b]);
    assert.equal(index.get(b.path)?.citekey, 'same2024b');
    const cache = SourceCache.parse(SourceCache.empty(V).serialize(index.sources()), V);
    const restored = cache.lookup(b);
    assert.equal(restored?.citekey, 'same2024');
    assert.ok(!restored?.problems.some((p) => p.code === 'duplicate-citekey'));
  });

  it('keeps spans that point into the sidecar exactly', () => {
    const input = { ...seed, sidecarText: 'title: "unterminated\nauthor: [x' };
    const doc = buildSource(input);
    assert.ok(doc.problems.some((p) => p.span && p.file), 'expected a sidecar problem with a span');
    assert.deepEqual(roundTrip([input]).lookup(input), doc);
  });

  it('hashes like buildSource, byte-order mark included', () => {
    for (const text of [seedText, '\ufeff' + seedText, '']) {
      assert.equal(sourceHash(text, seedMeta), buildSource({ path: 'x.txt', text, sidecarText: seedMeta }).hash);
      assert.equal(sourceHash(text, undefined), buildSource({ path: 'x.txt', text }).hash);
    }
  });

  it('round-trips any text exactly (property)', () => {
    const word = fc.constantFrom('Putin', 'said', '“We', 'agree,”', '$5 billion', 'Mr.', 'the', 'U.S.', '12%', 'Kyiv.', '\n', '\n\n', '\r\n', '# Head', 'é', '😀', '\t');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.boolean(), (words, markdown) => {
        const input = { path: markdown ? 'file:///s/x.md' : 'file:///s/x.txt', text: words.join(' ') };
        assert.deepEqual(roundTrip([input]).lookup(input), buildSource(input));
      }),
      { numRuns: 150 },
    );
  });
});
