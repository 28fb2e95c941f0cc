/** Jest runs TypeScript through ts-jest without type checking (isolatedModules); `npm run typecheck` checks types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } }],
  },
  // graphql-request 7 exports ESM only but ships a CommonJS build; jest's CommonJS loader needs that one.
  moduleNameMapper: { '^graphql-request$': '<rootDir>/node_modules/graphql-request/build/entrypoints/main.cjs' },
  setupFiles: ['reflect-metadata'],
  // A test graph on the embedded store creates seven PGlite clusters: 50-60 s per beforeAll with two workers.
  testTimeout: process.env.TEST_STORE === 'pglite' ? 180000 : 60000,
};
