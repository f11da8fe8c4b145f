/**
 * `npm run bench:cluster`: bench:load's scenario (STLs and exercises started by Update-with-Start, then stages 1 to 10
 * by Update) on the real Temporal Server (two nodes of v1.30.9 on PostgreSQL, tools/stack's cluster) and on the dev
 * server (one process on SQLite), in the same run, first with one worker, then with a second one added. Prints
 * commands per second for each and the ratio cluster / dev server. BENCH_EXERCISES (320) and BENCH_CONCURRENCY (50)
 * change the defaults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { compile } from '../scripts/build';
import { type ManagedProcess, startClusterSystem, startSystem, stopChildrenOnSignals } from '../tools/stack';
import { failureLines } from './failures';
import { type LoadScenarioResult, runLoadScenario } from './load-scenario';
import { recordResults } from './results';

const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 320);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

interface Engine {
  readonly temporalAddress: string;
  startWorker(): Promise<ManagedProcess>;
  stop(): Promise<void>;
}

/** One round with one worker, then a second worker and a second round on new exercises of the same system. */
async function measure(engine: Engine): Promise<[LoadScenarioResult, LoadScenarioResult]> {
  const connection = await Connection.connect({ address: engine.temporalAddress });
  try {
    const client = new Client({ connection });
    const one = await runLoadScenario(client, { exercises: EXERCISES, concurrency: CONCURRENCY });
    await engine.startWorker();
    const two = await runLoadScenario(client, {
      exercises: EXERCISES,
      concurrency: CONCURRENCY,
      firstNumber: 1 + Math.ceil(EXERCISES / 32),
      withStls: false,
    });
    return [one, two];
  } finally {
    await connection.close();
  }
}

async function devServer(dataDir: string): Promise<Engine> {
  const system = await startSystem({ dataDir, logToFiles: true, seed: false });
  return { temporalAddress: system.temporalAddress, startWorker: () => system.startWorker(), stop: () => system.stop() };
}

async function cluster(dataDir: string): Promise<Engine> {
  const system = await startClusterSystem({ dataDir, instances: 1, seed: false });
  return { temporalAddress: system.temporal.address, startWorker: () => system.instances[0].startWorker(), stop: () => system.stop() };
}

const rate = (result: LoadScenarioResult) => result.commands / result.commandSeconds;

async function main(): Promise<void> {
  stopChildrenOnSignals('bench');
  if (process.env.COCREACION_BUILT !== '1') compile();
  const figures: Record<string, [LoadScenarioResult, LoadScenarioResult]> = {};
  for (const [name, start] of [['dev', devServer], ['cluster', cluster]] as const) {
    const dataDir = mkdtempSync(join(tmpdir(), `cocreacion-bench-cluster-${name}-`));
    const engine = await start(dataDir);
    try {
      figures[name] = await measure(engine);
    } finally {
      await engine.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const { dev, cluster: real } = figures;
  const failures = [...dev, ...real].flatMap((result) => result.failures);
  const line = (label: string, result: LoadScenarioResult) =>
    `  ${label} ${rate(result).toFixed(1)} comandos/s (${result.commands} en ${result.commandSeconds.toFixed(1)} s); inicios: ${(result.starts / result.startSeconds).toFixed(1)}/s`;
  const lines = [
    `bench:cluster — ${EXERCISES} ejercicios por ronda, ${CONCURRENCY} en paralelo; Temporal Server 1.30.9 (2 nodos, PostgreSQL) frente al servidor de desarrollo (SQLite)`,
    line('servidor de desarrollo, 1 worker: ', dev[0]),
    line('servidor de desarrollo, 2 workers:', dev[1]),
    line('clúster real, 1 worker:           ', real[0]),
    line('clúster real, 2 workers:          ', real[1]),
    `  razón clúster / desarrollo:        ${(rate(real[0]) / rate(dev[0])).toFixed(2)} con 1 worker, ${(rate(real[1]) / rate(dev[1])).toFixed(2)} con 2`,
    `  razón 2 workers / 1 worker:        ${(rate(dev[1]) / rate(dev[0])).toFixed(2)} en desarrollo, ${(rate(real[1]) / rate(real[0])).toFixed(2)} en el clúster`,
    `  fallas: ${failures.length}`,
    ...failureLines(failures),
  ];
  console.log(lines.join('\n'));
  recordResults('bench:cluster', lines, [
    { metric: 'comandos/s clúster / servidor de desarrollo (1 worker)', goal: '(se informa)', value: (rate(real[0]) / rate(dev[0])).toFixed(2), met: true },
    { metric: 'comandos/s clúster / servidor de desarrollo (2 workers)', goal: '(se informa)', value: (rate(real[1]) / rate(dev[1])).toFixed(2), met: true },
    { metric: 'fallas de inicios y comandos en el clúster', goal: '0', value: String(failures.length), met: failures.length === 0 },
  ]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
