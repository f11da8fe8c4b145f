import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DeadlinePolicy, deadlinePolicyFrom, localDateAt, addDays } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { createDataSource } from '@app/persistence';
import { type DataSource } from 'typeorm';
import { type ManagedProcess, type RunningSystem, startSystem } from '../../tools/stack';
import { type CheckReport, checkInvariants, describeViolation } from '../simulation/invariant-checker';
import { generateScenario } from '../simulation/scenario-generator';
import { SeededRandom } from '../simulation/seeded-random';
import { type Violation } from '../simulation/violation';
import { ChaosDriver } from './chaos-driver';
import { checkCommandLedger, type LedgerReport } from './command-ledger';
import { type Fault, type FaultKind, FIRING_SLACK_MS, faultSchedule, latestFiring, type Outage, outageStretches } from './fault-schedule';
import { throughTheApi } from './http-commands';
import { checkMailbox, type MailboxReport } from './mailbox-check';

/** A moment of the run, in whole seconds after the driver started. */
const seconds = (ms: number) => (ms / 1000).toFixed(0);

/** How long a kill meant for the middle of an append waits for a command to arrive. */
const ATTEMPT_WAIT_MS = 10_000;

export interface ChaosOptions {
  readonly seed: number;
  /** How long commands are sent and faults happen; the quiet period and the checker come after. */
  readonly durationSeconds: number;
  readonly states?: number;
  /** Simulated years of the scenario, ending today: the driver sends what it can of them within the duration. */
  readonly years?: number;
  /** These faults instead of the seed's (`parseFaults`), to replay a schedule a run's log shows. */
  readonly faults?: readonly Fault[];
  readonly progress?: (line: string) => void;
}

export interface ChaosResult {
  readonly seed: number;
  readonly commands: number;
  readonly faults: readonly Fault[];
  readonly ledger: LedgerReport;
  readonly mailbox?: MailboxReport;
  readonly report: CheckReport;
  readonly violations: readonly Violation[];
  readonly drivingSeconds: number;
  readonly wallSeconds: number;
  /** Transactions PostgreSQL saw cut by a killed client (worker or API): kills that landed in the middle of a write. */
  readonly cutTransactions: number;
  /** The API's and workers' exits the faults did not cause (the faults kill with SIGKILL), e.g. a failed start. */
  readonly exitsOnTheirOwn: readonly string[];
}

/** Each attempt is abandoned after this long; the API itself answers 503 after COMMAND_TIMEOUT_MS. */
const ATTEMPT_TIMEOUT_MS = 8_000;
const COMMAND_TIMEOUT_MS = 5_000;
/** How long a command is retried during the run before the driver moves on to the state's next one. */
const RETRY_FOR_MS = 45_000;
/** The quiet period: nothing appended and no e-mail pending for this long, or at most QUIET_AT_MOST_MS. */
const QUIET_FOR_MS = 8_000;
const QUIET_AT_MOST_MS = 180_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Hour and minute in Mexico City `minutes` from now: date-based deadlines of today fall due in the middle of the run. */
function mexicoCityClock(at: number): { hour: number; minute: number } {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Mexico_City', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(at)
    .split(':')
    .map(Number);
  return { hour, minute };
}

/**
 * Shorter than DOMAIN.md's numbers, and falling due at a minute of the run: the deadlines the scenario leaves pending
 * today fire while the faults happen, and the oracle judges them under this policy, not the default one.
 */
export function chaosPolicy(startedAt: number, durationMs: number): DeadlinePolicy {
  const { hour, minute } = mexicoCityClock(startedAt + durationMs / 2);
  const result = deadlinePolicyFrom({
    stallReminderDays: 20,
    stallEnlaceEscalationDays: 30,
    stallCoordinadorEscalationDays: 40,
    vacancyReminderDays: 10,
    vacancyEscalationDays: 20,
    vacancyRepeatDays: 5,
    cadenceReminderBusinessDays: 5,
    dueReminderDays: 10,
    dueHour: hour,
    dueMinute: minute,
  });
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.policy;
}

