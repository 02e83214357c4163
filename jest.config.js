// Three suites, one runner: unit specs are pure and fast; integration specs talk to real
// PostgreSQL, PGlite and Kafka; e2e specs go through the public REST and gRPC surface.
const { pathsToModuleNameMapper } = require('./tools/jest-paths');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  // jose 6 ships only ES modules; Node loads them through require(esm), jest needs them compiled.
  transform: { '^.+\\.ts$': swc, '^.+/node_modules/jose/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
};

// Integration and e2e specs talk to a real broker: without KAFKA_BROKERS, the repo's own is started for the run.
const withKafka = { globalSetup: '<rootDir>/tools/jest/kafka-global-setup.js', globalTeardown: '<rootDir>/tools/jest/kafka-global-teardown.js' };

module.exports = {
  reporters: ['default'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '\\.e2e\\.spec\\.ts$', '/node_modules/'],
    },
    { ...common, ...withKafka, displayName: 'integration', testMatch: ['**/*.int.spec.ts'], setupFilesAfterEnv: ['<rootDir>/tools/jest/integration.setup.js'] },
    {
      ...common,
      globalSetup: '<rootDir>/tools/jest/e2e-global-setup.js',
      globalTeardown: '<rootDir>/tools/jest/e2e-global-teardown.js',
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tools/jest/e2e.setup.js'],
    },
  ],
};
