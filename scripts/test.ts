/**
 * Command 2 (`npm test`): every check, each kind of test on the real parts it claims to test.
 * Runs them all, then exits non-zero if any failed; `npm test -- e2e fuzz` runs only the steps named (when the build
 * is not one of them, the end-to-end set-up compiles dist/ itself).
 *
 * Independent of the person's shell: the system's configuration variables are dropped before any step runs (each
 * test sets what it needs). Ctrl-C, SIGTERM or SIGHUP stop it at once, together with every server its steps started:
 * they all carry COCREACION_TEST_RUN=<pid of this process> in their environment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { allProcesses, PROJECT_ROOT, startedWith, stopGroups, stopOnSignals, testRunEnvironment } from '../tools/stack';

interface Step {
  /** What `npm test -- <key>…` names it by. */
  readonly key: string;
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
}

const TEST_RUN_MARKER = `COCREACION_TEST_RUN=${process.pid}`;
const ENVIRONMENT = testRunEnvironment(process.env, process.pid);

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);
const jest = (project: string, ...args: string[]) => ({ file: bin('jest'), args: ['--selectProjects', project, ...args] });

const ALL_STEPS: Step[] = [
  { key: 'typecheck', name: 'typecheck (tsc)', file: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { key: 'lint', name: 'lint (eslint)', file: bin('eslint'), args: ['.'] },
  { key: 'build', name: 'build (dist/ for the end-to-end tests)', file: process.execPath, args: ['--import', 'tsx', 'scripts/build.ts'] },
  { key: 'unit', name: 'unit tests + libs/domain coverage', ...jest('unit', '--coverage') },
  { key: 'workflow', name: 'workflow tests (time-skipping test server)', ...jest('workflow', '--maxWorkers=2') },
  { key: 'integration', name: 'integration tests (embedded PostgreSQL)', ...jest('integration', '--runInBand') },
  { key: 'e2e', name: 'end-to-end tests (dev server + PostgreSQL + API + worker)', ...jest('e2e', '--runInBand') },
  { key: 'fuzz', name: 'fuzz tests (fast-check and schemathesis on the running API)', ...jest('fuzz', '--runInBand') },
  { key: 'browser', name: "browser tests (the board in Debian's headless chromium)", ...jest('browser', '--runInBand') },
  { key: 'fault', name: 'fault tests (worker killed, PostgreSQL down, Temporal restarted)', ...jest('fault', '--runInBand') },
  {
    key: 'chaos',
    name: 'chaos run (issue 15: 8 states through the API for 3 min under faults, seed 20261203, then the checker)',
    file: process.execPath,
    args: ['--import', 'tsx', 'scripts/chaos.ts', '--seed', '20261203', '--duration', '180', '--states', '8'],
  },
  {
    key: 'cluster',
    name: 'cluster test (two Temporal Server nodes, two workers, two APIs; a node and a worker killed)',
    ...jest('cluster', '--runInBand'),
  },
  { key: 'start', name: 'npm start in a terminal (Ctrl-C, SIGTERM, SIGHUP, leftovers, readiness)', ...jest('start', '--runInBand') },
];

const named = process.argv.slice(2);
const unknown = named.filter((key) => !ALL_STEPS.some((step) => step.key === key));
if (unknown.length > 0) {
  process.stderr.write(`Pasos desconocidos: ${unknown.join(', ')}. Los pasos son: ${ALL_STEPS.map((step) => step.key).join(', ')}\n`);
  process.exit(2);
}
const steps = named.length === 0 ? ALL_STEPS : ALL_STEPS.filter((step) => named.includes(step.key));
// Without the build step, dist/ may be older than the sources: the end-to-end set-up then compiles it first.
const { COCREACION_BUILT: _built, ...unbuilt } = ENVIRONMENT;
const environment = steps.some((step) => step.key === 'build') ? ENVIRONMENT : unbuilt;

let current: ChildProcess | undefined;
let stopping = false;

stopOnSignals({
  log: (message) => process.stdout.write(`\n\x1b[1m[test]\x1b[0m ${message}\n`),
  exitCodeOnSignal: 130,
  stop: async () => {
    stopping = true;
    if (current?.pid !== undefined && current.exitCode === null) await stopGroups([current.pid], 10_000);
    const servers = allProcesses().filter((info) => info.pid !== process.pid && startedWith(info.pid, TEST_RUN_MARKER));
    await stopGroups([...new Set(servers.map((info) => info.pgid))]);
  },
});

/** Each step in its own process group, so that a stop reaches it (and its Jest workers) whole. */
function run(step: Step): Promise<boolean> {
  return new Promise((resolve) => {
    current = spawn(step.file, [...step.args], { cwd: PROJECT_ROOT, stdio: 'inherit', env: environment, detached: true });
    current.once('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolve(false);
    });
    current.once('exit', (code) => resolve(code === 0));
  });
}

async function main(): Promise<void> {
  const results: { name: string; ok: boolean; seconds: number }[] = [];
  for (const step of steps) {
    process.stdout.write(`\n\x1b[1m▶ ${step.name}\x1b[0m\n`);
    const started = Date.now();
    const ok = await run(step);
    // A stop ends the step first and its servers after: exiting here, even after the last step, would abandon them.
    if (stopping) return;
    results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  }
  process.stdout.write('\n\x1b[1mResumen\x1b[0m\n');
  for (const result of results) {
    process.stdout.write(`  ${result.ok ? '✔' : '✘'} ${result.name} (${result.seconds.toFixed(1)} s)\n`);
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

void main();
