/**
 * `npm run simulate -- --seed N [--states 32] [--entidades 02,14] [--years 10] [--shards K] [--check-every-year]`:
 * harness 1 of issue 15 (test/simulation). Prints each simulated year as it ends, the summary and the seed; exits 1 on
 * any violation of the invariants or any command that failed. `--entidades` plays only those states, each exactly as
 * in the full run of its seed: a violation of the decade replays from its state alone.
 */
import { parseArgs } from 'node:util';
import { isEntidad } from '@app/domain';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { simulate, summarize } from '../test/simulation/simulation';
import { exitWith, stopChildrenOnSignals } from '../tools/stack';

const ignore = () => undefined;
const quiet = { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, log: ignore };

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      states: { type: 'string', default: '32' },
      entidades: { type: 'string' },
      years: { type: 'string', default: '10' },
      shards: { type: 'string', default: '1' },
      'check-every-year': { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
  const entidades = values.entidades?.split(',').map((code) => code.trim());
  const options = {
    seed,
    states: Number(values.states),
    ...(entidades === undefined ? {} : { entidades: entidades.filter(isEntidad) }),
    years: Number(values.years),
    shards: Number(values.shards),
    checkEveryYear: values['check-every-year'],
    progress: (line: string) => console.log(line),
  };
  const statesValid = entidades === undefined ? options.states >= 1 && options.states <= 32 : entidades.length > 0 && entidades.every(isEntidad);
  if (![seed, options.states, options.years].every(Number.isFinite) || !statesValid) {
    console.error('uso: npm run simulate -- --seed N [--states 1..32 | --entidades 01,02…] [--years N] [--shards K] [--check-every-year]');
    return 2;
  }
  stopChildrenOnSignals('simulate');
  console.log(`simulación con semilla ${seed}`);
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions(), logger: quiet });
  const result = await simulate(options, { code });
  console.log(summarize(result).join('\n'));
  return result.report.violations.length > 0 || result.counts.failures.length > 0 ? 1 : 0;
}

exitWith(main());
