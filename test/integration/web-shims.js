// Injected into the browser test bundle: the npm `assert` and `util` packages read `process`.
export const process = globalThis.process ?? { env: {}, argv: [], platform: 'browser', version: '', versions: {}, nextTick: (fn, ...a) => Promise.resolve().then(() => fn(...a)), cwd: () => '/' };
