/**
 * `npm run projections:rebuild` (or, in the image, `node dist/apps/worker/src/cli/rebuild-projections.js`):
 * truncates the projections (exercises, commitments, stls, stl_members, stl_sessions, escalations) and replays them
 * from domain_events. Needs DATABASE_URL; applies pending migrations first unless DATABASE_MIGRATE=false.
 * Reads DEADLINE_POLICY as the API does. Leaves the notifications outbox alone. Safe while the system runs.
 */
import 'reflect-metadata';
import { deadlinePolicyFromJson } from '@app/domain';
import { createDataSource, runMigrations } from '@app/persistence';
import { Logger } from '@nestjs/common';
import { rebuildProjections } from './projection-rebuild';

const logger = new Logger('Proyecciones');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required (postgres://usuario:clave@servidor:5432/base)');
  const policy = deadlinePolicyFromJson(process.env.DEADLINE_POLICY);
  if ('problems' in policy) throw new Error(`DEADLINE_POLICY ${policy.problems.join('; ')}`);
  const dataSource = await createDataSource({ url, poolSize: 2 }).initialize();
  try {
    if (process.env.DATABASE_MIGRATE !== 'false') await runMigrations(dataSource);
    const started = Date.now();
    const report = await rebuildProjections(dataSource, policy.policy);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    logger.log(
      `Reconstruidas desde ${report.events} eventos: ${report.streams.exercise} ejercicios y ${report.streams.stl} STL en ${seconds} s`,
    );
    logger.log(`Renglones: ${Object.entries(report.rows).map(([table, rows]) => `${table} ${rows}`).join(', ')}`);
    if (report.skipped.length > 0) logger.warn(`Flujos sin agregado conocido, omitidos: ${report.skipped.join(', ')}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
