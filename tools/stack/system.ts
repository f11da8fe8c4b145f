import { hostname } from 'node:os';
import { join } from 'node:path';
import { TASK_QUEUE } from '../../libs/contracts/src/task-queue';
import { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { PROJECT_ROOT } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { ensureDatabase, type PostgresServer, startEmbeddedPostgres } from './embedded-postgres';
import { freePort } from './free-port';
import { type MailCatcher, startMailCatcher } from './mail-catcher';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';

export interface SystemOptions {
  /** Holds temporal.db, postgres/ and logs/. */
  readonly dataDir: string;
  readonly apiPort?: number;
  readonly temporalPort?: number;
  readonly temporalUiPort?: number;
  /** An external PostgreSQL (DATABASE_URL) instead of the embedded one. */
  readonly databaseUrl?: string;
  /** An external Temporal (TEMPORAL_ADDRESS) instead of the dev server. */
  readonly temporalAddress?: string;
  /** A real mail server (SMTP_URL) instead of the local mail catcher. */
  readonly smtpUrl?: string;
  /** Ports of the local mail catcher (free ones when absent). */
  readonly mailCatcherPorts?: { readonly smtp?: number; readonly web?: number };
  /** Extra environment for the API and the worker. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the API's and worker's output goes; by default, this process's output with a prefix. */
  readonly logToFiles?: boolean;
  readonly onUnexpectedExit?: (name: string, code: number | string) => void;
  /** Load the 16 STLs of 2017 into an empty development database once everything is up (default true). */
  readonly seed?: boolean;
  /**
   * Give the API and the worker each a METRICS_PORT of its own (free ports); without it, a METRICS_PORT in the
   * environment is split as `metricsPortsFrom` says. `metricsUrls` then names them.
   */
  readonly metrics?: boolean;
}

export interface RunningSystem {
  readonly apiUrl: string;
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalUiUrl?: string;
  readonly smtpUrl: string;
  /** The local inbox (MailDev) when no SMTP_URL was given. */
  readonly mailCatcher?: MailCatcher;
  readonly postgres?: PostgresServer;
  readonly temporal?: TemporalDevServer;
  readonly api: ManagedProcess;
  readonly worker: ManagedProcess;
  /** GET /metrics of the API and of the worker, when started with `metrics`. */
  readonly metricsUrls?: { readonly api: string; readonly worker: string };
  /**
   * Starts a (new) worker process, e.g. after killing one in a fault test, and waits until it polls the task queue:
   * until then it is still connecting, and a Temporal or PostgreSQL restart in that time ends it.
   */
  startWorker(): Promise<ManagedProcess>;
  /**
   * Until `worker` polls the task queue; rejects if it exits first. After a Temporal restart the server knows no
   * poller until each worker polls again, and refuses queries meanwhile ('no poller seen for task queue recently').
   */
  workerPolling(worker: ManagedProcess): Promise<void>;
  /** Starts a (new) API process on the same port and waits until it is ready, e.g. after stopping one. */
  startApi(): Promise<ManagedProcess>;
  /** For fault tests: stop and start again the embedded servers, same data and ports. */
  readonly faults: {
    stopTemporal(): Promise<void>;
    startTemporal(): Promise<void>;
    stopPostgres(): Promise<void>;
    startPostgres(): Promise<void>;
    /** The local inbox: its SMTP port refuses connections until it is started again (same mail kept). */
    stopMail(): Promise<void>;
    startMail(): Promise<void>;
  };
  stop(): Promise<void>;
}

/** A server that a fault test may stop and start again in place; the system's stop sees the current one. */
function restartable<T extends { stop(): Promise<void> }>(start: () => Promise<T>, first: T) {
  let current: T | undefined = first;
  return {
    current: () => current,
    stop: async () => {
      await current?.stop();
      current = undefined;
    },
    start: async () => {
      current ??= await start();
    },
  };
}

/**
 * Like Promise.all, but when one server fails to start the others that did start are stopped before the error
 * propagates, so a failed start leaves nothing running.
 */
async function allStarted<T extends readonly ({ stop(): Promise<void> } | undefined)[]>(
  starts: { readonly [K in keyof T]: Promise<T[K]> },
): Promise<T> {
  const settled = await Promise.allSettled(starts as readonly Promise<T[number]>[]);
  const failure = settled.find((result) => result.status === 'rejected');
  if (!failure) return settled.map((result) => (result as PromiseFulfilledResult<T[number]>).value) as unknown as T;
  for (const result of settled) {
    if (result.status === 'fulfilled') await result.value?.stop().catch(() => undefined);
  }
  throw failure.reason;
}

const DATABASE = 'cocreacion';

interface Readiness {
  readonly status: string;
  readonly seed?: string;
  readonly problems?: readonly string[];
}

/** Until GET /api/health/ready answers 200; a failed demo seed ends the wait at once, with the API's reason. */
async function waitForReadiness(apiUrl: string, api: ManagedProcess): Promise<void> {
  await waitFor(
    'la API lista (GET /api/health/ready)',
    async () => {
      const response = await fetch(`${apiUrl}/api/health/ready`);
      const report = (await response.json()) as Readiness;
      if (report.seed === 'failed') return { failed: report.problems?.join(' ') ?? 'la siembra falló' };
      if (!response.ok) throw new Error((report.problems ?? []).join(' '));
      return { failed: undefined };
    },
    { timeoutMs: 180_000, failFast: api },
  ).then(({ failed }) => {
    if (failed) throw new Error(failed);
  });
}

/**
 * Until the worker this start launched polls the task queue: on a second start the seed is already done, so the
 * API is ready while the worker still bundles its workflows, and a command sent then waited 15 s for nobody.
 * The SDK names a worker's poller `<pid>@<host>` unless told otherwise.
 */
async function waitForWorker(temporalAddress: string, namespace: string, taskQueue: string, worker: ManagedProcess): Promise<void> {
  const identity = `${worker.child.pid}@${hostname()}`;
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    await waitFor(
      'el worker atendiendo la cola de tareas',
      async () => {
        const { pollers } = await connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        return pollers?.some((poller) => poller.identity === identity) ? true : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 500, failFast: worker },
    );
  } finally {
    await connection.close();
  }
}

