/**
 * `npm run chaos -- --seed N --duration SECONDS [--states 1..32] [--years N] [--faults kind@s+down,…]`: harness 2 of
 * issue 15 (test/chaos). The system as `npm start` runs it, the seed's scenario through the HTTP API under the seed's
 * faults (or those `--faults` writes out, `parseFaults`), then the checker.
 * Its last line is `chaos: <n> commands, <m> faults (<kinds>), <k> divergences`; exits 1 when k > 0.
 */
import { parseArgs } from 'node:util';
import { runChaos, summarizeChaos } from '../test/chaos/chaos-run';
import { FAULT_KINDS, parseFaults } from '../test/chaos/fault-schedule';
import { exitWith, stopChildrenOnSignals } from '../tools/stack';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      duration: { type: 'string', default: '180' },
      states: { type: 'string', default: '32' },
      years: { type: 'string', default: '1' },
      faults: { type: 'string' },
    },
  });
  const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
  const [durationSeconds, states, years] = [Number(values.duration), Number(values.states), Number(values.years)];
  const faults = values.faults === undefined ? undefined : parseFaults(values.faults);
  if (![seed, durationSeconds, states, years].every(Number.isFinite) || durationSeconds < 10 || states < 1 || states > 32 || faults === undefined && values.faults !== undefined) {
    console.error(`uso: npm run chaos -- --seed N --duration SEGUNDOS [--states 1..32] [--years N] [--faults tipo@s+caída,…] (tipos: ${FAULT_KINDS.join(', ')})`);
    return 2;
  }
  stopChildrenOnSignals('chaos');
  const result = await runChaos({ seed, durationSeconds, states, years, faults, progress: (line) => console.log(line) });
  console.log(summarizeChaos(result).join('\n'));
  return result.violations.length > 0 ? 1 : 0;
}

exitWith(main());
