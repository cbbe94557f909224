// Unit tests of the web app: src/**/*.spec.ts(x), pure modules and the scorecard autosave, in jsdom
// with fake timers where time matters. Fast: `pnpm test:unit [path]` (also a project of jest.config.cjs).
const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  testEnvironment: 'jsdom',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.css$': '<rootDir>/jest.style-stub.cjs',
  },
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
};
