/**
 * Command 2 (`npm test`): every check, each kind of test on the real parts it claims to test.
 * Runs them all, then exits non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tools/stack';
import { compile } from './build';

interface Step {
  readonly name: string;
  readonly run: () => boolean;
}

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);

function command(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): () => boolean {
  return () => spawnSync(file, args, { cwd: PROJECT_ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

const jest = (project: string, ...args: string[]) =>
  command(bin('jest'), ['--selectProjects', project, ...args], { COCREACION_BUILT: '1' });

const steps: Step[] = [
  { name: 'typecheck (tsc)', run: command(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) },
  { name: 'lint (eslint)', run: command(bin('eslint'), ['.']) },
  {
    name: 'build (dist/ for the end-to-end tests)',
    run: () => {
      compile();
      return true;
    },
  },
  { name: 'unit tests + libs/domain coverage', run: jest('unit', '--coverage') },
  { name: 'workflow tests (time-skipping test server)', run: jest('workflow', '--maxWorkers=2') },
  { name: 'integration tests (embedded PostgreSQL)', run: jest('integration', '--runInBand') },
  { name: 'end-to-end tests (dev server + PostgreSQL + API + worker)', run: jest('e2e', '--runInBand') },
  { name: 'fuzz tests (fast-check and schemathesis on the running API)', run: jest('fuzz', '--runInBand') },
  { name: "browser tests (the board in Debian's headless chromium)", run: jest('browser', '--runInBand') },
  { name: 'fault tests (worker killed, PostgreSQL down, Temporal restarted)', run: jest('fault', '--runInBand') },
];

function main(): void {
  const results = steps.map((step) => {
    process.stdout.write(`\n\x1b[1m▶ ${step.name}\x1b[0m\n`);
    const started = Date.now();
    let ok: boolean;
    try {
      ok = step.run();
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      ok = false;
    }
    return { name: step.name, ok, seconds: (Date.now() - started) / 1000 };
  });
  process.stdout.write('\n\x1b[1mResumen\x1b[0m\n');
  for (const result of results) {
    process.stdout.write(`  ${result.ok ? '✔' : '✘'} ${result.name} (${result.seconds.toFixed(1)} s)\n`);
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

main();
