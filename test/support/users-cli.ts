import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../tools/stack';

const run = promisify(execFile);

/** `npm run users -- …` as an operator types it, against `databaseUrl`; the password, if any, on standard input. */
export async function usersCli(databaseUrl: string, args: readonly string[], stdin?: string, publicBaseUrl?: string): Promise<string> {
  const child = run(process.execPath, [join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'apps/api/src/users/cli/main.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...(publicBaseUrl && { PUBLIC_BASE_URL: publicBaseUrl }) },
  });
  child.child.stdin?.end(stdin ?? '');
  return (await child).stdout;
}
