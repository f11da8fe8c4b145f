import { TASK_QUEUE } from '@app/contracts';
import { DEVELOPMENT_MAIL_LINK_SECRET, NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { EventStoreActivitiesService } from '../../apps/worker/src/activities/event-store.activities';
import { ScenarioDriver } from '../scenarios/scenario-driver';
import { insertStaff, type StaffAccount } from '../support/notification-fixtures';
import { startPostgresForFile } from '../support/postgres-for-file';
import { timeSkippingEnvironment } from '../support/time-skipping';
import { type CheckReport, checkInvariants, describeViolation } from './invariant-checker';
import { type Scenario } from './scenario';
import { generateScenario, type ScenarioOptions } from './scenario-generator';
import { type RunCounts, runScenario } from './scenario-runner';
import { type Violation } from './violation';

export interface SimulationResult {
  readonly scenario: Scenario;
  readonly counts: RunCounts;
  readonly report: CheckReport;
  readonly wallSeconds: number;
  /** Of which the final check (and the yearly ones). */
  readonly checkSeconds: number;
}

/** One enlace for every simulated state besides the coordinación: each escalation has someone to reach. */
const staffFor = (states: readonly string[]): StaffAccount[] => [
  { username: 'enlace-nacional', role: 'enlace', entidades: states, nombre: 'Enlace del INAI', email: 'enlace@inai.ejemplo.mx' },
  { username: 'coordinadora', role: 'coordinador', entidades: [], nombre: 'Coordinación de Gobierno Abierto', email: 'coordinacion@inai.ejemplo.mx' },
];

export interface SimulationOptions extends ScenarioOptions {
  /**
   * Time-skipping servers side by side, each with its own clock and worker, the states dealt among them (one store):
   * a run is bound by the latency of each Update and skip, not by the cores, and states never wait for each other.
   */
  readonly shards?: number;
  /** Runs the checker at the end of every simulated year too, not only at the end (one shard only: one clock). */
  readonly checkEveryYear?: boolean;
  readonly progress?: (line: string) => void;
}

interface Shard {
  readonly env: TestWorkflowEnvironment;
  readonly worker: Worker;
  readonly scenario: Scenario;
}

/**
 * Harness 1 of issue 15: the scenario of `options.seed` on the real time-skipping server, the real append activity on
 * a real PostgreSQL of its own, then the checker. E-mail delivery is left out: the outbox rows are what is checked.
 */
export async function simulate(options: SimulationOptions, workflowBundle: WorkerOptions['workflowBundle']): Promise<SimulationResult> {
  const started = performance.now();
  const scenario = generateScenario(options);
  const shardCount = Math.max(1, Math.min(options.shards ?? 1, scenario.states.length));
  if (options.checkEveryYear && shardCount > 1) throw new Error('--check-every-year needs one shard: the shards keep their own clocks');
  const shardOf = (entidad: string) => scenario.states.indexOf(entidad as never) % shardCount;
  const [postgres, ...envs] = await Promise.all([startPostgresForFile(), ...Array.from({ length: shardCount }, () => timeSkippingEnvironment())]);
  try {
    const { dataSource } = postgres.database;
    await insertStaff(dataSource, staffFor(scenario.states));
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000', mailLinkSecret: DEVELOPMENT_MAIL_LINK_SECRET });
    const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
    const activities = { appendEvents: append.appendEvents.bind(append), deliverNotifications: () => Promise.resolve() };
    const shards: Shard[] = await Promise.all(
      envs.map(async (env, index) => ({
        env,
        worker: await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, workflowBundle, activities, maxCachedWorkflows: 1_000 }),
        scenario: { ...scenario, steps: scenario.steps.filter((step) => shardOf(step.entidad) === index) },
      })),
    );
    const clientOf = (streamId: string) => shards[shardOf(streamId.split('/')[1])].env.client;
    const yearly: Violation[] = [];
    let checkMs = 0;
    const eachYear = async (year: number, counts: RunCounts) => {
      if (options.checkEveryYear && yearly.length === 0) {
        const checking = performance.now();
        yearly.push(...(await checkInvariants(dataSource, clientOf, await shards[0].env.currentTimeMs())).violations);
        checkMs += performance.now() - checking;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      options.progress?.(`  ${year}: ${counts.commands} comandos, ${seconds} s${yearly.length > 0 ? `, ${yearly.length} violaciones` : ''}`);
    };
    // The checker queries the workflows: their workers must still be running.
    const { counts, report } = await runningWorkers(shards, async () => {
      const played = await Promise.all(shards.map((shard, index) => runScenario(new ScenarioDriver(shard.env), shard.scenario, index === 0 ? eachYear : undefined)));
      const endedAt = Math.min(...(await Promise.all(shards.map((shard) => shard.env.currentTimeMs()))));
      const checking = performance.now();
      const final = await checkInvariants(dataSource, clientOf, endedAt);
      checkMs += performance.now() - checking;
      return { counts: mergeCounts(played), report: { ...final, violations: [...yearly, ...final.violations] } };
    });
    return { scenario, counts, report, wallSeconds: (performance.now() - started) / 1000, checkSeconds: checkMs / 1000 };
  } finally {
    await Promise.all(envs.map((env) => env.teardown()));
    await postgres.stop();
  }
}

