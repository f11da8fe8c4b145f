// One Jest run, the kinds of test told apart by file suffix (see README "Tests").
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/(domain|workflows|contracts|persistence|notifications|observability)$': '<rootDir>/libs/$1/src',
    // Test helpers by name from any depth, never by a chain of ../
    '^@test/support/(.*)$': '<rootDir>/test/support/$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/', '<rootDir>/.tools/'],
};

module.exports = {
  // Servers start inside hooks (time-skipping server, PostgreSQL, the whole system); no test sleeps.
  testTimeout: 180_000,
  // The rules of the method live in libs/domain; the test command reports and enforces their coverage.
  collectCoverageFrom: [
    'libs/domain/src/**/*.ts',
    '!**/*.spec.ts',
    '!**/index.ts',
    '!libs/domain/src/test-support/**',
    '!libs/domain/src/**/testing/**',
  ],
  coverageThreshold: { global: { branches: 95, lines: 95 } },
  coverageReporters: ['text-summary', 'lcov'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.workflow\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'workflow',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.workflow.spec.ts'],
      globalSetup: '<rootDir>/test/support/workflow-bundle.global-setup.ts',
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/postgres.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/postgres.global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/stack.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/stack.global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'fault',
      testMatch: ['<rootDir>/test/fault/**/*.fault-spec.ts'],
    },
    {
      // The system on two real Temporal Server nodes (built by `bootstrap.sh --for-cluster`) with two workers and two
      // APIs, one node and one worker killed mid-run; starts its own servers. Run --runInBand.
      ...shared,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
    },
    {
      // `npm start` itself, typed into a real terminal (tmux) and stopped every way it can be; run --runInBand.
      ...shared,
      displayName: 'start',
      testMatch: ['<rootDir>/test/start/**/*.start-spec.ts'],
    },
    {
      // Bad input against the same whole system: fast-check over every operation of /api/docs-json, and schemathesis
      // (from the project's virtualenv); bounded by a fixed seed and example counts. Run --runInBand.
      ...shared,
      displayName: 'fuzz',
      testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'],
      globalSetup: '<rootDir>/test/support/stack.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/stack.global-teardown.ts',
    },
    {
      // The board in real headless Chromium (Debian's), on the same whole system as the e2e tests; run --runInBand.
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/stack.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/stack.global-teardown.ts',
    },
  ],
};
