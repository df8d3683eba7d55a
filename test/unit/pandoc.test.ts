// Renders the sample memo with the real `pandoc --citeproc` and the CSL-JSON Claimdesk exports.
// Pandoc is a prerequisite of this test (Debian: apt-get install pandoc; CI installs it).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';

function pandoc(args: string[], input?: string): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('pandoc', args, { input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw new Error(`pandoc could not run (${r.error.message}); install it (Debian: apt-get install pandoc) to run this test`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('pandoc --citeproc with exported CSL-JSON', function () {
  this.timeout(60_000);
  let dir: string;
  let bibliography: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-pandoc-'));
    bibliography = join(dir, 'sources.json');
    const code = runCli(['export', '--sources', 'sample/sources', '--out', bibliography], { out: () => {}, err: () => {} });
    assert.equal(code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('formats every citation of the sample memo with its paragraph locator and no warning', () => {
    const r = pandoc(['--citeproc', '--bibliography', bibliography, '-t', 'plain', '--wrap=none', 'sample/memos/land-for-ceasefire.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /not found|\[WARNING\]/i);
    for (const para of [4, 7, 6, 19, 21, 23, 15, 25]) assert.ok(r.stdout.includes(`(Borodyna 2025, para. ${para})`), `no "(Borodyna 2025, para. ${para})" in:\n${r.stdout}`);
    assert.doesNotMatch(r.stdout, /@borodyna2025|\?\?\?/);
    assert.match(r.stdout, /Borodyna, Olena\. 2025\. “No Deal Agreed at Trump–Putin Meeting.*” The Conversation, August 17, 2025\./);
  });

  it('would report a citation the bibliography lacks (the check above can fail)', () => {
    const r = pandoc(['--citeproc', '--bibliography', bibliography, '-t', 'plain', '-f', 'markdown'], 'Text [@nobody2020, para. 2].\n');
    assert.match(r.stderr, /nobody2020/);
    assert.match(r.stderr, /not found/i);
  });
});
