import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { formatCitation, parseCitations } from '../../src/core/citation';
import type { Claim, Entity, Extraction, SourceDoc } from '../../src/core/model';
import { applyCuration, editSidecar, parseSidecar, type Curation } from '../../src/core/sidecar';
import { buildSource } from '../../src/core/source';
import { decodeSourceBytes } from '../../src/core/text/decode';
import { LineIndex } from '../../src/core/text/lines';

// Article-like text from pieces extraction reacts to: names, speech verbs, quotes, hedges, figures,
// markdown, front matter, odd whitespace and Unicode. Never tuned to one article.
const WORDS = [
  'The', 'minister', 'said', 'according to', 'Reuters', 'Kyiv', 'Moscow', 'Anna Schmidt', 'the European Union', 'NATO', 'Dr. Ali',
  'is likely to', 'almost certainly', 'we assess', 'should', 'must', 'reported', 'told', 'warned', 'that', 'costs', 'rose',
  '$5 billion', '€1.2bn', '45%', '60–100%', '1,200 troops', 'in 2024', 'more than 300 drones', 'about', 'U.S.', 'e.g.', 'Mr.',
  '“', '”', '"', "'", '‘', '’', '—', '-', '(', ')', '[', ']', '[@key, para. 2]', '*', '_', '`', '#', '>', '|', ':', ';', ',', '.', '?', '!',
  '…', 'naïve', 'Zürich', '日本', '🙂', '\u200b', '\u00a0', '\t', ' ', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\n\n## Heading\n\n', '\n- item\n',
  '---\ntitle: T\n---\n', '<b>', '&amp;', '\\',
];
const articleText = fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((parts) => parts.join(' ').replace(/ {2,}/g, (m) => (m.length % 2 ? ' ' : m)));
const anyText = fc.string({ unit: 'grapheme', maxLength: 400 });
const path = fc.constantFrom('sources/a.txt', 'sources/b.md');

