import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';
import { isMemoCheck, parseCheckSeverity } from '../../src/core/memo/index';
import { readSource, sourceInputOf, unreadableSourceProblem } from '../../src/core/source';
import { WorkspaceIndex } from '../../src/core/workspaceIndex';

const bytes = (s: string) => new TextEncoder().encode(s);
const TEXT = 'A headline\n\nThe World Bank said reconstruction will cost US$524 billion.\n';

describe('reading a source: one path from bytes and sidecar to a built source', () => {
  it('builds a source with its sidecar, from bytes or text, a BOM on the sidecar ignored', () => {
    const fromBytes = readSource({ path: 'sources/a.txt', bytes: bytes(TEXT), sidecar: bytes('\uFEFFcitekey: bank2025\n') });
    const fromText = readSource({ path: 'sources/a.txt', bytes: bytes(TEXT), sidecar: 'citekey: bank2025\n' });
    assert.equal(fromBytes.doc?.citekey, 'bank2025');
    assert.equal(fromText.doc?.citekey, 'bank2025');
    assert.deepEqual(fromBytes.problems, []);
  });

  it('reports what reading the bytes found with the source’s own problems', () => {
    const withBadByte = new Uint8Array([...bytes(TEXT), 0xff, 0x0a]);
    const { doc, problems } = readSource({ path: 'sources/a.txt', bytes: withBadByte, sidecar: 'claims: [\n' });
    assert.ok(doc);
    assert.deepEqual(problems, doc.problems);
    assert.ok(problems.some((p) => p.code === 'invalid-utf8'), JSON.stringify(problems.map((p) => p.code)));
    assert.ok(problems.some((p) => p.file === 'sources/a.claimdesk.yaml'), 'the sidecar’s YAML error is reported against the sidecar');
  });

  it('reads a source whose sidecar cannot be read without it, with a warning on the sidecar', () => {
    const { doc, problems } = readSource({ path: 'sources/a.txt', bytes: bytes(TEXT), sidecar: 'citekey: bank2025\n', sidecarError: 'EACCES' });
    assert.notEqual(doc?.citekey, 'bank2025');
    assert.deepEqual(problems.map((p) => [p.severity, p.code, p.file]), [['warning', 'sidecar-unreadable', 'sources/a.claimdesk.yaml']]);
    assert.match(problems[0].message, /EACCES/);
  });

  it('gives no source, and the problems that say why, for bytes that are not text', () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 0, 0]);
    const { input, problems } = sourceInputOf({ path: 'sources/a.txt', bytes: pdf });
    assert.equal(input, undefined);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /PDF/);
    assert.equal(readSource({ path: 'sources/a.txt', bytes: pdf }).doc, undefined);
    assert.equal(unreadableSourceProblem('ENOENT').code, 'unreadable-source');
  });

  it('finds the source of a sidecar in the index, the first in path order when two share it', () => {
    const index = new WorkspaceIndex();
    index.upsertMany([
      { path: 'sources/b.txt', text: TEXT },
      { path: 'sources/a.txt', text: TEXT },
      { path: 'sources/a.md', text: TEXT },
    ]);
    assert.equal(index.sourceOfSidecar('sources/a.claimdesk.yaml')?.path, 'sources/a.md');
    assert.equal(index.sourceOfSidecar('sources/b.claimdesk.yaml')?.path, 'sources/b.txt');
    index.remove('sources/a.md');
    assert.equal(index.sourceOfSidecar('sources/a.claimdesk.yaml')?.path, 'sources/a.txt');
    assert.equal(index.sourceOfSidecar('sources/c.claimdesk.yaml'), undefined);
  });

  it('parses a check severity the same way for settings and the command line', () => {
    assert.equal(parseCheckSeverity('hint'), 'hint');
    assert.equal(parseCheckSeverity('off'), 'off');
    assert.equal(parseCheckSeverity('Error'), undefined);
    assert.equal(parseCheckSeverity(3), undefined);
    assert.ok(isMemoCheck('uncitedFigure'));
    assert.ok(!isMemoCheck('toString'));
  });
});

describe('CLI: one format for source and memo problems', () => {
  let dir: string;
  const run = (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-read-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'report.txt'), TEXT);
    writeFileSync(join(dir, 'sources', 'report.claimdesk.yaml'), 'citekey: [not, a, key\n');
    writeFileSync(join(dir, 'sources', 'scan.txt'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, 0]));
    writeFileSync(join(dir, 'memo.md'), 'See [@nobody2020].\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('check prints unreadable files, sidecar problems and memo problems as FILE[:LINE:COL]: SEVERITY: MESSAGE [CODE]', () => {
    const r = run('check', join(dir, 'memo.md'), '--sources', join(dir, 'sources'));
    const line = /^\S+?(?::\d+:\d+)?: (?:error|warning|info|hint): .+ \[[\w-]+\]$/;
    const lines = [...r.err.trimEnd().split('\n').slice(0, -1), ...r.out.trimEnd().split('\n')];
    assert.equal(lines.length, 3, r.err + r.out);
    for (const l of lines) assert.match(l, line);
    assert.ok(lines.some((l) => l.startsWith(join(dir, 'sources', 'scan.txt') + ': error: ')));
    assert.ok(lines.some((l) => l.startsWith(join(dir, 'sources', 'report.claimdesk.yaml') + ':')));
    assert.ok(lines.some((l) => l.startsWith(join(dir, 'memo.md') + ':1:7: error: ')));
  });

  it('extract reads through the same path and prints problems the same way', () => {
    const r = run('extract', join(dir, 'sources', 'report.txt'), join(dir, 'sources', 'scan.txt'), join(dir, 'nowhere.txt'));
    assert.equal(r.code, 1);
    assert.equal(r.out.trimEnd().split('\n').length, 1, 'one JSON line for the one readable source');
    assert.match(r.err, /report\.claimdesk\.yaml:\d+:\d+: \w+: .* \[[\w-]+\]/);
    assert.match(r.err, /scan\.txt: error: .*PDF.* \[[\w-]+\]/);
    assert.match(r.err, /nowhere\.txt: error: No such file\. \[not-a-file\]/);
  });

  it('extract takes its options through the shared parser', () => {
    const report = join(dir, 'sources', 'report.txt');
    assert.equal(run('extract', report, '--format=yaml').code, 0);
    assert.equal(run('extract', '--format', 'yaml', report).code, 0);
    const bad = run('extract', report, '--format', 'xml');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^claimdesk extract: --format must be json, yaml or jsonl \(got "xml"\)/);
    assert.match(run('extract', report, '--bogus').err, /unknown option --bogus/);
    assert.match(run('extract', report, '--format').err, /--format needs a value/);
    assert.equal(run('extract').code, 2);
  });
});
