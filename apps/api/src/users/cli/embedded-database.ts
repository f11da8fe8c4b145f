import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The database of a running `npm start`: the embedded cluster under DATA_DIR (default .data/) picks a free port at
 * each start, and PostgreSQL writes it on the fourth line of postmaster.pid. The credentials are the embedded
 * cluster's own (tools/stack/postgres-credentials.ts), which listens on loopback only.
 */
export function defaultDatabaseUrl(dataDir = process.env.DATA_DIR ?? resolve(__dirname, '../../../../../.data')): string {
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