/** The faults of the schedule, one after another, on the running system. */
class FaultInjector {
  readonly done: Fault[] = [];
  /** Measured, not planned: a restarted worker takes seconds to poll on a loaded machine. */
  readonly outages: Outage[] = [];
  /** When an e-mail the SMTP server accepted could be left unrecorded as sent, and so go out again. */
  readonly unrecordedMailRisks: Outage[] = [];
  private worker: ManagedProcess;
  private api: ManagedProcess;
  private mailBack: Promise<void> = Promise.resolve();
  private attemptWaiters: (() => void)[] = [];
  private readonly random: SeededRandom;

  constructor(
    private readonly system: RunningSystem,
    seed: number,
    private readonly log: (line: string) => void,
  ) {
    this.worker = system.worker;
    this.api = system.api;
    this.random = SeededRandom.forPart(seed, 'fault-timing');
  }

  /** The driver calls this as each attempt starts. */
  attemptStarted(): void {
    for (const waiter of this.attemptWaiters.splice(0)) waiter();
  }

  async run(schedule: readonly Fault[], startedAt: number): Promise<void> {
    for (const fault of schedule) {
      await sleep(Math.max(0, startedAt + fault.atMs - Date.now()));
      this.log(`  falla a los ${seconds(Date.now() - startedAt)} s: ${fault.kind} (${(fault.downMs / 1000).toFixed(1)} s)`);
      const fromMs = Date.now();
      await this.inject(fault);
      const outage = { fromMs, toMs: Date.now() };
      // Mail and the API do not hold up a firing: the worker fires deadlines, and the outbox sends mail later.
      if (fault.kind !== 'smtp-outage' && fault.kind !== 'api-restart') this.outages.push(outage);
      // The worker's outbox dispatcher sends and records; Temporal and the API play no part in it.
      if (fault.kind === 'worker-sigkill' || fault.kind === 'worker-sigkill-in-append' || fault.kind === 'postgres-restart') this.unrecordedMailRisks.push(outage);
      this.done.push(fault);
    }
    await this.mailBack;
  }

  private async inject({ kind, downMs }: Fault): Promise<void> {
    const { faults } = this.system;
    switch (kind) {
      case 'worker-sigkill':
        return this.killWorker(downMs);
      case 'worker-sigkill-in-append':
        // An attempt has just reached the API: within a few ms its Update runs the append activity on the worker.
        // Bounded: once the scenario is spent no attempt comes, and the kill is then a plain one instead of a hang.
        await Promise.race([new Promise<void>((resolve) => this.attemptWaiters.push(resolve)), sleep(ATTEMPT_WAIT_MS)]);
        await sleep(this.random.int(5, 120));
        return this.killWorker(downMs);
      case 'postgres-restart':
        await faults.stopPostgres();
        await sleep(downMs);
        return faults.startPostgres();
      case 'temporal-restart':
        await faults.stopTemporal();
        await sleep(downMs);
        await faults.startTemporal();
        // The next fault waits for the worker to poll again, as it would for a restarted worker.
        return this.system.workerPolling(this.worker);
      case 'smtp-outage': {
        await this.mailBack;
        const fromMs = Date.now();
        await faults.stopMail();
        this.mailBack = sleep(downMs)
          .then(() => faults.startMail())
          .then(() => void this.unrecordedMailRisks.push({ fromMs, toMs: Date.now() }));
        return;
      }
      case 'api-restart':
        this.api.kill('SIGKILL');
        await this.api.exited;
        await sleep(downMs);
        this.api = await this.system.startApi();
        return;
    }
  }