function assertSpansSlice(doc: SourceDoc): void {
  const { text } = doc;
  const lines = new LineIndex(text);
  const check = (what: string, span: { start: number; end: number }, expected: string) => {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: span ${span.start}-${span.end} outside text`);
    assert.equal(text.slice(span.start, span.end), expected, `${what}: span does not slice to its text`);
    assert.deepEqual(lines.span(span.start, span.end), span, `${what}: line/character disagree with the offsets`);
  };
  for (const s of doc.sentences) check('sentence', s.span, s.text);
  for (const c of doc.extraction.claims) check(`claim ${c.id}`, c.span, c.text);
  for (const f of doc.extraction.figures) check(`figure ${f.id}`, f.span, f.text);
  for (const e of doc.extraction.entities) for (const m of e.mentions) check(`mention of ${e.id}`, m.span, m.text);
}

export const PROPERTY_RUNS = { extraction: 400, citations: 2000, curation: 1000, seedCuration: 300, edits: 500, decode: 2000 };

describe('properties (fast-check)', function () {
  this.timeout(120000);

  it('extraction never throws, is deterministic, and every span slices the source to its item text', () => {
    for (const text of [articleText, anyText]) {
      fc.assert(
        fc.property(text, path, (t, p) => {
          const a = buildSource({ path: p, text: t });
          const b = buildSource({ path: p, text: t });
          assert.deepEqual(a, b);
          assertSpansSlice(a);
        }),
        { numRuns: PROPERTY_RUNS.extraction / 2 },
      );
    }
  });

  it('a citation formatted for a key and paragraphs parses back to that key and those paragraphs', () => {
    const wordChar = fc.constantFrom(...'abcXYZ019_éß日'.split(''));
    const key = fc.tuple(wordChar, fc.array(fc.oneof(wordChar, fc.constantFrom(...':.#$%&-+?<>~/'.split(''))), { maxLength: 20 })).map(([a, rest]) => a + rest.join(''));
    const paragraphs = fc.option(fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 6 }), { nil: undefined });
    fc.assert(
      fc.property(key, paragraphs, fc.constantFrom('', 'As shown ', 'Text, '), (k, paras, before) => {
        const formatted = formatCitation(k, paras);
        const text = `${before}${formatted}.`;
        const citations = parseCitations(text);
        assert.equal(citations.length, 1, `${formatted} → ${JSON.stringify(citations)}`);
        const [item] = citations[0].items;
        assert.equal(item.key, k);
        assert.equal(text.slice(citations[0].start, citations[0].end), formatted);
        assert.deepEqual(item.locator?.paragraphs ?? [], paras ? [...new Set(paras)].sort((x, y) => x - y) : []);
      }),
      { numRuns: PROPERTY_RUNS.citations },
    );
  });

  describe('curation', () => {
    const NAMES = ['Putin', 'Vladimir Putin', 'Trump', 'Kremlin', 'Moscow', 'Russia', 'NATO', 'Kyiv', 'Zelensky', 'author'];
    const TYPES = ['person', 'organization', 'place'] as const;
    const KINDS = ['quote', 'reported', 'fact', 'assessment', 'recommendation'] as const;
    const span = { start: 0, end: 0, line: 0, character: 0, endLine: 0, endCharacter: 0 };

    const extraction: fc.Arbitrary<Extraction> = fc
      .record({
        entities: fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES.slice(0, 9)), type: fc.constantFrom(...TYPES), aliases: fc.subarray(NAMES.slice(0, 9)) }), { selector: (e) => e.name, maxLength: 6 }),
        claims: fc.array(fc.record({ text: fc.constantFrom('Putin said no.', 'Putin said yes.', 'Moscow wants land.', 'NATO is likely to act.', 'Costs rose.'), speaker: fc.constantFrom(...NAMES), kind: fc.constantFrom(...KINDS) }), { maxLength: 6 }),
      })
      .map(({ entities, claims }) => {
        const ents: Entity[] = entities.map((e, i) => ({ id: `${e.type}:e${i}`, name: e.name, type: e.type, aliases: [...new Set([e.name, ...e.aliases])], mentions: [{ text: e.name, span: { ...span, start: i, end: i } }] }));
        const cls: Claim[] = claims.map((c, i) => ({ id: `c${i + 1}.1`, text: c.text, kind: c.kind, speaker: c.speaker, confidence: null, span, paragraph: i + 1, entityIds: ents.filter((_, k) => (k + i) % 2 === 0).map((e) => e.id), figureIds: [] }));
        return { entities: ents, claims: cls, figures: [] };
      });

    const curation: fc.Arbitrary<Curation> = fc.record({
      entities: fc.array(
        fc.record({ name: fc.constantFrom(...NAMES), type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }), rename: fc.option(fc.constantFrom(...NAMES, 'Russian Federation'), { nil: undefined }), mergeInto: fc.option(fc.constantFrom(...NAMES), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }), aliases: fc.option(fc.subarray(['the president', 'Moscow', 'V. Putin']), { nil: undefined }), note: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }) }, { requiredKeys: ['name'] }),
        { maxLength: 5 },
      ),
      claims: fc.array(
        fc.record({ id: fc.option(fc.constantFrom('c1.1', 'c2.1', 'c3.1', 'c9.1'), { nil: undefined }), text: fc.option(fc.constantFrom('Putin said', 'Moscow', 'Costs rose.', 'gone'), { nil: undefined }), kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }), speaker: fc.option(fc.constantFrom(...NAMES), { nil: undefined }), confidence: fc.option(fc.constantFrom('likely', null), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }), note: fc.option(fc.constant('checked'), { nil: undefined }) }, { requiredKeys: [] }),
        { maxLength: 5 },
      ),
    }) as fc.Arbitrary<Curation>;

    it('applying a curation is pure and idempotent, and leaves no dangling entity reference', () => {
      fc.assert(
        fc.property(extraction, curation, (ex, cur) => {
          const before = JSON.stringify(ex);
          const once = applyCuration(ex, cur);
          assert.equal(JSON.stringify(ex), before, 'input not mutated');
          const twice = applyCuration(once.extraction, cur);
          assert.deepEqual(twice.extraction, once.extraction);
          const ids = new Set(once.extraction.entities.map((e) => e.id));
          assert.equal(ids.size, once.extraction.entities.length, 'entity ids stay unique');
          for (const c of once.extraction.claims) for (const id of c.entityIds) assert.ok(ids.has(id), `dangling ${id}`);
        }),
        { numRuns: PROPERTY_RUNS.curation },
      );
    });

    it('curating the real seed extraction with random corrections is idempotent too', () => {
      const seed = buildSource({ path: 'sources/seed-article.txt', text: readFileSync('test/fixtures/corpus/seed-article.txt', 'utf8') });
      const names = seed.extraction.entities.flatMap((e) => [e.name, ...e.aliases]);
      const claims = seed.extraction.claims;
      assert.ok(names.length > 10 && claims.length > 20);
      const entityFix = fc.record({ name: fc.constantFrom(...names), type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }), rename: fc.option(fc.constantFrom(...names, 'Renamed Body'), { nil: undefined }), mergeInto: fc.option(fc.constantFrom(...names), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['name'] });
      const claimFix = fc.record({ pick: fc.nat(claims.length - 1), byText: fc.boolean(), kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }), speaker: fc.option(fc.constantFrom(...names, 'author'), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }) }).map(({ pick, byText, ...rest }) => ({ id: claims[pick].id, ...(byText ? { text: claims[pick].text.slice(0, 30) } : {}), ...rest }));
      fc.assert(
        fc.property(fc.array(entityFix, { maxLength: 6 }), fc.array(claimFix, { maxLength: 6 }), (entities, claimFixes) => {
          const cur = { entities, claims: claimFixes } as Curation;
          const once = applyCuration(seed.extraction, cur);
          assert.deepEqual(applyCuration(once.extraction, cur).extraction, once.extraction);
          for (const f of once.extraction.figures) assert.ok(f.source === null || typeof f.source === 'string');
        }),
        { numRuns: PROPERTY_RUNS.seedCuration },
      );
    });

    it('a sidecar edit applied twice changes nothing the second time, and keeps unknown keys and comments', () => {
      const unknown = fc.dictionary(fc.stringMatching(/^x-[a-z]{1,6}$/), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
      const set = fc.record({ kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }), speaker: fc.option(fc.string({ maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }), confidence: fc.option(fc.constantFrom('likely', 'very unlikely', null), { nil: undefined }), hidden: fc.option(fc.boolean(), { nil: undefined }), note: fc.option(fc.string({ maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0), { nil: undefined }) }, { requiredKeys: [] });
      fc.assert(
        fc.property(unknown, set, fc.constantFrom('c1.1', 'c4.2'), (extra, patch, id) => {
          const start = '# analyst notes\n' + Object.entries(extra).map(([k, v]) => `${k}: ${JSON.stringify(v)}\n`).join('') + 'title: T # keep\n';
          const claim = { id, text: 'A claim: with "quotes" # and hashes' };
          const first = editSidecar(start, [{ target: 'claim', claim, set: patch }]);
          assert.ok(first.ok);
          const second = editSidecar(first.text, [{ target: 'claim', claim, set: patch }]);
          assert.ok(second.ok);
          assert.equal(second.changed, false);
          assert.equal(second.text, first.text);
          const parsed = parseSidecar(first.text, 's');
          assert.ok(parsed.valid);
          assert.match(first.text, /^# analyst notes\n/);
          assert.match(first.text, /title: T # keep/);
          const data = parseSidecarData(first.text);
          for (const [k, v] of Object.entries(extra)) assert.deepEqual(data[k], v);
          const written = Object.entries(patch).filter(([, v]) => v !== undefined);
          if (written.length) {
            const entry = parsed.curation.claims[0];
            assert.equal(entry.id, id);
            for (const [k, v] of written) assert.deepEqual((entry as Record<string, unknown>)[k], v === false && k === 'hidden' ? false : v);
          }
        }),
        { numRuns: PROPERTY_RUNS.edits },
      );
    });
  });

  it('decoding arbitrary bytes never throws: text, or a refusal with an error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = decodeSourceBytes(bytes);
        if (r.text === undefined) assert.equal(r.problems[0]?.severity, 'error');
        else buildSource({ path: 'sources/x.txt', text: r.text, readProblems: r.problems });
      }),
      { numRuns: PROPERTY_RUNS.decode },
    );
  });
});

function parseSidecarData(text: string): Record<string, unknown> {
  return parseYaml(text) as Record<string, unknown>;
}
