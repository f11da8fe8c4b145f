import { type DeliveryOutcome, type NotificationDelivery, type ReportUndeliverable, type UndeliverableReports } from '@app/notifications';
import { Client } from 'pg';

export interface OutboxDispatcherOptions {
  /** The database the outbox lives in: a connection of its own LISTENs to `notifications_outbox`. */
  readonly databaseUrl: string;
  /** Safety net: a look at the outbox at least this often, whether or not a NOTIFY arrived. */
  readonly sweepMs: number;
  /** Rows sent at once by this process (each holds a database connection while its server answers). */
  readonly lanes: number;
}

export interface DispatcherLog {
  log(message: string): void;
  warn(message: string): void;
}

export const OUTBOX_CHANNEL = 'notifications_outbox';

const RECONNECT_MS = 2_000;
/** After a failed look at the outbox or a report a workflow could not take. */
const RETRY_MS = 2_000;
const MIN_WAIT_MS = 250;

/**
 * Delivers the outbox on its own, beside the workflows: every insert into `notifications` wakes it (NOTIFY, sent
 * when the row commits), a timer wakes it when the earliest row waiting out its backoff falls due, and a sweep
 * every `sweepMs` catches whatever a lost connection missed. Any number of dispatchers may run at once: each row
 * is claimed with `FOR UPDATE SKIP LOCKED` by the one that sends it (see `NotificationDelivery`).
 */
export class OutboxDispatcher {
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private wokenDuringPass = false;
  private stopped = false;

  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly reports: UndeliverableReports,
    private readonly report: ReportUndeliverable,
    private readonly options: OutboxDispatcherOptions,
    private readonly logger: DispatcherLog,
  ) {}

  async start(): Promise<void> {
    await this.listen();
    this.wake();
  }

  /** Looks at the outbox now (or right after the pass under way). */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.wokenDuringPass = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.runPass().finally(() => {
      this.pass = undefined;
      if (this.wokenDuringPass) {
        this.wokenDuringPass = false;
        this.wake();
      }
    });
  }

  /** Lets the pass under way finish (a row being sent is marked), then closes the listening connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
    await this.listener?.end().catch(() => undefined);
  }

  private async runPass(): Promise<void> {
    let nextWait = this.options.sweepMs;
    try {
      await Promise.all(Array.from({ length: this.options.lanes }, () => this.drain()));
      const allReported = await this.flushReports();
      nextWait = Math.min(await this.untilNextDue(), allReported ? this.options.sweepMs : RETRY_MS);
    } catch (error) {
      this.logger.warn(`No se pudo revisar la bandeja de salida de correos: ${String(error)}`);
      nextWait = Math.min(this.options.sweepMs, RETRY_MS);
    }
    if (!this.stopped) this.timer = setTimeout(() => this.wake(), nextWait);
  }

  private async drain(): Promise<void> {
    for (let outcome = await this.delivery.deliverNextDue(); outcome && !this.stopped; outcome = await this.delivery.deliverNextDue()) {
      this.record(outcome);
    }
  }

  private record(outcome: DeliveryOutcome): void {
    if (outcome.status === 'failed') this.logger.warn(`Correo ${outcome.id} pendiente, se reintentará: ${outcome.reason}`);
    if (outcome.status === 'undeliverable') this.logger.warn(`Correo ${outcome.id} rechazado por el servidor: no se reintenta`);
  }

  /** False when some state's workflow could not be told: look again soon rather than at the next sweep. */
  private async flushReports(): Promise<boolean> {
    const { reported, failed } = await this.reports.flush(this.report);
    if (reported > 0) this.logger.log(`Correos no entregados avisados a la coordinación: ${reported}`);
    for (const { entidad, error } of failed) {
      this.logger.warn(`No se pudo avisar al STL de la entidad ${entidad} de correos no entregados: ${error}`);
    }
    return failed.length === 0;
  }

  private async untilNextDue(): Promise<number> {
    const next = await this.delivery.nextDueAt();
    if (next === null) return this.options.sweepMs;
    return Math.min(Math.max(next.getTime() - Date.now(), MIN_WAIT_MS), this.options.sweepMs);
  }

  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.options.databaseUrl });
    listener.on('notification', () => this.wake());
    // A lost connection is replaced; the sweep covers what arrived meanwhile.
    listener.on('error', (error) => {
      this.logger.warn(`Se perdió la conexión que escucha la bandeja de salida: ${error.message}`);
      void listener.end().catch(() => undefined);
      this.relisten();
    });
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = listener;
      if (this.stopped) await listener.end();
    } catch (error) {
      this.logger.warn(`No se pudo escuchar la bandeja de salida (se revisa cada ${this.options.sweepMs} ms): ${String(error)}`);
      await listener.end().catch(() => undefined);
      this.relisten();
    }
  }

  private relisten(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (!this.stopped) void this.listen().then(() => this.wake());
    }, RECONNECT_MS).unref();
  }
}
