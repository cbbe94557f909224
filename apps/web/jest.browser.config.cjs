// Browser tests: the real product (API + built web app) driven through Chromium (see test/browser).
// `pnpm test:browser [path]` (also a project of jest.config.cjs).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  // One test file at a time. `--maxWorkers=2` runs two at a time, each worker against a product of
  // its own (global-setup.mjs starts one per worker; worker-env.ts points each file at its worker's).
  // Not the default yet: on a two-CPU machine shared with other work, two workers ran tests past
  // their timeout.
  maxWorkers: 1,
  setupFiles: ['<rootDir>/test/browser/worker-env.ts'],
  globalSetup: '<rootDir>/test/browser/global-setup.mjs',
  globalTeardown: '<rootDir>/test/browser/global-teardown.mjs',
};
