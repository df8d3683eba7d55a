import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFileOutput, parseExtractArgs } from '../../src/cli/extract';
import { extractOnThreads, threadsFor, type PoolWorker } from '../../src/cli/pool';
import { runCli } from '../../src/cli/run';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('CLI check and export', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));
    mkdirSync(join(dir, 'sources', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'sources', 'report.txt'), 'Reconstruction will cost US$524 billion, the World Bank said.\nThe minister said: “We will rebuild every bridge.”\n');
    writeFileSync(join(dir, 'sources', 'report.claimdesk.yaml'), 'citekey: bank2025\ntitle: Damage report\nauthor: World Bank\nissued: 2025-02-25\n');
    writeFileSync(join(dir, 'sources', 'nested', 'oped.md'), '---\ntitle: An op-ed\nauthor: Jane Doe\npublisher: The Guardian\ncitekey: doe2024\n---\n\nExports fell by 40% in a year.\n');
    writeFileSync(join(dir, 'clean.md'), '# Memo\n\nIt will cost $524bn [@bank2025, para. 1]. Exports fell 40% [@doe2024, para. 1].\n');
    writeFileSync(join(dir, 'bad.md'), '# Memo\n\nIt will cost US$542 billion [@bank2025, para. 1].\nHe said “We will rebuild every road” [@bank2025, para. 2]. See [@nobody2020].\n');
    writeFileSync(join(dir, 'hint.md'), 'Exports fell by 40%.\n');
    writeFileSync(join(dir, 'refs.bib'), '@article{other2020,\n  title = {Elsewhere},\n}\n');
    writeFileSync(join(dir, 'own-bib.md'), '---\nbibliography: [refs.bib, sources.json]\n---\n\nAs argued [@other2020; @bank2025, para. 1] and [@missing2021].\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints nothing on a clean memo', () => {
    const r = run('check', join(dir, 'clean.md'), '--sources', join(dir, 'sources'));
    assert.equal(r.out, '');
    assert.equal(r.code, 0);
    assert.match(r.err, /1 memo against 2 sources: 0 error/);
  });

  it('prints path:line:col: severity: message and exits 1 on errors', () => {
    const file = join(dir, 'bad.md');
    const r = run('check', file, `--sources=${join(dir, 'sources')}`);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], `${file}:3:14: error: US$542 billion matches no figure in bank2025, para. 1 (it has US$524 billion). [figure-mismatch]`);
    assert.match(lines[1], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:4:9: error: This quotation is not in bank2025, para. 2 word for word\\.`));
    assert.match(lines[2], /:4:\d+: error: Unknown citekey "@nobody2020"/);
  });

  it('exits 0 when only hints are found, and --severity changes a check', () => {
    const file = join(dir, 'hint.md');
    const r = run('check', file, '--sources', join(dir, 'sources'));
    assert.equal(r.code, 0);
    assert.match(r.out, /hint\.md:1:17: hint: 40% has no citation; it matches 40% in doe2024, para\. 1\./);
    const strict = run('check', file, '--sources', join(dir, 'sources'), '--severity', 'uncitedFigure=error');
    assert.equal(strict.code, 1);
  });

  it('prints JSON with positions, codes and fixes', () => {
    const r = run('check', join(dir, 'bad.md'), join(dir, 'clean.md'), '--sources', join(dir, 'sources'), '--format', 'json');
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.out);
    assert.equal(problems.length, 3);
    assert.deepEqual(
      { line: problems[0].line, column: problems[0].column, endColumn: problems[0].endColumn, code: problems[0].code, severity: problems[0].severity },
      { line: 3, column: 14, endColumn: 28, code: 'figure-mismatch', severity: 'error' },
    );
    assert.deepEqual(problems[0].fixes[0].edits[0].newText, 'US$524 billion');
  });

  it('does not report citekeys defined by the memo’s own bibliography', () => {
    const r = run('check', join(dir, 'own-bib.md'), '--sources', join(dir, 'sources'));
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trimEnd().split('\n').map((l) => /Unknown citekey "@(\w+)"/.exec(l)?.[1]), ['missing2021']);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run('check', join(dir, 'bad.md')).code, 2); // no --sources
    assert.equal(run('check', '--sources', join(dir, 'sources')).code, 2); // no memo
    assert.equal(run('check', join(dir, 'missing.md'), '--sources', join(dir, 'sources')).code, 2);
    assert.equal(run('check', join(dir, 'bad.md'), '--sources', join(dir, 'sources'), '--format', 'xml').code, 2);
    assert.equal(run('check', join(dir, 'bad.md'), '--sources', join(dir, 'nowhere')).code, 2);
    assert.equal(run('check', join(dir, 'bad.md'), '--sources', join(dir, 'sources'), '--severity', 'nonsense=error').code, 2);
    assert.equal(run('export').code, 2);
    assert.equal(run('export', '--sources', join(dir, 'sources'), '--bogus').code, 2);
    assert.equal(run('frobnicate').code, 2);
    const r = run('check', '--sources');
    assert.equal(r.code, 2);
    assert.match(r.err, /--sources needs a value/);
  });

  it('says what is wrong in one line and where the usage is, not the whole usage', () => {
    const r = run('check', join(dir, 'bad.md'));
    assert.equal(r.err, 'claimdesk check: name the sources folder with --sources DIR\nsee claimdesk --help\n');
    assert.equal(run('frobnicate').err, 'claimdesk: unknown command "frobnicate" (commands: extract, check, export, conflicts)\nsee claimdesk --help\n');
    const help = run('check', '--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage:/);
    assert.match(run('--help').out, /claimdesk export --sources DIR/);
  });

  it('exports CSL-JSON for every source, to a file or standard output', () => {
    const out = join(dir, 'sources.json');
    const r = run('export', '--sources', join(dir, 'sources'), '--out', out);
    assert.equal(r.code, 0);
    const items = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(items.map((i: { id: string; type: string }) => [i.id, i.type]), [['bank2025', 'report'], ['doe2024', 'article-newspaper']]);
    assert.deepEqual(items[0].author, [{ literal: 'World Bank' }]);
    assert.equal(items[1]['container-title'], 'The Guardian');
    const stdout = run('export', '--sources', join(dir, 'sources'));
    assert.deepEqual(JSON.parse(stdout.out), items);
    // The op-ed has no date: pandoc would print "n.d.", so the export says so.
    assert.match(stdout.err, /oped\.md: warning: doe2024 has no date in the CSL-JSON: set issued: in its sidecar\. \[csl-incomplete\]/);
    assert.doesNotMatch(stdout.err, /bank2025/);
  });

  it('keeps extract working', () => {
    const r = run('extract', join(dir, 'sources', 'report.txt'));
    assert.equal(r.code, 0);
    assert.ok(JSON.parse(r.out));
  });
});

describe('CLI extract on several threads', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-pool-'));
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, `s${i}.txt`), `Exports fell by ${10 + i}% in a year, the ministry said.\nThe minister said: “We will rebuild ${i + 2} bridges.”\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Workers that answer out of order (later jobs first), on a later turn, as threads would. */
  function fakeWorker(format: 'jsonl' | 'yaml', failAfter = Infinity): PoolWorker {
    const listeners: { message?: (d: unknown) => void; error?: (e: unknown) => void } = {};
    let handled = 0;
    return {
      postMessage: (job: { i: number; file: string }) => {
        const delay = (7 - job.i) * 2;
        setTimeout(() => {
          if (handled++ >= failAfter) return listeners.error?.(new Error('worker died'));
          listeners.message?.({ i: job.i, ...extractFileOutput(job.file, format, true) });
        }, delay);
      },
      on: (event: 'message' | 'error', listener: (x: never) => void) => ((listeners as Record<string, unknown>)[event] = listener),
      terminate: () => undefined,
    } as PoolWorker;
  }

  for (const format of ['jsonl', 'yaml'] as const) {
    it(`prints exactly what one thread prints, in the order named (${format})`, async () => {
      const files = [...Array.from({ length: 7 }, (_, i) => join(dir, `s${i}.txt`)), join(dir, 'missing.txt')];
      const serial = run('extract', '--format', format, ...files);
      let out = '';
      let err = '';
      const code = await extractOnThreads(parseExtractArgs(['--format', format, ...files]), { out: (s) => (out += s), err: (s) => (err += s) }, 2, () => fakeWorker(format));
      assert.equal(out, serial.out);
      assert.equal(err, serial.err);
      assert.equal(code, serial.code);
      assert.equal(code, 1);
    });
  }

  it('does the files of a failed worker on the main thread', async () => {
    const files = Array.from({ length: 7 }, (_, i) => join(dir, `s${i}.txt`));
    const serial = run('extract', ...files);
    let out = '';
    const code = await extractOnThreads(parseExtractArgs(files), { out: (s) => (out += s), err: () => undefined }, 2, () => fakeWorker('jsonl', 1));
    assert.equal(out, serial.out);
    assert.equal(code, 0);
  });

  it('uses threads only when the input is worth them', () => {
    const request = parseExtractArgs(['a.txt', 'b.txt', 'c.txt']);
    assert.equal(threadsFor(request, 10_000, 8, 0), 1);
    assert.equal(threadsFor(request, 2_000_000, 2, 0.2), 2);
    assert.equal(threadsFor(request, 2_000_000, 8, 0), 3);
    // Cores other processes keep busy are not idle.
    assert.equal(threadsFor(request, 2_000_000, 2, 1.6), 1);
    assert.equal(threadsFor(request, 2_000_000, 4, 2), 2);
    assert.equal(threadsFor(parseExtractArgs(['--jobs', '2', 'a.txt', 'b.txt']), 10, 1, 4), 2);
    assert.throws(() => parseExtractArgs(['--jobs', '0', 'a.txt']), /--jobs/);
  });
});
