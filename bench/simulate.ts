/**
 * `npm run bench:simulate`: the decade of issue 15 (32 states × 10 years, harness 1) with a fixed seed, on
 * `BENCH_SHARDS` time-skipping servers (default 8). Goal: under 60 s of wall time on this 2-core machine, and no
 * violation. `BENCH_SEED`, `BENCH_STATES`, `BENCH_YEARS` change the run.
 */
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { simulate, summarize } from '../test/simulation/simulation';
import { exitWith, stopChildrenOnSignals } from '../tools/stack';
import { failureLines } from './failures';
import { describeMachine, recordResults } from './results';

const GOAL_SECONDS = 60;
const ignore = () => undefined;
const quiet = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, log: ignore };

async function main(): Promise<number> {
  const machine = describeMachine();
  const options = {
    seed: Number(process.env.BENCH_SEED ?? 1),
    states: Number(process.env.BENCH_STATES ?? 32),
    years: Number(process.env.BENCH_YEARS ?? 10),
    shards: Number(process.env.BENCH_SHARDS ?? 8),
    progress: (line: string) => console.log(line),
  };
  stopChildrenOnSignals('bench');
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions(), logger: quiet });
  const result = await simulate(options, { code });
  const failures = result.counts.failures.map(({ step, error }) => new Error(`${step.on} ${step.entidad} ${step.command.type}: ${error}`));
  const lines = [
    `bench:simulate — ${options.states} estados × ${options.years} años en ${options.shards} servidores con salto de tiempo, PostgreSQL real`,
    ...summarize(result),
    ...failureLines(failures),
  ];
  console.log(lines.join('\n'));
  const seconds = result.wallSeconds;
  recordResults('bench:simulate', lines, [
    // A run that lost commands did less work than it claims: its time meets no goal.
    { metric: `${options.states} estados × ${options.years} años (semilla ${options.seed}), tiempo real`, goal: `< ${GOAL_SECONDS} s`, value: `${seconds.toFixed(0)} s`, met: seconds < GOAL_SECONDS && failures.length === 0 },
    { metric: 'comandos fallidos', goal: '0', value: String(failures.length), met: failures.length === 0 },
    { metric: 'violaciones de las invariantes (a–e)', goal: '0', value: String(result.report.violations.length), met: result.report.violations.length === 0 },
  ], machine);
  return result.report.violations.length > 0 || result.counts.failures.length > 0 ? 1 : 0;
}

exitWith(main());
