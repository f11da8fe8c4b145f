/**
 * Command 1 (`npm start`): the whole system on embedded defaults. Temporal dev server (SQLite under .data/),
 * embedded PostgreSQL (under .data/) unless DATABASE_URL is set, migrations, worker and API; Ctrl-C stops it all.
 */
import { join } from 'node:path';
import { compile } from './build';
import { type ManagedProcess, PROJECT_ROOT, startEmbeddedPostgres, ensureDatabase, freePort, startTemporalDevServer, spawnManaged, waitFor } from '../tools/stack';

const DATA_DIR = process.env.DATA_DIR ?? join(PROJECT_ROOT, '.data');
const DATABASE = 'cocreacion';

interface Stoppable {
  readonly name: string;
  stop(): Promise<void>;
}

const running: Stoppable[] = [];
let stopping = false;

function log(message: string): void {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${message}\n`);
}

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Deteniendo…');
    for (const part of [...running].reverse()) {
      await part.stop().catch((error: unknown) => log(`${part.name}: ${String(error)}`));
      log(`${part.name} detenido`);
    }
  }
  process.exit(exitCode);
}

async function database(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const postgres = await startEmbeddedPostgres(join(DATA_DIR, 'postgres'), { logFile: join(DATA_DIR, 'logs/postgres.log') });
  running.push({ name: 'PostgreSQL', stop: () => postgres.stop() });
  await ensureDatabase(postgres.url('postgres'), DATABASE);
  return postgres.url(DATABASE);
}

async function temporal(): Promise<{ address: string; uiUrl?: string }> {
  if (process.env.TEMPORAL_ADDRESS) return { address: process.env.TEMPORAL_ADDRESS };
  const server = await startTemporalDevServer({
    dbFile: join(DATA_DIR, 'temporal.db'),
    logFile: join(DATA_DIR, 'logs/temporal.log'),
    port: await freePort(7233),
    uiPort: await freePort(8233),
  });
  running.push({ name: 'Temporal', stop: () => server.stop() });
  return server;
}

function app(name: string, entry: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const child = spawnManaged({ name, command: process.execPath, args: [join(PROJECT_ROOT, entry)], env });
  running.push({ name, stop: () => child.stop() });
  void child.exited.then((code) => {
    if (!stopping) {
      log(`${name} terminó inesperadamente (${code})`);
      void stopAll(1);
    }
  });
  return child;
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  log('Compilando…');
  compile();
  log('Iniciando PostgreSQL y Temporal…');
  const [databaseUrl, temporalServer] = await Promise.all([database(), temporal()]);
  const port = process.env.PORT ?? '3000';
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalServer.address, PORT: port };
  app('worker', 'dist/apps/worker/src/main.js', env);
  const api = app('api', 'dist/apps/api/src/main.js', env);
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitFor('la API', async () => ((await fetch(`${apiUrl}/api/health`)).ok ? true : undefined), {
    timeoutMs: 120_000,
    failFast: api,
  });
  const lines = [
    '',
    'El sistema está listo:',
    `  API             ${apiUrl}/api`,
    `  Swagger UI      ${apiUrl}/api/docs`,
    temporalServer.uiUrl ? `  Temporal UI     ${temporalServer.uiUrl}` : `  Temporal        ${temporalServer.address}`,
    `  Temporal gRPC   ${temporalServer.address}`,
    `  PostgreSQL      ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  Datos           ${DATA_DIR}`,
    '',
    'Ctrl-C detiene todo.',
  ];
  log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  log(`No se pudo iniciar: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
