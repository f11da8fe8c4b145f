import { TASK_QUEUE } from '@app/contracts';
import { NotificationOutbox } from '@app/notifications';
import { EventStore, ProjectionWriter } from '@app/persistence';
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
}

/** One enlace for every simulated state besides the coordinación: each escalation has someone to reach. */
const staffFor = (states: readonly string[]): StaffAccount[] => [
  { username: 'enlace-nacional', role: 'enlace', entidades: states, nombre: 'Enlace del INAI', email: 'enlace@inai.ejemplo.mx' },
  { username: 'coordinadora', role: 'coordinador', entidades: [], nombre: 'Coordinación de Gobierno Abierto', email: 'coordinacion@inai.ejemplo.mx' },
];

/**
 * Harness 1 of issue 15: the scenario of `options.seed` on the real time-skipping server, the real append activity on
 * a real PostgreSQL of its own, then the checker. E-mail delivery is left out: the outbox rows are what is checked.
 */
export interface SimulationOptions extends ScenarioOptions {
  /** Runs the checker at the end of every simulated year too, not only at the end (slower: a rebuild each time). */
  readonly checkEveryYear?: boolean;
  readonly progress?: (line: string) => void;
}

export async function simulate(options: SimulationOptions, workflowBundle: WorkerOptions['workflowBundle']): Promise<SimulationResult> {
  const started = performance.now();
  const scenario = generateScenario(options);
  const [postgres, env] = await Promise.all([startPostgresForFile(), timeSkippingEnvironment()]);
  try {
    const { dataSource } = postgres.database;
    await insertStaff(dataSource, staffFor(scenario.states));
    const outbox = new NotificationOutbox({ publicBaseUrl: 'http://127.0.0.1:3000' });
    const append = new EventStoreActivitiesService(new EventStore(dataSource), new ProjectionWriter(), outbox, dataSource);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle,
      activities: { appendEvents: append.appendEvents.bind(append), deliverNotifications: () => Promise.resolve() },
      maxCachedWorkflows: 1_000,
    });
    const driver = new ScenarioDriver(env);
    // The checker queries the workflows: their worker must still be running.
    const yearly: Violation[] = [];
    const eachYear = async (year: number, counts: RunCounts) => {
      if (options.checkEveryYear && yearly.length === 0) {
        yearly.push(...(await checkInvariants(dataSource, env.client, await env.currentTimeMs())).violations);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      options.progress?.(`  ${year}: ${counts.commands} comandos, ${seconds} s${yearly.length > 0 ? `, ${yearly.length} violaciones` : ''}`);
    };
    const { counts, report } = await worker.runUntil(async () => {
      const played = await runScenario(driver, scenario, eachYear);
      const final = await checkInvariants(dataSource, env.client, await env.currentTimeMs());
      return { counts: played, report: { ...final, violations: [...yearly, ...final.violations] } };
    });
    return { scenario, counts, report, wallSeconds: (performance.now() - started) / 1000 };
  } finally {
    await env.teardown();
    await postgres.stop();
  }
}

/** The summary the run prints; its first violation with the events around it. */
export function summarize({ scenario, counts, report, wallSeconds }: SimulationResult): string[] {
  const refusals = Object.entries(counts.refusals).sort(([, a], [, b]) => b - a);
  const refused = refusals.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    `simulación: semilla ${scenario.seed}, ${scenario.states.length} estados, ${scenario.origin} a ${scenario.until}`,
    `  comandos: ${counts.commands} (rechazados por las reglas: ${refused}; a flujos cerrados: ${counts.unreachable}; fallidos: ${counts.failures.length})`,
    `  rechazos: ${refusals.map(([code, n]) => `${code} ${n}`).join(', ') || 'ninguno'}`,
    `  eventos: ${report.events} en ${report.streams} flujos; plazos disparados: ${report.firings}; filas en la bandeja de salida: ${report.outboxRows}`,
    `  corridas: ${report.runs} (continue-as-new: ${report.continuedAsNew}; la más larga: ${report.longestRun} eventos de historial)`,
    `  tiempo real: ${wallSeconds.toFixed(1)} s`,
    ...counts.failures.slice(0, 3).map(({ step, error }) => `  comando fallido: ${step.on} ${step.entidad} ${step.command.type}: ${error}`),
    `  violaciones: ${report.violations.length}`,
  ];
  if (report.violations.length > 0) lines.push(describeViolation(report.violations[0], report.log));
  if (process.env.SIMULATION_VERBOSE) {
    lines.push(...Object.values(counts.refusalExamples), ...report.violations.map((violation) => describeViolation(violation, report.log)));
  }
  lines.push(`semilla ${scenario.seed}`);
  return lines;
}
