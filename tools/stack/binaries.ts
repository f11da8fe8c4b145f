import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');
const TOOL_DIRS = [join(PROJECT_ROOT, '.tools/venv/bin'), join(PROJECT_ROOT, '.tools/bin')];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An explicit environment variable wins, then PATH, then what scripts/bootstrap.sh installed. */
function resolveBinary(name: string, envVar: string): string {
  const explicit = process.env[envVar];
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`${envVar}=${explicit} is not an executable file`);
    return explicit;
  }
  const candidates = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...TOOL_DIRS];
  const found = candidates.map((dir) => join(dir, name)).find(isExecutable);
  if (!found) throw new Error(`${name} not found: run "bash scripts/bootstrap.sh --for-tests" or set ${envVar}`);
  return found;
}

export function temporalCliPath(): string {
  return resolveBinary('temporal', 'TEMPORAL_CLI_PATH');
}

export function temporalTestServerPath(): string {
  return resolveBinary('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');
}

/** Keep equal to TEMPORAL_SERVER_VERSION in scripts/bootstrap.sh and the image tags of docker-compose.yml. */
export const TEMPORAL_SERVER_VERSION = '1.30.9';

/** The real Temporal Server, its temporal-sql-tool and the schemas of that version (`bootstrap.sh --for-cluster`). */
export function temporalServerHome(): { readonly server: string; readonly sqlTool: string; readonly schemaDir: string } {
  const home = process.env.TEMPORAL_SERVER_HOME ?? join(PROJECT_ROOT, `.tools/temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const server = join(home, 'bin/temporal-server');
  const sqlTool = join(home, 'bin/temporal-sql-tool');
  for (const binary of [server, sqlTool]) {
    if (!isExecutable(binary)) {
      throw new Error(`${binary} not found: run "bash scripts/bootstrap.sh --for-cluster" or set TEMPORAL_SERVER_HOME`);
    }
  }
  return { server, sqlTool, schemaDir: join(home, 'schema/postgresql/v12') };
}
