/**
 * `npm run bench:api`: GET /api/exercises at 200 requests per second for 20 s, on a throwaway system (no demo seed)
 * whose exercises projection holds 2,500 exercises, against the same rows read by one raw `pg` query behind a bare
 * Node HTTP server, in the same run. Prints p50/p95/p99 and requests per second for both, their ratio, and appends
 * them with a description of the machine for bench/RESULTS.md (`npm run bench`). Goal: p95 under 100 ms at 200 rps.
 *
 * Builds dist/ first unless COCREACION_BUILT=1. BENCH_EXERCISES, BENCH_RATE, BENCH_SECONDS and BENCH_LIMIT
 * change the defaults (2500, 200, 20, the API's default page).
 */
import 'reflect-metadata';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  DEFAULT_DEADLINE_POLICY,
  addDays,
  type CommitmentInput,
  ENTIDAD_CODES,
  type ExerciseCommand,
  exerciseDecider,
  type ExerciseState,
  instantAt,
  isDomainError,
  type LocalDate,
} from '@app/domain';
import { createDataSource, exerciseRow, ExerciseView } from '@app/persistence';
import autocannon from 'autocannon';
import { compile } from '../scripts/build';
import { PROJECT_ROOT, startSystem, stopChildrenOnSignals } from '../tools/stack';
import { failureLines } from './failures';
import { recordResults } from './results';

const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 2_500);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** The API's default page (DEFAULT_LIST_LIMIT in apps/api/src/exercises/exercises.dto.ts). */
const LIMIT = Number(process.env.BENCH_LIMIT ?? 50);
const CONNECTIONS = 20;
const GOAL_P95_MS = 100;

// ---------------------------------------------------------------------------------------------------------------
// 2,500 exercises at five levels of progress, folded by the real decider so their summaries look like the real ones.

const commitment = (id: string, kind: CommitmentInput['kind']): CommitmentInput => ({
  id,
  title: `Compromiso ${id}`,
  kind,
  activities: ['Mesas de trabajo con las dependencias responsables'],
  products: ['Informe público de avance'],
  indicators: ['Porcentaje de actividades concluidas'],
  responsibles: ['gobierno-1', 'sociedadcivil-1'],
});
const PAL = [
  commitment('C1', 'agenda_nacional'),
  commitment('C2', 'agenda_nacional'),
  commitment('C3', 'problema_local'),
  commitment('C4', 'problema_local'),
  commitment('C5', 'follow_the_money'),
];

function commandsFor(entidad: string, number: number, level: number, startedOn: LocalDate): ExerciseCommand[] {
  const on = (days: number) => addDays(startedOn, days);
  const at = <T extends ExerciseCommand['type']>(days: number, type: T, data: Extract<ExerciseCommand, { type: T }>['data']) =>
    ({ type, data, metadata: { now: instantAt(on(days), 12), actor: 'bench' } }) as ExerciseCommand;
  const evidence = [`https://micrositio.ejemplo.org.mx/${entidad}/evidencia.pdf`];
  const commands: ExerciseCommand[] = [at(0, 'StartExercise', { entidad, number, startedOn }), at(2, 'CompleteStep', { step: 1, completedOn: on(2), evidence })];
  const stages = [0, 4, 10, 10, 10][level];
  for (let stage = 1; stage <= stages; stage += 1) commands.push(at(2 + stage, 'CompleteStage', { stage, completedOn: on(2 + stage), evidence }));
  if (level >= 2) {
    commands.push(at(14, 'RecordGovernanceMechanism', { adoptedOn: on(14), documentUrl: evidence[0] }));
    commands.push(at(15, 'RecordAnnualAgenda', { adoptedOn: on(15), documentUrl: evidence[0] }));
  }
  if (level >= 3) {
    commands.push(at(16, 'RecordStlStatus', { installedOn: on(12), facilitador: { nombre: 'Facilitación' } }));
    commands.push(at(20, 'DefineCommitments', { commitments: PAL }));
    commands.push(at(20, 'CompleteStep', { step: 4, completedOn: on(20) }));
  }
  if (level >= 4) {
    commands.push(at(21, 'LaunchPal', { launchedOn: on(21), evidence }));
    commands.push(at(40, 'UpdateCommitmentProgress', { commitmentId: 'C1', completion: 'substantial', reportedOn: on(40) }));
  }
  return commands;
}

function exerciseState(index: number): ExerciseState {
  const entidad = ENTIDAD_CODES[index % ENTIDAD_CODES.length];
  const number = Math.floor(index / ENTIDAD_CODES.length) + 1;
  const startedOn = addDays('2024-01-08', (index * 7) % 600);
  return commandsFor(entidad, number, index % 5, startedOn).reduce((state, command) => {
    const decision = exerciseDecider.decide(command, state);
    if (isDomainError(decision)) throw new Error(`${entidad}/${number} ${command.type}: ${decision.code}`);
    return decision.reduce((folded, event) => exerciseDecider.evolve(folded, event), state);
  }, exerciseDecider.initialState());
}

