/**
 * `npm run bench:chaos`: harness 2 of issue 15 with several seeds, one after another, each on its own throwaway
 * system: `BENCH_CHAOS_SEEDS` (default 1,2,3), `BENCH_CHAOS_DURATION` seconds each (default 400: the 20
 * minutes of commands under faults, plus each run's start, quiet period and check), `BENCH_CHAOS_STATES` (default
 * 32). Goal: no divergence; the figures are the commands per second and the faults by kind of each run.
 */
import { compile } from '../scripts/build';
import { runChaos, summarizeChaos } from '../test/chaos/chaos-run';
import { exitWith, stopChildrenOnSignals } from '../tools/stack';
import { describeMachine, recordResults } from './results';

async function main(): Promise<number> {
  const machine = describeMachine();
  stopChildrenOnSignals('bench');
  if (process.env.COCREACION_BUILT !== '1') compile();
  const seeds = (process.env.BENCH_CHAOS_SEEDS ?? '1,2,3').split(',').map(Number);
  const durationSeconds = Number(process.env.BENCH_CHAOS_DURATION ?? 400);
  const states = Number(process.env.BENCH_CHAOS_STATES ?? 32);
  const lines: string[] = [];
  let divergences = 0;
  let commands = 0;
  let seconds = 0;
  for (const seed of seeds) {
    const result = await runChaos({ seed, durationSeconds, states, progress: (line) => console.log(line) });
    const summary = summarizeChaos(result);
    console.log(summary.join('\n'));
    lines.push(`semilla ${seed}, ${states} estados, ${durationSeconds} s:`, ...summary, '');
    divergences += result.violations.length;
    commands += result.commands;
    seconds += result.drivingSeconds;
  }
  recordResults('bench:chaos', lines, [
    { metric: `divergencias en ${seeds.length} corridas de caos de ${durationSeconds} s (semillas ${seeds.join(', ')})`, goal: '0', value: String(divergences), met: divergences === 0 },
    { metric: 'comandos por segundo a través de la API bajo fallas', goal: '(informativo)', value: (commands / seconds).toFixed(1), met: true },
  ], machine);
  return divergences > 0 ? 1 : 0;
}

exitWith(main());
