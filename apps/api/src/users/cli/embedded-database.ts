import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The database of a running `npm start`: the embedded cluster under DATA_DIR (default: .data/ of the project, where
 * npm runs scripts) picks a free port at each start, and PostgreSQL writes it on the fourth line of postmaster.pid.
 * The credentials are the embedded cluster's own (tools/stack/postgres-credentials.ts), on loopback only.
 */
export function defaultDatabaseUrl(dataDir = process.env.DATA_DIR ?? join(process.cwd(), '.data')): string {
  const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
  let port: string | undefined;
  try {
    port = readFileSync(pidFile, 'utf8').split('\n')[3]?.trim();
  } catch {
    port = undefined;
  }
  if (!port || !/^\d+$/.test(port)) {
    throw new Error(`Sin DATABASE_URL y sin la base embebida de npm start en marcha (no se encontró ${pidFile}).`);
  }
  return `postgres://postgres:postgres@127.0.0.1:${port}/cocreacion`;
}
