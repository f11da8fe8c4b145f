import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, testRunEnvironment } from '../../tools/stack';

/** What a person may have exported for `npm start` (the README suggests DEMO_PASSWORD) or for another project. */
const EXPORTED_IN_THE_SHELL = {
  DEMO_PASSWORD: 'la-clave-de-la-persona',
  PORT: '1',
  DATABASE_URL: 'postgres://nadie:nada@127.0.0.1:1/ninguna',
  TEMPORAL_ADDRESS: '127.0.0.1:1',
  SMTP_URL: 'smtp://127.0.0.1:1',
  JWT_SECRET: 'una-clave-de-otra-parte-con-mas-de-32-caracteres',
  MAIL_LINK_SECRET: 'otra-clave-de-otra-parte-con-mas-de-32-caracteres',
  NODE_ENV: 'production',
  APP_MODE: 'production',
  TRUST_PROXY: '1',
  PROGRAMME_START: '2030-01-01',
  MAIL_SWEEP_MS: 'nunca',
};

describe("npm test's end-to-end step, whatever the shell exports", () => {
  it('logs in, starts an exercise and reads it back as with a clean environment', () => {
    const run = spawnSync(
      join(PROJECT_ROOT, 'node_modules/.bin/jest'),
      ['--selectProjects', 'e2e', '--runInBand', 'test/auth.e2e-spec.ts', 'test/exercise-slice.e2e-spec.ts'],
      { cwd: PROJECT_ROOT, env: testRunEnvironment({ ...process.env, ...EXPORTED_IN_THE_SHELL }, process.pid), encoding: 'utf8' },
    );

    expect(`${run.stderr.slice(-4_000)}\nexit ${run.status}`).toMatch(/Tests: +\d+ passed, \d+ total[\s\S]*exit 0$/);
  }, 600_000);
});
