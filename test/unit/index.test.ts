import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { SourceCache } from '../../src/core/cache';
import { indexSources, type IndexOptions } from '../../src/core/indexer';
import type { SourceDoc } from '../../src/core/model';
import type { SourceInput } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

const V = 'test-engine-1';

function source(name: string, key: string, body = 'A sentence about nothing in particular.'): SourceInput {
  return { path: `file:///w/sources/${name}.md`, text: `---\ncitekey: ${key}\n---\n${body}\n` };
}

/** Citekeys as a from-scratch disambiguation assigns them: per base key, a, b, c… in path order. */
function expectedKeys(docs: SourceDoc[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const d of docs) groups.set(d.citekeyBase!, [...(groups.get(d.citekeyBase!) ?? []), d.path]);
  const keys = new Map<string, string>();
  for (const [base, paths] of groups) {
    paths.sort();
    paths.forEach((p, i) => keys.set(p, paths.length === 1 ? base : base + String.fromCharCode(97 + i)));
  }
  return keys;
}

describe('workspace index', () => {
  it('disambiguates incrementally exactly as a full re-keying would (property)', () => {
    const op = fc.record({ file: fc.integer({ min: 0, max: 7 }), key: fc.constantFrom('smith2020', 'jones2021', 'lee2022'), remove: fc.boolean(), body: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const index = new WorkspaceIndex();
        for (const o of ops) {
          const input = source(`f${o.file}`, o.key, `Body number ${o.body}.`);
          if (o.remove) index.remove(input.path);
          else index.upsert(input);
        }
        const docs = index.sources();
        const expected = expectedKeys(docs);
        for (const d of docs) {
          assert.equal(d.citekey, expected.get(d.path));
          assert.equal(index.byCitekey(d.citekey), d);
          assert.equal(d.problems.some((p) => p.code === 'duplicate-citekey'), d.citekey !== d.citekeyBase);
        }
        assert.equal(docs.length, index.size);
      }),
      { numRuns: 200 },
    );
  });

  it('reuses an unchanged source without an event, and reports one event per change', () => {
    const index = new WorkspaceIndex();
    const events: string[][] = [];
    index.onDidChange((e) => events.push(e.paths));
    const input = source('a', 'a2020');
    const first = index.upsert(input);
    assert.equal(index.upsert({ ...input }), first);
    assert.deepEqual(events, [[input.path]]);
    const second = index.upsert({ ...input, text: input.text + 'More.\n' });
    assert.notEqual(second, first);
    assert.equal(events.length, 2);
  });

  it('drops the duplicate warning once the other source is gone', () => {
    const index = new WorkspaceIndex();
    index.upsertMany([source('a', 'k2020'), source('b', 'k2020')]);
    assert.equal(index.byCitekey('k2020b')?.path, 'file:///w/sources/b.md');
    index.remove('file:///w/sources/a.md');
    const b = index.get('file:///w/sources/b.md')!;
    assert.equal(b.citekey, 'k2020');
    assert.equal(index.byCitekey('k2020'), b);
    assert.equal(index.byCitekey('k2020b'), undefined);
    assert.ok(!b.problems.some((p) => p.code === 'duplicate-citekey'));
  });

  it('moves a source between groups when its citekey changes', () => {
    const index = new WorkspaceIndex();
    index.upsertMany([source('a', 'k2020'), source('b', 'k2020'), source('c', 'm2021')]);
    index.upsert(source('b', 'm2021'));
    assert.equal(index.get('file:///w/sources/a.md')?.citekey, 'k2020');
    assert.equal(index.get('file:///w/sources/b.md')?.citekey, 'm2021a');
    assert.equal(index.get('file:///w/sources/c.md')?.citekey, 'm2021b');
    assert.equal(index.byCitekey('k2020b'), undefined);
  });

  it('returns sources in path order as a copy', () => {
    const index = new WorkspaceIndex();
    index.upsertMany([source('c', 'c1'), source('a', 'a1'), source('b', 'b1')]);
    const list = index.sources();
    assert.deepEqual(list.map((d) => d.citekey), ['a1', 'b1', 'c1']);
    list.reverse();
    assert.deepEqual(index.sources().map((d) => d.citekey), ['a1', 'b1', 'c1']);
  });
});

