// Drives mocha 11 inside a real VS Code extension host. The same source is bundled twice
// (esbuild.mjs): for the web worker host, where the browser build of mocha is injected into the
// bundle and sets `globalThis.mocha`, and for the Node host, where `mocha` stays an external
// require. `process.env.CLAIMDESK_TEST_HOST` and `process.env.CLAIMDESK_TEST_GREP` are replaced
// at build time (esbuild `define`), because a web worker has no environment to read them from.

import { captureFixture, resetToFixture } from './fixture';

/** A spec module, imported only after mocha has installed `describe`/`it` on the global object. */
export type SpecLoader = () => Promise<unknown>;

/** What the runner needs from either mocha build. */
interface MochaLike {
  suite: SuiteLike;
  grep(re: RegExp): MochaLike;
  run(done: (failures: number) => void): RunnerLike;
}

interface RunnerLike {
  stats?: { tests: number; passes: number; failures: number; pending: number };
  on(event: 'fail', listener: (test: { fullTitle(): string }, error: unknown) => void): void;
}

// A safety net above the waits' own limits (harness/util.ts WAIT_LIMIT_MS), whose messages say
// what was awaited: mocha's says only that time ran out.
const testTimeoutMs = 60_000;

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
  beforeAll(title: string, fn: () => Promise<unknown>): void;
  beforeEach(title: string, fn: () => Promise<unknown>): void;
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
  // Tests share one window: each starts from the fixture workspace as committed, whatever ran or
  // failed before it (harness/fixture.ts). Specs set up their own state in `beforeEach`, which runs
  // after this reset; a spec's `before` would be undone by it.
  mocha.suite.beforeAll('capture the fixture workspace', captureFixture);
  mocha.suite.beforeEach('reset to the fixture workspace', resetToFixture);
  for (const load of specs) await load();
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const ran = stats ? stats.passes + stats.failures : 0;
      console.log(`claimdesk-integration: host=${process.env.CLAIMDESK_TEST_HOST} passed=${stats?.passes ?? 0} failed=${failures} pending=${stats?.pending ?? 0}${grep ? ` grep=${JSON.stringify(grep)}` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else if (ran === 0) reject(new Error(grep ? `No integration test matches CLAIMDESK_TEST_GREP=${JSON.stringify(grep)}.` : 'No integration tests ran.'));
      else resolve();
    });
    // One line per failure that `npm run test:repeat` counts across runs.
    runner.on('fail', (test) => console.log(`claimdesk-integration-failed: host=${process.env.CLAIMDESK_TEST_HOST} ${JSON.stringify(test.fullTitle())}`));
  });
}