async function runningWorkers<T>(shards: readonly Shard[], work: () => Promise<T>): Promise<T> {
  const runs = shards.map((shard) => shard.worker.run());
  let done = false;
  const stopped = new Promise<never>((_, reject) => {
    for (const run of runs) run.then(() => done || reject(new Error('a worker stopped during the run')), reject);
  });
  // Reported through the race below; once it is over, a stop is the shutdown that follows.
  stopped.catch(() => undefined);
  try {
    return await Promise.race([work(), stopped]);
  } finally {
    done = true;
    for (const shard of shards) if (shard.worker.getState() === 'RUNNING') shard.worker.shutdown();
    await Promise.allSettled(runs);
  }
}

function mergeCounts(shards: readonly RunCounts[]): RunCounts {
  const merged: RunCounts = { commands: 0, refusals: {}, refusalExamples: {}, unreachable: 0, failures: [], skipMs: 0, commandMs: 0 };
  for (const counts of shards) {
    merged.commands += counts.commands;
    merged.skipMs = Math.max(merged.skipMs, counts.skipMs);
    merged.commandMs = Math.max(merged.commandMs, counts.commandMs);
    merged.unreachable += counts.unreachable;
    merged.failures.push(...counts.failures);
    for (const [key, n] of Object.entries(counts.refusals)) merged.refusals[key] = (merged.refusals[key] ?? 0) + n;
    merged.refusalExamples = { ...counts.refusalExamples, ...merged.refusalExamples };
  }
  return merged;
}

const MORE_VIOLATIONS_LISTED = 20;

/** The summary the run prints; its first violation with the events around it, and the next ones in a line each. */
export function summarize({ scenario, counts, report, wallSeconds, checkSeconds }: SimulationResult): string[] {
  const refusals = Object.entries(counts.refusals).sort(([, a], [, b]) => b - a);
  const refused = refusals.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    `simulación: semilla ${scenario.seed}, ${scenario.states.length} estados, ${scenario.origin} a ${scenario.until}`,
    `  comandos: ${counts.commands} (rechazados por las reglas: ${refused}; a flujos cerrados: ${counts.unreachable}; fallidos: ${counts.failures.length})`,
    `  rechazos: ${refusals.map(([code, n]) => `${code} ${n}`).join(', ') || 'ninguno'}`,
    `  eventos: ${report.events} en ${report.streams} flujos; plazos disparados: ${report.firings}; filas en la bandeja de salida: ${report.outboxRows}`,
    `  corridas: ${report.runs} (continue-as-new: ${report.continuedAsNew}; la más larga: ${report.longestRun} eventos de historial)`,
    `  tiempo real: ${wallSeconds.toFixed(1)} s (saltos del reloj ${(counts.skipMs / 1000).toFixed(1)} s, comandos ${(counts.commandMs / 1000).toFixed(1)} s` +
      ` en el servidor más lento; verificador ${checkSeconds.toFixed(1)} s)`,
    ...counts.failures.slice(0, 3).map(({ step, error }) => `  comando fallido: ${step.on} ${step.entidad} ${step.command.type}: ${error}`),
    `  violaciones: ${report.violations.length}`,
  ];
  if (report.violations.length > 0) lines.push(describeViolation(report.violations[0], report.log));
  // One line for each of the next ones: a decade run is too long to run again only to learn what else it found.
  lines.push(
    ...report.violations
      .slice(1, 1 + MORE_VIOLATIONS_LISTED)
      .map(({ invariant, streamId, seq, message }) => `  también (${invariant}) en ${streamId}${seq ? ` #${seq}` : ''}: ${message}`),
  );
  if (process.env.SIMULATION_VERBOSE) {
    lines.push(...Object.values(counts.refusalExamples), ...report.violations.map((violation) => describeViolation(violation, report.log)));
  }
  lines.push(`semilla ${scenario.seed}`);
  return lines;
}
