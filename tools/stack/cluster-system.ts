import { join } from 'node:path';
import { ensureDatabase, type PostgresServer, startEmbeddedPostgres } from './embedded-postgres';
import { type MailCatcher, startMailCatcher } from './mail-catcher';
import { POSTGRES_PASSWORD, POSTGRES_USER } from './postgres-credentials';
import { type RunningSystem, startSystem } from './system';
import { startTemporalCluster, type TemporalCluster } from './temporal-cluster';

export interface ClusterSystemOptions {
  /** Holds postgres/, logs/ and one folder per API and worker pair. */
  readonly dataDir: string;
  /** Temporal Server nodes (default 2). */
  readonly temporalNodes?: number;
  /** API and worker pairs (default 2), each its own two processes. */
  readonly instances?: number;
  /** A real mail server instead of the local mail catcher. */
  readonly smtpUrl?: string;
  /** Extra environment for every API and worker. */
  readonly env?: NodeJS.ProcessEnv;
  /** Load the 16 STLs of 2017 (through the first API) once everything is up (default true). */
  readonly seed?: boolean;
}

export interface RunningClusterSystem {
  readonly postgres: PostgresServer;
  readonly temporal: TemporalCluster;
  readonly databaseUrl: string;
  readonly smtpUrl: string;
  readonly mailCatcher?: MailCatcher;
  /** Each an API and a worker on the same database, the same Temporal cluster and the same mail server. */
  readonly instances: readonly RunningSystem[];
  stop(): Promise<void>;
}

const DATABASE = 'cocreacion';

/**
 * The system as docker-compose.yml deploys it, without Docker: one embedded PostgreSQL holding the application's
 * database and Temporal's two, a cluster of real Temporal Server nodes (temporal-cluster.ts), and several API and
 * worker processes started by `startSystem` with those external servers. The first API migrates and seeds before
 * the others start, so that no two run the migrations at once. Stops in reverse order.
 */
export async function startClusterSystem(options: ClusterSystemOptions): Promise<RunningClusterSystem> {
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopPart of stoppers.splice(0).reverse()) await stopPart().catch(() => undefined);
  };
  try {
    const postgres = await startEmbeddedPostgres(join(options.dataDir, 'postgres'), {
      logFile: join(options.dataDir, 'logs/postgres.log'),
    });
    stoppers.push(() => postgres.stop());
    const [temporal, mailCatcher] = await Promise.all([
      startTemporalCluster({
        database: { host: '127.0.0.1', port: postgres.port, user: POSTGRES_USER, password: POSTGRES_PASSWORD },
        logDir: join(options.dataDir, 'logs'),
        nodes: options.temporalNodes,
      }).then((cluster) => {
        stoppers.push(() => cluster.stop());
        return cluster;
      }),
      options.smtpUrl
        ? Promise.resolve(undefined)
        : startMailCatcher({ mailDir: join(options.dataDir, 'mail'), logFile: join(options.dataDir, 'logs/maildev.log') }).then(
            (catcher) => {
              stoppers.push(() => catcher.stop());
              return catcher;
            },
          ),
    ]);
    await ensureDatabase(postgres.url('postgres'), DATABASE);
    const databaseUrl = postgres.url(DATABASE);
    const smtpUrl = options.smtpUrl ?? mailCatcher!.smtpUrl;
    const instances: RunningSystem[] = [];
    for (let index = 0; index < (options.instances ?? 2); index += 1) {
      const instance = await startSystem({
        dataDir: join(options.dataDir, `instance-${index + 1}`),
        databaseUrl,
        temporalAddress: temporal.address,
        smtpUrl,
        env: options.env,
        logToFiles: true,
        seed: index === 0 && options.seed !== false,
      });
      stoppers.push(() => instance.stop());
      instances.push(instance);
    }
    return { postgres, temporal, databaseUrl, smtpUrl, mailCatcher, instances, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
