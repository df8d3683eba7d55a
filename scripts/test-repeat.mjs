// npm run test:repeat -- N — the stress mode: builds once, then runs the integration specs N times
// in both hosts (web worker host, then Node host, per round), and reports every test that failed at
// least once with how often, and every run that ended without a result. Exits non-zero if any did.
// `--hosts=web` or `--hosts=node` runs one host only. Each run's full output is kept in
// .test-repeat/<host>-<round>.log (gitignored; replaced by the next stress run).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles, root } from './lib/hosts.mjs';

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const hostsArg = args.find((a) => a.startsWith('--hosts='))?.slice('--hosts='.length) ?? 'web,node';
const hosts = hostsArg.split(',').filter(Boolean);
const scripts = { web: 'scripts/test-web.mjs', node: 'scripts/test-node.mjs' };
if (!(rounds >= 1) || hosts.length === 0 || hosts.some((h) => !scripts[h])) {
  console.error('usage: npm run test:repeat -- N [--hosts=web,node]');
  process.exit(2);
}

const logDir = join(root, '.test-repeat');
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });
buildBundles(hosts.flatMap((h) => [h, `integration-${h}`]).join(','), []);

function runOnce(host, round) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [scripts[host], '--no-build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code, signal) => {
      const log = join(logDir, `${host}-${round}.log`);
      writeFileSync(log, output);
      const summary = /claimdesk-integration: host=\w+ passed=(\d+) failed=(\d+)/.exec(output);
      const failedTests = [...output.matchAll(/^claimdesk-integration-failed: host=\w+ (.*)$/gm)].map((m) => JSON.parse(m[1]));
      resolve({ host, round, code: code ?? signal, log, seconds: (Date.now() - started) / 1000, passed: summary ? Number(summary[1]) : undefined, failed: summary ? Number(summary[2]) : undefined, failedTests });
    });
  });
}

const started = Date.now();
const results = [];
for (let round = 1; round <= rounds; round++) {
  for (const host of hosts) {
    const r = await runOnce(host, round);
    results.push(r);
    const outcome = r.passed === undefined ? `NO RESULT (exit ${r.code}) — see ${r.log}` : `${r.passed} passed, ${r.failed} failed${r.code === 0 ? '' : ` (exit ${r.code})`}`;
    console.log(`round ${round}/${rounds} ${host.padEnd(4)} ${r.seconds.toFixed(1).padStart(6)} s  ${outcome}`);
    for (const title of r.failedTests) console.log(`    failed: ${title}`);
  }
}

console.log(`\n=== test:repeat: ${rounds} round(s) × ${hosts.join(' + ')} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
const failures = new Map();
for (const r of results) for (const title of r.failedTests) failures.set(`${r.host}: ${title}`, (failures.get(`${r.host}: ${title}`) ?? 0) + 1);
const broken = results.filter((r) => r.passed === undefined || r.code !== 0);
for (const host of hosts) {
  const mine = results.filter((r) => r.host === host);
  const times = mine.map((r) => r.seconds).sort((a, b) => a - b);
  console.log(`${host}: ${mine.filter((r) => r.code === 0).length} of ${mine.length} runs ok; ${times[0].toFixed(1)}–${times[times.length - 1].toFixed(1)} s per run`);
}
if (failures.size) {
  console.log('Tests that failed at least once (runs failed of runs):');
  for (const [title, count] of [...failures].sort((a, b) => b[1] - a[1])) console.log(`  ${count}/${rounds}  ${title}`);
}
for (const r of broken.filter((r) => r.failedTests.length === 0)) console.log(`Run ${r.host} ${r.round} failed without a failed test (exit ${r.code}): ${r.log}`);
console.log(broken.length === 0 ? `every run passed (${results.reduce((n, r) => n + r.passed, 0)} test results)` : `${broken.length} of ${results.length} runs FAILED`);
process.exit(broken.length === 0 ? 0 : 1);
