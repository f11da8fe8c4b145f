/**
 * Command 1 (`npm start`): the whole system on embedded defaults. Temporal dev server (SQLite under .data/),
 * embedded PostgreSQL (under .data/) unless DATABASE_URL is set, a local mail inbox (MailDev) unless SMTP_URL is
 * set, migrations, worker and API; Ctrl-C stops it all.
 */
import { join } from 'node:path';
import { freePort, PROJECT_ROOT, type RunningSystem, startSystem } from '../tools/stack';
import { compile } from './build';

const DATA_DIR = process.env.DATA_DIR ?? join(PROJECT_ROOT, '.data');

let system: RunningSystem | undefined;
let stopping = false;

function log(message: string): void {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${message}\n`);
}

async function stop(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    log('Deteniendo…');
    await system?.stop();
    log('Todo detenido.');
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  log('Compilando…');
  compile();
  log('Iniciando PostgreSQL, Temporal, MailDev, worker y API…');
  system = await startSystem({
    dataDir: DATA_DIR,
    apiPort: Number(process.env.PORT ?? 3000),
    temporalPort: await freePort(7233),
    temporalUiPort: await freePort(8233),
    databaseUrl: process.env.DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    smtpUrl: process.env.SMTP_URL,
    mailCatcherPorts: { smtp: await freePort(1025), web: await freePort(1080) },
    onUnexpectedExit: (name, code) => {
      log(`${name} terminó inesperadamente (${code}); revise su salida arriba.`);
      void stop(1);
    },
  });
  const demoLogin =
    process.env.NODE_ENV === 'production'
      ? ''
      : `  (entre como coordinador, contraseña ${process.env.DEMO_PASSWORD ? 'la de DEMO_PASSWORD' : 'cocreacion'})`;
  const urls = [
    `  Tablero         ${system.apiUrl}/tablero${demoLogin}`,
    `  API             ${system.apiUrl}/api`,
    `  Swagger UI      ${system.apiUrl}/api/docs`,
    ...(system.temporalUiUrl ? [`  Temporal UI     ${system.temporalUiUrl}`] : []),
    `  Temporal gRPC   ${system.temporalAddress}`,
    system.mailCatcher
      ? `  Correo (MailDev) ${system.mailCatcher.webUrl}  (bandeja local: todo lo que el sistema envía)`
      : `  Correo (SMTP)   ${system.smtpUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  PostgreSQL      ${system.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  Datos           ${DATA_DIR}`,
  ];
  log(['', 'El sistema está listo:', ...urls, '', 'Ctrl-C detiene todo.'].join('\n'));
}

main().catch(async (error: unknown) => {
  log(`No se pudo iniciar: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
});
