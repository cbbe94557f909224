// Browser tests: the real product (API + built web app) driven through Debian's Chromium.
module.exports = {
  ...require('../../jest.preset.cjs'),
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/browser/global-setup.mjs',
  globalTeardown: '<rootDir>/test/browser/global-teardown.mjs',
};
