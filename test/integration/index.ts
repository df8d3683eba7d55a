// Entry of the integration test bundles (dist/test/integration.web.js for the web worker host,
// dist/test/integration.node.js for the Node host). VS Code calls `run()`.
//
// List every spec here (esbuild has no require.context). Each is imported lazily, after mocha
// has installed `describe`/`it`. Run one spec: `CLAIMDESK_TEST_GREP=hover npm run test:web`.
import { runIntegrationSpecs, type SpecLoader } from './harness/runner';

const specs: SpecLoader[] = [
  () => import('./activation.spec'),
  () => import('./indexing.spec'),
  () => import('./tree.spec'),
  () => import('./hover.spec'),
  () => import('./completion.spec'),
  () => import('./picker.spec'),
  () => import('./drop.spec'),
  () => import('./definition.spec'),
  () => import('./references.spec'),
  () => import('./treeCommands.spec'),
  () => import('./diagnostics.spec'),
  () => import('./security.spec'),
  () => import('./htmlSource.spec'),
  () => import('./conflicts.spec'),
  () => import('./library.spec'),
];

export function run(): Promise<void> {
  return runIntegrationSpecs(specs);
}
