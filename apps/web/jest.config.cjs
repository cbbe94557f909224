// Both kinds of web tests, so `npx jest <path>` finds any of them: `unit` (jest.unit.config.cjs) and
// `browser` (jest.browser.config.cjs). `pnpm test` runs the unit tests first, then the browser tests.
const { testTimeout, maxWorkers, ...browser } = require('./jest.browser.config.cjs');

module.exports = {
  projects: [require('./jest.unit.config.cjs'), browser],
  // Jest reads these only at the top, not per project: one product and one browser at a time, and
  // a journey's steps wait for a real page.
  maxWorkers,
  testTimeout,
};
