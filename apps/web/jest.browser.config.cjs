// Browser tests: the real product (API + built web app) driven through Chromium (see test/browser).
// `pnpm test:browser [path]` (also a project of jest.config.cjs).
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/browser/global-setup.mjs',
  globalTeardown: '<rootDir>/test/browser/global-teardown.mjs',
};
