/**
 * Command 1 (`npm start`): the whole system on embedded defaults. Temporal dev server (SQLite under .data/),
 * embedded PostgreSQL (under .data/) unless DATABASE_URL is set, a local mail inbox (MailDev) unless SMTP_URL is
 * set, migrations, worker and API; Ctrl-C (or SIGTERM, or closing the terminal) stops it all.
 *
 * What it started is recorded under `<DATA_DIR>/run/`: the next start stops what an earlier one left behind and
 * names anything else in its way; a second start on the same DATA_DIR refuses while the first runs.
 */
import { join, resolve } from 'node:path';
import {
  freePort,
  onSpawn,
  PROJECT_ROOT,
  RunRecord,
  type RunningSystem,
  STACK_MARKER,
  StartRefused,
  startSystem,
  stopAll,
  stopOnSignals,
} from '../tools/stack';
import { compile } from './build';

const DATA_DIR = resolve(process.env.DATA_DIR ?? join(PROJECT_ROOT, '.data'));
const API_PORT = Number(process.env.PORT ?? 3000);

let system: RunningSystem | undefined;
let record: RunRecord | undefined;

function log(message: string): void {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${message}\n`);
}

const shutdown = stopOnSignals({
  log,
  stop: async () => {
    await system?.stop();
    await stopAll();
    record?.release();
  },
});

function readyMessage(running: RunningSystem): string {
  const demoLogin =
    process.env.NODE_ENV === 'production'
      ? ''
      : `  (entre como coordinador, contraseña ${process.env.DEMO_PASSWORD ? 'la de DEMO_PASSWORD' : 'cocreacion'})`;
  const urls = [
    `  Tablero         ${running.apiUrl}/tablero${demoLogin}`,
    `  API             ${running.apiUrl}/api`,
    `  Swagger UI      ${running.apiUrl}/api/docs`,
    `  Preparado       ${running.apiUrl}/api/health/ready  (200: migraciones, atributos de búsqueda y datos listos)`,
    ...(running.temporalUiUrl ? [`  Temporal UI     ${running.temporalUiUrl}`] : []),
    `  Temporal gRPC   ${running.temporalAddress}`,
    running.mailCatcher
      ? `  Correo (MailDev) ${running.mailCatcher.webUrl}  (bandeja local: todo lo que el sistema envía)`
      : `  Correo (SMTP)   ${running.smtpUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  PostgreSQL      ${running.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    ...(running.metricsUrls ? [`  Métricas        API ${running.metricsUrls.api} · worker ${running.metricsUrls.worker}`] : []),
    `  Datos           ${DATA_DIR}`,
  ];
  return ['', 'El sistema está listo:', ...urls, '', 'Ctrl-C detiene todo.'].join('\n');
}

async function main(): Promise<void> {
  record = RunRecord.acquire(DATA_DIR);
  await record.clearLeftovers(API_PORT, log);
  process.env[STACK_MARKER] = DATA_DIR;
  onSpawn((managed) => record?.add(managed));
  log('Compilando…');
  compile();
  log('Iniciando PostgreSQL, Temporal, MailDev, worker y API…');
  const ports = {
    api: API_PORT,
    temporal: await freePort(7233),
    temporalUi: await freePort(8233),
    mailSmtp: await freePort(1025),
    mailWeb: await freePort(1080),
  };
  record.setPorts(ports);
  system = await startSystem({
    dataDir: DATA_DIR,
    apiPort: ports.api,
    temporalPort: ports.temporal,
    temporalUiPort: ports.temporalUi,
    databaseUrl: process.env.DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    smtpUrl: process.env.SMTP_URL,
    mailCatcherPorts: { smtp: ports.mailSmtp, web: ports.mailWeb },
    onUnexpectedExit: (name, code) => {
      log(`${name} terminó inesperadamente (${code}); revise su salida arriba.`);
      void shutdown(1);
    },
  });
  if (system.postgres) record.setPorts({ postgres: system.postgres.port });
  log(readyMessage(system));
}

main().catch(async (error: unknown) => {
  if (error instanceof StartRefused) {
    // Nothing of this start runs; the lock, if it was taken, goes with it.
    log(`No se pudo iniciar:\n${error.message}`);
    record?.release();
    process.exit(1);
  }
  log(`No se pudo iniciar: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
