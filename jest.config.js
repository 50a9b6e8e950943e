/** Unit + API integration tests (SQLite in memory / temp files, real HTTP on loopback). */
module.exports = {
  testEnvironment: 'node',
  // TypeScript sources before JavaScript, so a built bundle beside its source (cloudfunctions/api/index.js) is never imported instead.
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 30000,
}
