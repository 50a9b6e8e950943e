/** Browser tests: Playwright (playwright-core) driving Debian's Chromium against the H5 build. */
const base = require('./jest.config')
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: ['**/tests/e2e/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
}