  private async killWorker(downMs: number): Promise<void> {
    this.worker.kill('SIGKILL');
    await this.worker.exited;
    await sleep(downMs);
    // Awaited until it polls: a fault that comes while it still connects ends it for good (CI, seed 20261203 at 180 s:
    // a Temporal restart refused the new worker's connection, nobody polled after that, 16 (e) divergences).
    this.worker = await this.system.startWorker();
  }

  /** The system serves again: the worker the last fault left polls the task queue (it rejects if that worker exited). */
  serving(): Promise<void> {
    return this.system.workerPolling(this.worker);
  }
}

/** Until nothing is appended and no e-mail is pending for QUIET_FOR_MS (deadlines and deliveries settle). */
async function quietPeriod(dataSource: DataSource): Promise<void> {
  const giveUpAt = Date.now() + QUIET_AT_MOST_MS;
  let last = '';
  let since = Date.now();
  while (Date.now() < giveUpAt) {
    const [row] = await dataSource
      .query<{ last: string; pending: number }[]>(
        `SELECT (SELECT coalesce(max(position), 0)::text FROM domain_events) AS last,
                (SELECT count(*)::int FROM notifications WHERE status = 'pending') AS pending`,
      )
      .catch(() => [{ last: 'unreachable', pending: 1 }]);
    const now = `${row.last}/${row.pending}`;
    if (now !== last || row.pending > 0) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_FOR_MS) return;
    await sleep(1_000);
  }
}