async function seedExercises(databaseUrl: string): Promise<void> {
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 2 }).initialize();
  try {
    const now = new Date();
    const rows = Array.from({ length: EXERCISES }, (_, index) => exerciseRow(exerciseState(index), DEFAULT_DEADLINE_POLICY, now)!);
    for (let i = 0; i < rows.length; i += 250) await dataSource.getRepository(ExerciseView).insert(rows.slice(i, i + 250));
    await dataSource.query('ANALYZE exercises');
  } finally {
    await dataSource.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Load: a constant rate (autocannon's overallRate), every response's latency kept to read p50/p95/p99 exactly.

interface Figures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly rps: number;
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly bytesPerResponse: number;
  /** Every failed request: its HTTP status, or the error of a request that got no answer. */
  readonly failures: readonly unknown[];
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function load(url: string, headers: Record<string, string>, seconds = SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let bytes = 0;
  const failures: unknown[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url, headers, connections: CONNECTIONS, overallRate: RATE, duration: seconds };
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('reqError', (error) => failures.push(error));
    instance.on('response', (_client, status, resBytes, responseTime) => {
      if (status < 200 || status > 299) failures.push(new Error(`HTTP ${status} de GET ${url}`));
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    rps: latencies.length / result.duration,
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: latencies.length > 0 ? bytes / latencies.length : 0,
    failures,
  };
}

/** One request at a time: the service time of each target without any queueing, to tell work from waiting. */
async function serviceTime(url: string, headers: Record<string, string>, requests = 100): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

async function startRawServer(databaseUrl: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), [join(__dirname, 'raw-exercises-server.ts')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LIST_LIMIT: String(LIMIT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`raw server exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/`, process: child };
}

async function login(apiUrl: string): Promise<string> {
  const response = await fetch(`${apiUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coordinador', password: process.env.DEMO_PASSWORD || 'cocreacion' }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

// ---------------------------------------------------------------------------------------------------------------

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(1);
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `\`nproc\` ${nproc} (${cpu}), ${gib(totalmem())} GiB memory (${gib(freemem())} GiB free), Node ${process.version}; load average at start ${load}`;
}

const ms = (value: number) => value.toFixed(1);
const row = (name: string, { figures: f, alone }: Run) =>
  `| ${name} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.rps.toFixed(1)} | ${f.requests} | ${f.non2xx + f.errors} | ${Math.round(f.bytesPerResponse / 1024)} | ${ms(alone)} |`;

interface Run {
  readonly figures: Figures;
  /** Median of sequential requests (no concurrency). */
  readonly alone: number;
}

function report(api: Run, raw: Run, machineLine: string): string {
  const ratio = api.figures.p95 / raw.figures.p95;
  const failed = api.figures.non2xx + api.figures.errors;
  const verdict = api.figures.p95 < GOAL_P95_MS && failed === 0 ? 'met' : 'missed';
  return [
    `### GET /api/exercises, ${new Date().toISOString()}`,
    '',
    `Machine: ${machineLine}.`,
    `Setup: ${EXERCISES} exercises in the projection, page of ${LIMIT} (the default), as coordinador; ${RATE} requests/s for ${SECONDS} s over ${CONNECTIONS} connections (autocannon, constant rate).`,
    '',
    '| target | p50 ms | p95 ms | p99 ms | max ms | req/s | requests | failed | KiB/response | alone, p50 ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row('API (Nest, TypeORM, JWT + account lookup)', api),
    row('raw pg query + JSON.stringify (bare Node HTTP)', raw),
    '',
    `p95 API / raw: ${ratio.toFixed(2)}×. Goal p95 < ${GOAL_P95_MS} ms at ${RATE} rps, no request failed: **${verdict}**. ` +
      '"alone": one request at a time, the work of one request without queueing.',
    '',
    'API:',
    ...failureLines(api.figures.failures),
    'raw pg:',
    ...failureLines(raw.figures.failures),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  stopChildrenOnSignals('bench');
  if (process.env.COCREACION_BUILT !== '1') compile();
  const machineLine = machine();
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-bench-'));
  const system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, env: { NODE_ENV: 'test' } });
  let raw: ChildProcess | undefined;
  try {
    const seeding = Date.now();
    await seedExercises(system.databaseUrl);
    console.log(`${EXERCISES} ejercicios en la proyección en ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
    const headers = { authorization: `Bearer ${await login(system.apiUrl)}` };
    const apiUrl = `${system.apiUrl}/api/exercises${process.env.BENCH_LIMIT ? `?limit=${LIMIT}` : ''}`;
    const rawServer = await startRawServer(system.databaseUrl);
    raw = rawServer.process;

    // A short warm-up of each (JIT, connection pools), then the measured runs, one after the other.
    await load(apiUrl, headers, 3);
    await load(rawServer.url, {}, 3);
    const api = { alone: await serviceTime(apiUrl, headers), figures: await load(apiUrl, headers) };
    const baseline = { alone: await serviceTime(rawServer.url, {}), figures: await load(rawServer.url, {}) };

    const text = report(api, baseline, machineLine);
    console.log(`\n${text}`);
    const failed = api.figures.non2xx + api.figures.errors;
    recordResults('bench:api', text.split('\n'), [
      {
        metric: `p95 de GET /api/exercises a ${RATE} solicitudes/s`,
        goal: `< ${GOAL_P95_MS} ms`,
        value: `${api.figures.p95.toFixed(1)} ms (pg directo: ${baseline.figures.p95.toFixed(1)} ms; razón ${(api.figures.p95 / baseline.figures.p95).toFixed(2)})`,
        met: api.figures.p95 < GOAL_P95_MS && failed === 0,
      },
    ], machineLine);
  } finally {
    raw?.kill('SIGTERM');
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
