// Drives mocha 11 inside a real VS Code extension host. The same source is bundled twice
// (esbuild.mjs): for the web worker host, where the browser build of mocha is injected into the
// bundle and sets `globalThis.mocha`, and for the Node host, where `mocha` stays an external
// require. `process.env.CLAIMDESK_TEST_HOST` and `process.env.CLAIMDESK_TEST_GREP` are replaced
// at build time (esbuild `define`), because a web worker has no environment to read them from.

import { revertAndCloseAllEditors } from './util';

/** A spec module, imported only after mocha has installed `describe`/`it` on the global object. */
export type SpecLoader = () => Promise<unknown>;

/** What the runner needs from either mocha build. */
interface MochaLike {
  suite: SuiteLike;
  grep(re: RegExp): MochaLike;
  run(done: (failures: number) => void): { stats?: { tests: number; passes: number; failures: number; pending: number } };
}

const testTimeoutMs = 30_000;

export function testGrep(): string {
  return process.env.CLAIMDESK_TEST_GREP ?? '';
}

async function createMocha(): Promise<MochaLike> {
  if (process.env.CLAIMDESK_TEST_HOST === 'web') {
    const web = (globalThis as unknown as { mocha?: BrowserMocha }).mocha;
    if (!web) throw new Error('The browser build of mocha was not injected into the web test bundle (see esbuild.mjs).');
    // The browser build defaults to the HTML reporter, which needs a DOM the worker lacks.
    web.setup({ ui: 'bdd', reporter: 'spec', timeout: testTimeoutMs, color: false });
    return web;
  }
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: testTimeoutMs, color: false });
  // Specs are bundled, not files mocha loads: install the bdd globals ourselves.
  mocha.suite.emit('pre-require', globalThis, 'integration-bundle', mocha);
  return mocha as unknown as MochaLike;
}

interface SuiteLike {
  suites: SuiteLike[];
  afterAll(title: string, fn: () => Promise<void>): void;
}

interface BrowserMocha extends MochaLike {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
}

/**
 * Loads every spec, runs them, and rejects when a test failed, when none ran (a grep that matches
 * nothing, or a spec list that lost its entries, must not look like success), or on a load error.
 */
export async function runIntegrationSpecs(specs: SpecLoader[]): Promise<void> {
  const mocha = await createMocha();
  const grep = testGrep();
  if (grep) mocha.grep(new RegExp(grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
  for (const load of specs) {
    const before = mocha.suite.suites.length;
    await load();
    // Spec files share one window: whatever a file leaves open or unsaved is reverted and closed
    // after its last test, so the next file starts from the workspace as it is on disk.
    for (const suite of mocha.suite.suites.slice(before)) suite.afterAll('revert and close editors', revertAndCloseAllEditors);
  }
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const ran = stats ? stats.passes + stats.failures : 0;
      console.log(`claimdesk-integration: host=${process.env.CLAIMDESK_TEST_HOST} passed=${stats?.passes ?? 0} failed=${failures} pending=${stats?.pending ?? 0}${grep ? ` grep=${JSON.stringify(grep)}` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else if (ran === 0) reject(new Error(grep ? `No integration test matches CLAIMDESK_TEST_GREP=${JSON.stringify(grep)}.` : 'No integration tests ran.'));
      else resolve();
    });
  });
}
