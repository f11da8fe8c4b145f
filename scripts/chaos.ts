/**
 * `npm run chaos -- --seed N --duration SECONDS [--states 1..32] [--years N]`: harness 2 of issue 15 (test/chaos). The
 * system as `npm start` runs it, the seed's scenario through the HTTP API under the seed's faults, then the checker.
 * Its last line is `chaos: <n> commands, <m> faults (<kinds>), <k> divergences`; exits 1 when k > 0.
 */
import { parseArgs } from 'node:util';
import { runChaos, summarizeChaos } from '../test/chaos/chaos-run';
import { exitWith, stopChildrenOnSignals } from '../tools/stack';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      duration: { type: 'string', default: '180' },
      states: { type: 'string', default: '32' },
      years: { type: 'string', default: '1' },
    },
  });
  const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
  const [durationSeconds, states, years] = [Number(values.duration), Number(values.states), Number(values.years)];
  if (![seed, durationSeconds, states, years].every(Number.isFinite) || durationSeconds < 10 || states < 1 || states > 32) {
    console.error('uso: npm run chaos -- --seed N --duration SEGUNDOS [--states 1..32] [--years N]');
    return 2;
  }
  stopChildrenOnSignals('chaos');
  const result = await runChaos({ seed, durationSeconds, states, years, progress: (line) => console.log(line) });
  console.log(summarizeChaos(result).join('\n'));
  return result.violations.length > 0 ? 1 : 0;
}

exitWith(main());
