/**
 * `npm run mail:requeue -- [--entidad 14]… [--id <uuid>]…` (or, in the image,
 * `node dist/apps/worker/src/cli/requeue-undeliverable.js …`): after fixing what made the SMTP server refuse mail for
 * good (SMTP_URL's credentials, MAIL_FROM), queues the `undeliverable` rows that have an address once more; the
 * running workers' dispatchers send them within seconds. Each row at most once. Needs DATABASE_URL.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { requeueUndeliverable } from '@app/notifications';
import { createDataSource } from '@app/persistence';
import { Logger } from '@nestjs/common';
import { parseRequeueArguments } from './requeue-arguments';

const logger = new Logger('Correo');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required (postgres://usuario:clave@servidor:5432/base)');
  const selection = parseRequeueArguments(process.argv.slice(2));
  if ('problem' in selection) throw new Error(selection.problem);
  const dataSource = await createDataSource({ url, poolSize: 1 }).initialize();
  try {
    const requeued = await requeueUndeliverable(dataSource.manager, { ...selection, by: `cli:${userInfo().username}` });
    for (const row of requeued) logger.log(`En cola de nuevo: ${row.id} (${row.entidad}) a ${row.recipientEmail}: ${row.subject}`);
    logger.log(
      requeued.length === 0
        ? 'Ningún correo no entregado con dirección quedaba por reenviar (cada uno se reenvía una sola vez).'
        : `${requeued.length} correo(s) en cola de nuevo; los workers los envían en segundos.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
