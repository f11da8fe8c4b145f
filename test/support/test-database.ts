import { randomUUID } from 'node:crypto';
import { createDataSource, runMigrations } from '@app/persistence';
import { Client } from 'pg';
import { type DataSource } from 'typeorm';

export interface TestDatabase {
  readonly dataSource: DataSource;
  readonly url: string;
  drop(): Promise<void>;
}

/** Work on the test PostgreSQL server itself, outside any test's database (creating one, refusing its connections). */
export async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_POSTGRES_URL is not set: run integration tests through their Jest project');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with every migration applied, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = process.env.TEST_POSTGRES_URL!.replace(/\/[^/]*$/, `/${name}`);
  const dataSource = await createDataSource({ url, poolSize: 4, logErrors: false }).initialize();
  await runMigrations(dataSource);
  return {
    dataSource,
    url,
    drop: async () => {
      await dataSource.destroy();
      await admin((client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
