import * as assert from 'node:assert/strict';
import { buildSource } from '../../src/core/source';
import { decodeSourceBytes, MAX_SOURCE_BYTES } from '../../src/core/text/decode';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(s, (_, i) => s.charCodeAt(i))];
  units.forEach((u, i) => {
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

const ARTICLE = 'Talks in Alaska\n\nThe minister said on Monday that the deal is likely to fail. Officials disagreed.\n\nCosts reached $5 billion, the ministry said.\n';

describe('bad input: decoding', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE/BE with a BOM, and guesses BOM-less UTF-16 with a warning', () => {
    assert.deepEqual(decodeSourceBytes(utf8(ARTICLE)), { text: ARTICLE, problems: [] });
    assert.deepEqual(decodeSourceBytes(utf8('\uFEFF' + ARTICLE)), { text: ARTICLE, problems: [] });
    assert.deepEqual(decodeSourceBytes(utf16(ARTICLE + '€', 'le', true)), { text: ARTICLE + '€', problems: [] });
    assert.deepEqual(decodeSourceBytes(utf16(ARTICLE, 'be', true)), { text: ARTICLE, problems: [] });
    const guessed = decodeSourceBytes(utf16(ARTICLE, 'le', false));
    assert.equal(guessed.text, ARTICLE);
    assert.deepEqual(guessed.problems.map((p) => p.code), ['utf16-no-bom']);
  });

  it('replaces invalid UTF-8 and says where the first bad byte is', () => {
    const bytes = new Uint8Array([...utf8('Good text '), 0xc3, 0x28, ...utf8(' more'), 0xed, 0xa0, 0x80]);
    const r = decodeSourceBytes(bytes);
    assert.equal(r.text, 'Good text \uFFFD( more\uFFFD\uFFFD\uFFFD');
    assert.equal(r.problems[0].code, 'invalid-utf8');
    assert.match(r.problems[0].message, /offset 10\b/);
  });

  it('refuses binary files with a message naming what they are', () => {
    const cases: Array<[number[], RegExp]> = [
      [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e], /PDF/],
      [[0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /docx/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
      [[0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02], /NUL bytes/],
    ];
    for (const [bytes, message] of cases) {
      const r = decodeSourceBytes(new Uint8Array(bytes));
      assert.equal(r.text, undefined);
      assert.equal(r.problems[0].code, 'binary-source');
      assert.equal(r.problems[0].severity, 'error');
      assert.match(r.problems[0].message, message);
    }
  });

  it('flags an empty file and half a UTF-16 character, and never throws on odd input', () => {
    assert.deepEqual(decodeSourceBytes(new Uint8Array()).problems.map((p) => p.code), ['empty-source']);
    const odd = decodeSourceBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]));
    assert.equal(odd.text, 'A');
    assert.deepEqual(odd.problems.map((p) => p.code), ['invalid-utf16']);
    const lone = decodeSourceBytes(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]));
    assert.equal(lone.text, '\uFFFDA');
    assert.deepEqual(lone.problems.map((p) => p.code), ['invalid-utf16']);
  });

  it('refuses a 20 MB source with its size in the message', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const r = decodeSourceBytes(big);
    assert.equal(r.text, undefined);
    assert.equal(r.problems[0].code, 'source-too-large');
    assert.match(r.problems[0].message, /20\.0 MB.*10\.0 MB/);
    assert.ok(MAX_SOURCE_BYTES >= 5 * 1024 * 1024, 'a 5 MB source is still read');
  });
});

describe('bad input: building sources', () => {
  it('an empty or whitespace-only source builds with no claims and no throw', () => {
    for (const text of ['', '\n\n', '   ', '\uFEFF', '---\n---\n']) {
      const doc = buildSource({ path: 'sources/empty.txt', text });
      assert.deepEqual(doc.extraction.claims, []);
    }
  });

  // Its speed is the benchmark's business; here it only has to work.
  it('a single 5 MB line is read with its spans intact', function () {
    this.timeout(120000);
    const sentence = 'The ministry said costs rose by 5% to $3 billion in 2024, officials reported. ';
    const text = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));
    const doc = buildSource({ path: 'sources/one-line.txt', text });
    assert.ok(doc.extraction.claims.length > 1000, `${doc.extraction.claims.length} claims`);
    for (const c of doc.extraction.claims.slice(0, 50)) assert.equal(text.slice(c.span.start, c.span.end), c.text);
  });

  it('read problems (invalid UTF-8) are reported with the source', () => {
    const decoded = decodeSourceBytes(new Uint8Array([...utf8(ARTICLE), 0xff]));
    const doc = buildSource({ path: 'sources/a.txt', text: decoded.text!, readProblems: decoded.problems });
    assert.deepEqual(doc.problems.map((p) => p.code), ['invalid-utf8']);
    assert.ok(doc.extraction.claims.length > 0);
  });

  it('a malformed sidecar gives one error at its line and extraction goes on without it', () => {
    const plain = buildSource({ path: 'sources/a.txt', text: ARTICLE });
    const doc = buildSource({ path: 'sources/a.txt', text: ARTICLE, sidecarText: 'title: ok\nauthor: [Jane\nclaims:\n', sidecarPath: 'sources/a.claimdesk.yaml' });
    assert.deepEqual(doc.problems.map((p) => [p.code, p.file, p.severity]), [['sidecar-yaml', 'sources/a.claimdesk.yaml', 'error']]);
    assert.ok(doc.problems[0].span!.line >= 1);
    assert.deepEqual(doc.extraction, plain.extraction);
    assert.equal(doc.meta.title, plain.meta.title);
  });

  it('a sidecar with unknown keys is read, the keys reported as info only', () => {
    const doc = buildSource({ path: 'sources/a.txt', text: ARTICLE, sidecarText: 'title: Known\nreviewed-by: me\n', sidecarPath: 's' });
    assert.equal(doc.meta.title, 'Known');
    assert.deepEqual(doc.problems.map((p) => [p.code, p.severity]), [['sidecar-unknown-key', 'info']]);
  });

  it('a sidecar that is binary junk or a list does not stop the source', () => {
    for (const sidecarText of ['\u0000\u0001\u0002', '- a\n- b\n', ': : :', '[[[[', 'claims: 5\nentities: nope\n']) {
      const doc = buildSource({ path: 'sources/a.txt', text: ARTICLE, sidecarText, sidecarPath: 's' });
      assert.ok(doc.extraction.claims.length > 0, JSON.stringify(sidecarText));
      assert.ok(doc.problems.length >= 1, JSON.stringify(sidecarText));
    }
  });
});

describe('bad input: duplicate citekeys', () => {
  it('disambiguates deterministically whatever the order, with a diagnostic on each', () => {
    const sidecar = 'citekey: doe2024\n';
    const inputs = ['sources/b.txt', 'sources/a.txt', 'sources/c.md'].map((path) => ({ path, text: ARTICLE, sidecarText: sidecar, sidecarPath: path + '.yaml' }));
    const keysOf = (order: typeof inputs) => {
      const index = new WorkspaceIndex();
      index.upsertMany(order);
      return index.sources().map((d) => [d.path, d.citekey, d.problems.some((p) => p.code === 'duplicate-citekey')]);
    };
    const forward = keysOf(inputs);
    assert.deepEqual(forward, keysOf([...inputs].reverse()));
    assert.deepEqual(new Set(forward.map((r) => r[1])).size, 3);
    assert.ok(forward.every((r) => r[2] === true));
  });
});