describe('chunked indexing', () => {
  const files = new Map<string, SourceInput>();
  for (let i = 0; i < 40; i++) {
    const s = source(`s${String(i).padStart(2, '0')}`, `author${i % 13}2020`, `Source ${i} says ${i * 7} drones were seen.`);
    files.set(s.path, s);
  }
  const paths = [...files.keys()];
  const read = async (path: string) => files.get(path);
  /** A clock that advances 1 ms per reading, so slices end deterministically. */
  const tickingClock = () => {
    let t = 0;
    return () => t++;
  };

  it('indexes every source, in slices that yield to the event loop, reporting progress', async () => {
    const index = new WorkspaceIndex();
    let yields = 0;
    const progress: number[] = [];
    const run = await indexSources(index, paths, { read, sliceMs: 5, now: tickingClock(), yieldNow: async () => void yields++, onProgress: (done) => progress.push(done) });
    assert.equal(index.size, 40);
    assert.deepEqual({ built: run.built, cached: run.cached, cancelled: run.cancelled }, { built: 40, cached: 0, cancelled: false });
    assert.ok(yields >= 5, `yielded ${yields} times`);
    assert.equal(progress[progress.length - 1], 40);
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    const expected = expectedKeys(index.sources());
    for (const d of index.sources()) assert.equal(d.citekey, expected.get(d.path));
  });

  it('starts warm from a persisted cache and rebuilds only what changed', async () => {
    const cold = new WorkspaceIndex();
    const cache = SourceCache.empty(V);
    await indexSources(cold, paths, { read, cache });
    const persisted = cache.serialize(cold.sources());

    const edited = paths[7];
    const original = files.get(edited)!;
    const changed = new Map(files).set(edited, { ...original, text: original.text.replace('drones', 'missiles') });
    const warm = new WorkspaceIndex();
    const run = await indexSources(warm, paths, { read: async (p) => changed.get(p), cache: SourceCache.parse(persisted, V) });
    assert.deepEqual({ built: run.built, cached: run.cached }, { built: 1, cached: 39 });
    assert.match(warm.get(edited)!.text, /missiles/);
    for (const d of warm.sources()) {
      const c = cold.get(d.path)!;
      assert.equal(d.citekey, c.citekey);
      if (d.path !== edited) assert.deepEqual(d, c);
    }
  });

  it('skips sources already current in the index', async () => {
    const index = new WorkspaceIndex();
    await indexSources(index, paths, { read });
    const run = await indexSources(index, paths, { read });
    assert.deepEqual({ built: run.built, unchanged: run.unchanged }, { built: 0, unchanged: 40 });
  });

  it('removes sources deleted while indexing or no longer listed', async () => {
    const index = new WorkspaceIndex();
    await indexSources(index, paths, { read });
    const gone = paths[3];
    const run = await indexSources(index, paths.slice(0, 30), { read: async (p) => (p === gone ? undefined : files.get(p)) });
    assert.equal(index.size, 29);
    assert.equal(index.get(gone), undefined);
    assert.equal(index.get(paths[35]), undefined);
    assert.deepEqual({ unreadable: run.unreadable, removed: run.removed }, { unreadable: 1, removed: 11 });
  });

  it('indexes only a batch of changed files when told to keep the others', async () => {
    const index = new WorkspaceIndex();
    await indexSources(index, paths, { read });
    const changed = paths.slice(5, 8);
    const edited = new Map(changed.map((p) => [p, { ...files.get(p)!, text: files.get(p)!.text + 'An added sentence.\n' }]));
    const gone = paths[6];
    const run = await indexSources(index, changed, { read: async (p) => (p === gone ? undefined : edited.get(p)), keepUnlisted: true });
    assert.equal(index.size, 39);
    assert.equal(index.get(gone), undefined);
    assert.match(index.get(paths[5])!.text, /An added sentence/);
    assert.deepEqual({ built: run.built, removed: run.removed }, { built: 2, removed: 1 });
  });

  it('survives a read that throws (file vanished mid-read)', async () => {
    const index = new WorkspaceIndex();
    const run = await indexSources(index, paths, { read: async (p) => (p === paths[0] ? Promise.reject(new Error('ENOENT')) : files.get(p)) });
    assert.equal(index.size, 39);
    assert.equal(run.unreadable, 1);
  });

  it('stops when cancelled, keeping what it indexed and removing nothing', async () => {
    const index = new WorkspaceIndex();
    index.upsert(source('zz-old', 'old2000'));
    let reads = 0;
    const options: IndexOptions = { read: async (p) => (reads++, files.get(p)), isCancelled: () => index.size >= 11, sliceMs: 0 };
    const run = await indexSources(index, paths, options);
    assert.equal(run.cancelled, true);
    assert.ok(index.size < 41);
    assert.ok(index.get('file:///w/sources/zz-old.md'), 'a cancelled scan removed a source');
    assert.ok(reads < 40 + 16 + 1);
  });
});