/**
 * Harness 2 of issue 15: the system as `npm start` runs it (dev server, embedded PostgreSQL, MailDev, the compiled
 * API and worker) on free ports, the seed's scenario sent through the HTTP API while the seed's faults happen, then a
 * quiet period, the retries of every command left without an answer, and the checker.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const log = options.progress ?? (() => undefined);
  const started = Date.now();
  const durationMs = options.durationSeconds * 1000;
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-chaos-'));
  const policy = chaosPolicy(started, durationMs);
  const years = options.years ?? 1;
  const today = localDateAt(started);
  const scenario = throughTheApi(
    generateScenario({ seed: options.seed, states: options.states ?? 32, years, origin: addDays(today, -Math.round(years * 365.25)) }),
  );
  const schedule = options.faults ?? faultSchedule(options.seed, durationMs);
  log(`caos: semilla ${options.seed}, ${scenario.states.length} estados, ${scenario.origin} a ${scenario.until}, ${schedule.length} fallas programadas`);
  log(`  datos y bitácoras en ${dir}`);
  const exitsOnTheirOwn: string[] = [];
  const system = await startSystem({
    dataDir: dir,
    logToFiles: true,
    seed: false,
    onUnexpectedExit: (name, code) => {
      if (code === 'SIGKILL') return;
      exitsOnTheirOwn.push(`${name} (${code}) a los ${((Date.now() - started) / 1000).toFixed(0)} s`);
      log(`  ${name} salió por su cuenta (${code})`);
    },
    env: { DEADLINE_POLICY: JSON.stringify(policy), COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS) },
  });
  const dataSource = createDataSource({ url: system.databaseUrl, poolSize: 4, logErrors: false });
  let connection: Connection | undefined;
  let keepDir = false;
  try {
    const injector = new FaultInjector(system, options.seed, log);
    const drivingFrom = Date.now();
    const driver = new ChaosDriver({
      apiUrl: system.apiUrl,
      until: drivingFrom + durationMs,
      attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
      retryForMs: RETRY_FOR_MS,
      onAttempt: () => injector.attemptStarted(),
    });
    // Together: a fault that fails (a worker that exits instead of polling) ends the run at once, with its reason.
    await Promise.all([driver.run(scenario), injector.run(schedule, drivingFrom)]);
    const drivingSeconds = (Date.now() - drivingFrom) / 1000;
    log(`  ${driver.sent.length} comandos en ${drivingSeconds.toFixed(0)} s; período de calma`);
    for (const command of driver.sent.filter((sent) => sent.final === undefined)) await driver.untilFinal(command, 60_000);
    // A retry of each command that did get an answer too: the kept answer must come back, the same.
    await Promise.all(driver.sent.filter((sent) => sent.attempts.length > 1).map((sent) => driver.untilFinal(sent, 60_000)));
    await dataSource.initialize();
    await quietPeriod(dataSource);
    await injector.serving();
    connection = await Connection.connect({ address: system.temporalAddress });
    const client = new Client({ connection });
    const stretches = outageStretches(injector.outages).map(({ fromMs, toMs }) => `${seconds(fromMs - drivingFrom)}–${seconds(toMs - drivingFrom)} s`);
    log(`  un plazo se dispara a más tardar ${FIRING_SLACK_MS / 1000} s después de su instante o del fin del tramo sin disparos en que cayó (${stretches.join(', ') || 'ninguno'})`);
    const report = await checkInvariants(dataSource, () => client, Date.now(), { policy, latestFiring: latestFiring(injector.outages) });
    const ledger = checkCommandLedger(driver.sent, report.log);
    const mailbox = system.mailCatcher ? await checkMailbox(dataSource, system.mailCatcher.webUrl, injector.unrecordedMailRisks) : undefined;
    const violations = [...report.violations, ...ledger.violations, ...(mailbox?.violations ?? [])];
    keepDir = violations.length > 0;
    const postgresLog = readFileSync(join(dir, 'logs/postgres.log'), 'utf8');
    return {
      cutTransactions: postgresLog.split('unexpected EOF on client connection with an open transaction').length - 1,
      exitsOnTheirOwn,
      seed: options.seed,
      commands: driver.sent.length,
      faults: injector.done,
      ledger,
      mailbox,
      report,
      violations,
      drivingSeconds,
      wallSeconds: (Date.now() - started) / 1000,
    };
  } finally {
    await connection?.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await system.stop();
    if (!keepDir) rmSync(dir, { recursive: true, force: true });
  }
}

const byKind = (faults: readonly Fault[]) => {
  const counts = new Map<FaultKind, number>();
  for (const fault of faults) counts.set(fault.kind, (counts.get(fault.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
};

/** The report; its last line is `chaos: <n> commands, <m> faults (<kinds>), <k> divergences`. */
export function summarizeChaos(result: ChaosResult): string[] {
  const { report, ledger, mailbox } = result;
  const lines = [
    `  comandos: ${result.commands} en ${result.drivingSeconds.toFixed(0)} s (${(result.commands / result.drivingSeconds).toFixed(1)}/s); ` +
      `2xx ${ledger.answered2xx}, rechazados ${ledger.refused}, reintentados con la misma clave ${ledger.retried}`,
    `  eventos: ${report.events} en ${report.streams} flujos; plazos disparados: ${report.firings}; filas en la bandeja de salida: ${report.outboxRows}`,
    `  transacciones cortadas por un SIGKILL del worker o de la API (bitácora de PostgreSQL): ${result.cutTransactions}`,
    `  correos recibidos por SMTP: ${mailbox?.received ?? 0} (Message-ID distintos: ${mailbox?.distinct ?? 0}; transmisiones cortadas que MailDev restauró: ${mailbox?.cut ?? 0})`,
    `  procesos que salieron sin que una falla los matara: ${result.exitsOnTheirOwn.join(', ') || 'ninguno'}`,
    `  tiempo real: ${result.wallSeconds.toFixed(0)} s`,
    ...result.violations.slice(0, 5).map((violation) => describeViolation(violation, report.log)),
    ...result.violations.slice(5, 50).map((violation) => `violación (${violation.invariant}) en ${violation.streamId}: ${violation.message}`),
    `semilla ${result.seed}`,
    `chaos: ${result.commands} commands, ${result.faults.length} faults (${byKind(result.faults) || 'none'}), ${result.violations.length} divergences`,
  ];
  return lines;
}