/**
 * METRICS_PORT as `npm start` applies it. A deployment gives it to each process alone (compose: a container each);
 * here the API and the worker share one machine, so the API takes METRICS_PORT and the worker the next port, instead
 * of the second to start dying on EADDRINUSE. Anything but a port pair is left to the API's and the worker's own
 * configuration check, which names the problem.
 */
export function metricsPortsFrom(value: string | undefined): { readonly api: number; readonly worker: number } | undefined {
  const port = Number(value);
  if (!value || !Number.isInteger(port) || port <= 0 || port >= 65_535) return undefined;
  return { api: port, worker: port + 1 };
}

/**
 * The whole system from the compiled apps in dist/: embedded PostgreSQL, the Temporal dev server and the MailDev
 * inbox (unless external ones are given), then the worker and the API. Stops in reverse order.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const stoppers: { name: string; stop: () => Promise<void> }[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const part of stoppers.splice(0).reverse()) await part.stop().catch(() => undefined);
  };
  try {
    const [database, temporal, mailCatcher] = await allStarted<
      [PostgresServer | undefined, TemporalDevServer | undefined, MailCatcher | undefined]
    >([
      options.databaseUrl ? Promise.resolve(undefined) : startEmbeddedPostgres(join(options.dataDir, 'postgres'), {
        logFile: join(options.dataDir, 'logs/postgres.log'),
      }),
      options.temporalAddress ? Promise.resolve(undefined) : startTemporalDevServer({
        dbFile: join(options.dataDir, 'temporal.db'),
        logFile: join(options.dataDir, 'logs/temporal.log'),
        port: options.temporalPort,
        uiPort: options.temporalUiPort,
      }),
      options.smtpUrl ? Promise.resolve(undefined) : startMailCatcher({
        mailDir: join(options.dataDir, 'mail'),
        logFile: join(options.dataDir, 'logs/maildev.log'),
        smtpPort: options.mailCatcherPorts?.smtp,
        webPort: options.mailCatcherPorts?.web,
      }),
    ]);
    const postgresServer = database
      ? restartable(() => startEmbeddedPostgres(join(options.dataDir, 'postgres'), { port: database.port, logFile: join(options.dataDir, 'logs/postgres.log') }), database)
      : undefined;
    const temporalServer = temporal
      ? restartable(
          () => startTemporalDevServer({
            dbFile: join(options.dataDir, 'temporal.db'),
            logFile: join(options.dataDir, 'logs/temporal.log'),
            port: Number(temporal.address.split(':')[1]),
            uiPort: Number(new URL(temporal.uiUrl).port),
          }),
          temporal,
        )
      : undefined;
    const mailServer = mailCatcher
      ? restartable(
          () => startMailCatcher({
            mailDir: join(options.dataDir, 'mail'),
            logFile: join(options.dataDir, 'logs/maildev.log'),
            smtpPort: Number(new URL(mailCatcher.smtpUrl).port),
            webPort: Number(new URL(mailCatcher.webUrl).port),
          }),
          mailCatcher,
        )
      : undefined;
    if (postgresServer) stoppers.push({ name: 'PostgreSQL', stop: postgresServer.stop });
    if (temporalServer) stoppers.push({ name: 'Temporal', stop: temporalServer.stop });
    if (mailServer) stoppers.push({ name: 'MailDev', stop: mailServer.stop });
    if (database) await ensureDatabase(database.url('postgres'), DATABASE);
    const databaseUrl = options.databaseUrl ?? database!.url(DATABASE);
    const temporalAddress = options.temporalAddress ?? temporal!.address;
    const apiPort = options.apiPort ?? (await freePort());
    const smtpUrl = options.smtpUrl ?? mailCatcher!.smtpUrl;
    const env: NodeJS.ProcessEnv = {
      // npm start and the tests are the only development runs, and say so; anything else starts in production mode.
      APP_MODE: 'development',
      ...process.env,
      ...options.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      PORT: String(apiPort),
      SMTP_URL: smtpUrl,
      PUBLIC_BASE_URL: options.env?.PUBLIC_BASE_URL ?? process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${apiPort}`,
      // The API loads the demo data itself and says when it is in (GET /api/health/ready).
      DEMO_SEED: options.seed === false ? 'false' : 'true',
    };

    const metricsPorts = options.metrics ? { api: await freePort(), worker: await freePort() } : metricsPortsFrom(env.METRICS_PORT);
    const launch = (name: 'api' | 'worker') => {
      const child = spawnManaged({
        name,
        command: process.execPath,
        args: [join(PROJECT_ROOT, `dist/apps/${name}/src/main.js`)],
        env: metricsPorts ? { ...env, METRICS_PORT: String(metricsPorts[name]) } : env,
        logFile: options.logToFiles ? join(options.dataDir, `logs/${name}.log`) : undefined,
      });
      stoppers.push({ name, stop: () => child.stop() });
      void child.exited.then((code) => {
        if (!stopping) options.onUnexpectedExit?.(name, code);
      });
      return child;
    };
    const worker = launch('worker');
    const api = launch('api');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const workerPolling = (started: ManagedProcess) =>
      waitForWorker(temporalAddress, env.TEMPORAL_NAMESPACE || 'default', env.TEMPORAL_TASK_QUEUE || TASK_QUEUE, started);
    await waitForReadiness(apiUrl, api);
    await workerPolling(worker);
    return {
      apiUrl,
      databaseUrl,
      temporalAddress,
      temporalUiUrl: temporal?.uiUrl,
      smtpUrl,
      mailCatcher,
      postgres: database,
      temporal,
      api,
      worker,
      metricsUrls: metricsPorts && {
        api: `http://127.0.0.1:${metricsPorts.api}/metrics`,
        worker: `http://127.0.0.1:${metricsPorts.worker}/metrics`,
      },
      startWorker: async () => {
        const restarted = launch('worker');
        await workerPolling(restarted);
        return restarted;
      },
      workerPolling,
      startApi: async () => {
        const restarted = launch('api');
        await waitForReadiness(apiUrl, restarted);
        return restarted;
      },
      faults: {
        stopTemporal: async () => temporalServer?.stop(),
        startTemporal: async () => temporalServer?.start(),
        stopPostgres: async () => postgresServer?.stop(),
        startPostgres: async () => postgresServer?.start(),
        stopMail: async () => mailServer?.stop(),
        startMail: async () => mailServer?.start(),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
