import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../tools/stack';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface PostgresForFile {
  readonly database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL started by one test file of a project that has none (the workflow tests), with a fresh
 * migrated database; for tests that run the real activities on the time-skipping server.
 */
export async function startPostgresForFile(): Promise<PostgresForFile> {
  const dir = mkdtempSync(join(tmpdir(), 'cocreacion-pg-'));
  const server = await startEmbeddedPostgres(join(dir, 'postgres'), { logFile: join(dir, 'postgres.log') });
  process.env.TEST_POSTGRES_URL = server.url('postgres');
  try {
    const database = await createTestDatabase();
    return {
      database,
      stop: async () => {
        await database.drop().catch(() => undefined);
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
