/**
 * Every variable the API, the worker, the seed and `npm start` read (README "Configuration"), and those the test
 * support hands from Jest's global setup to the tests. A test run sets the ones it needs itself; a value exported
 * in the person's shell (say DEMO_PASSWORD, which the README suggests for `npm start`) must not reach it.
 */
export const CONFIGURATION_VARIABLES = [
  'APP_MODE',
  'PORT',
  'METRICS_PORT',
  'DATABASE_URL',
  'DATABASE_MIGRATE',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'COMMAND_TIMEOUT_MS',
  'DEADLINE_POLICY',
  'NODE_ENV',
  'JWT_SECRET',
  'MAIL_LINK_SECRET',
  'JWT_TTL',
  'TRUST_PROXY',
  'PROGRAMME_START',
  'DEMO_PASSWORD',
  'DEMO_SEED',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'WORKER_MAX_CONCURRENT_ACTIVITIES',
  'WORKFLOW_BUNDLE_PATH',
  'SMTP_URL',
  'MAIL_FROM',
  'MAIL_REPLY_TO',
  'MAIL_SWEEP_MS',
  'MAIL_DISPATCH_LANES',
  'PUBLIC_BASE_URL',
  'DATA_DIR',
  'COCREACION_BUILT',
  'COCREACION_DATA_DIR',
  'TEST_POSTGRES_URL',
  'TEST_WORKFLOW_BUNDLE',
] as const;

/** `env` without the system's configuration (nor any `E2E_*` hand-over): what a test run starts from. */
export function withoutConfiguration(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const names = new Set<string>(CONFIGURATION_VARIABLES);
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name) && !name.startsWith('E2E_')));
}

/**
 * The environment of every step of `npm test`: the shell's minus the configuration, marked with the run's pid so
 * that a stop finds every server the steps started, and telling the test set-ups that dist/ is already built.
 */
export function testRunEnvironment(env: NodeJS.ProcessEnv, runPid: number): NodeJS.ProcessEnv {
  return { ...withoutConfiguration(env), COCREACION_TEST_RUN: String(runPid), COCREACION_BUILT: '1' };
}
