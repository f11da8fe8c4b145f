/**
 * `npm run bench:timers`: 2,500 exercises started under a deployment policy whose stall reminder falls due on the
 * day of the start at one chosen minute (stallReminderDays 0, dueHour:dueMinute): 2,500 deadlines due in the same
 * minute.
 * Prints the time from that minute until every reminder is in the outbox (goal < 5 min) and the worker's peak RSS
 * with maxCachedWorkflows set explicitly (goal < 75 % of the heap it is given), against a baseline of 2,500 bare
 * workflows waiting for the same instant, in the same run.
 * BENCH_EXERCISES (2500), BENCH_CONCURRENCY (50), BENCH_SETUP_MINUTES (time allowed to create them, 5),
 * BENCH_WORKER_HEAP_MB (1024) and BENCH_MAX_CACHED (400, the worker's default) change the defaults.
 */
import { readFileSync } from 'node:fs';
import { exerciseUpdates, exerciseWorkflowId, TASK_QUEUE } from '@app/contracts';
import { DEFAULT_DEADLINE_POLICY, ENTIDAD_CODES, localDateAt } from '@app/domain';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { benchSystem, inParallel, timed } from './bench-support';
import { failureLines } from './failures';
import { recordResults } from './results';

const EXERCISES = Number(process.env.BENCH_EXERCISES ?? 2_500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SETUP_MINUTES = Number(process.env.BENCH_SETUP_MINUTES ?? 5);
const WORKER_HEAP_MB = Number(process.env.BENCH_WORKER_HEAP_MB ?? 1024);
const MAX_CACHED = Number(process.env.BENCH_MAX_CACHED ?? 400);
const GOAL_SECONDS = 300;
const GOAL_HEAP_SHARE = 0.75;

/** The minute all deadlines fall due, and the policy that makes a stall reminder fall due then. */
function dueMinute(now: number) {
  const dueAt = Math.ceil((now + SETUP_MINUTES * 60_000) / 60_000) * 60_000;
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Mexico_City', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(dueAt)
    .split(':')
    .map(Number);
  return { dueAt, dueOn: localDateAt(dueAt), policy: { ...DEFAULT_DEADLINE_POLICY, stallReminderDays: 0, dueHour: hour, dueMinute: minute } };
}

function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((row) => row.startsWith('VmHWM:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function main(): Promise<void> {
  const bench = await benchSystem('timers', {
    env: { NODE_OPTIONS: `--max-old-space-size=${WORKER_HEAP_MB}`, WORKER_MAX_CACHED_WORKFLOWS: String(MAX_CACHED) },
  });
  const { client, system } = bench;
  const database = new PgClient({ connectionString: system.databaseUrl });
  await database.connect();
  try {
    const { dueAt, dueOn, policy } = dueMinute(Date.now());
    const baselineIds = [...Array(EXERCISES).keys()].map((i) => `bench-timer/${dueAt}/${i}`);
    const baselineFailures = await inParallel(baselineIds, CONCURRENCY, async (workflowId) => {
      await client.workflow.start('timerWorkflow', { workflowId, taskQueue: bench.baselineQueue, args: [dueAt] });
    });

    const exercises = [...Array(EXERCISES).keys()].map((i) => ({
      entidad: ENTIDAD_CODES[i % ENTIDAD_CODES.length],
      number: Math.floor(i / ENTIDAD_CODES.length) + 1,
    }));
    const setup = await timed(() =>
      inParallel(exercises, CONCURRENCY, async ({ entidad, number }) => {
        await client.workflow.executeUpdateWithStart(exerciseUpdates.StartExercise, {
          args: [{ data: { entidad, number, startedOn: dueOn } }],
          startWorkflowOperation: new WithStartWorkflowOperation('exerciseWorkflow', {
            workflowId: exerciseWorkflowId(entidad, number),
            taskQueue: TASK_QUEUE,
            args: [{ entidad, number, policy }],
            workflowIdConflictPolicy: 'FAIL',
          }),
        });
      }),
    );
    if (Date.now() >= dueAt) throw new Error(`Setup took ${setup.seconds.toFixed(0)} s, past the due minute: raise BENCH_SETUP_MINUTES`);

    const reminders = async () => {
      const { rows } = await database.query<{ n: number }>(
        `SELECT count(DISTINCT stream_id)::int AS n FROM notifications WHERE kind = 'stage_stalled'`,
      );
      return rows[0].n;
    };
    const baselineDone = async () => {
      return (await client.workflow.count(`WorkflowType = 'timerWorkflow' AND ExecutionStatus = 'Completed'`)).count;
    };
    let baselineSeconds = NaN;
    let reminderSeconds = NaN;
    while (Date.now() < dueAt + 30 * 60_000 && (Number.isNaN(baselineSeconds) || Number.isNaN(reminderSeconds))) {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      if (Date.now() < dueAt) continue;
      if (Number.isNaN(reminderSeconds) && (await reminders()) >= EXERCISES) reminderSeconds = (Date.now() - dueAt) / 1000;
      if (Number.isNaN(baselineSeconds) && (await baselineDone()) >= EXERCISES) baselineSeconds = (Date.now() - dueAt) / 1000;
    }
    const failures = [...baselineFailures, ...setup.result];
    const rss = peakRssMb(system.worker.child.pid!);
    const share = rss / WORKER_HEAP_MB;
    const lines = [
      `bench:timers — ${EXERCISES} plazos que vencen en el mismo minuto (recordatorio de estancamiento), servidor de desarrollo`,
      `  preparación (${EXERCISES} ejercicios iniciados, ${CONCURRENCY} en paralelo): ${setup.seconds.toFixed(0)} s`,
      `  hasta tener todos los recordatorios en la bandeja de salida: ${reminderSeconds.toFixed(0)} s tras el minuto (meta < ${GOAL_SECONDS} s: ${reminderSeconds < GOAL_SECONDS ? 'cumplida' : 'NO cumplida'})`,
      `  línea base (${EXERCISES} flujos que solo esperan ese instante): ${baselineSeconds.toFixed(0)} s; razón: ${(reminderSeconds / baselineSeconds).toFixed(1)}`,
      `  RSS máximo del worker: ${rss.toFixed(0)} MiB con maxCachedWorkflows=${MAX_CACHED} y ${WORKER_HEAP_MB} MiB de heap (${(share * 100).toFixed(0)} %; meta < ${GOAL_HEAP_SHARE * 100} %: ${share < GOAL_HEAP_SHARE ? 'cumplida' : 'NO cumplida'})`,
      '  (resolución de la medición: 5 s)',
      ...failureLines(failures),
    ];
    console.log(lines.join('\n'));
    recordResults('bench:timers', lines, [
      { metric: `${EXERCISES} recordatorios en la bandeja de salida`, goal: `< ${GOAL_SECONDS} s`, value: `${reminderSeconds.toFixed(0)} s`, met: reminderSeconds < GOAL_SECONDS && failures.length === 0 },
      { metric: 'RSS máximo del worker / heap dado', goal: `< ${GOAL_HEAP_SHARE * 100} %`, value: `${(share * 100).toFixed(0)} %`, met: share < GOAL_HEAP_SHARE && failures.length === 0 },
      { metric: 'fallas al iniciar los flujos', goal: '0', value: String(failures.length), met: failures.length === 0 },
    ]);
  } finally {
    await database.end();
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
