/**
 * `npm run users -- <create|list|deactivate|activate|reset|set-role>`: the operator's way to the first coordinador
 * of a deployment, and to any account later. Against DATABASE_URL, or the embedded database of a running npm start.
 */
import 'reflect-metadata';
import { userInfo } from 'node:os';
import { createDataSource, runMigrations } from '@app/persistence';
import { Accounts, type Actor } from '../accounts';
import { defaultDatabaseUrl } from './embedded-database';
import { parseArguments, USAGE } from './users-arguments';
import { runCommand } from './users-commands';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const parsed = parseArguments(process.argv.slice(2));
  if ('problem' in parsed) {
    process.stderr.write(`${parsed.problem}\n${USAGE}\n`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl();
  const publicBaseUrl = (process.env.PUBLIC_BASE_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const dataSource = createDataSource({ url: databaseUrl });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const actor: Actor = { username: `cli:${userInfo().username}`, role: 'coordinador', entidades: [] };
    const output = await runCommand(new Accounts(dataSource), actor, parsed, { publicBaseUrl, readPassword: readStdin });
    process.stdout.write(`${output}\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? ('body' in error ? (error as { body: { message: string } }).body.message : error.message) : String(error);
    process.stderr.write(`No se pudo: ${message}\n`);
    process.exit(1);
  },
);
