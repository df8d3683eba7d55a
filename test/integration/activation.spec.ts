import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { activateClaimdesk, extensionId } from './harness/util';

// Activation time, as the real host sees it. Timings are reported, never asserted: `npm run bench`
// runs this spec alone and reads the line it prints.
describe('Claimdesk activation', () => {
  it('reports how long activate took and when the first scan was ready', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed in the host`);
    const api = await activateClaimdesk();
    const readyStart = performance.now();
    await api.ready;
    assert.equal(typeof api.activationMs, 'number');
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs is ${api.activationMs}`);
    const report = { platform: api.platform, ms: Math.round(api.activationMs * 10) / 10, sources: api.index.size, waitedForReadyMs: Math.round(performance.now() - readyStart) };
    console.log(`CLAIMDESK_BENCH_ACTIVATION ${JSON.stringify(report)}`);
  });
});
