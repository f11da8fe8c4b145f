import { Connection } from '@temporalio/client';
// Relative on purpose: Jest's globalSetup (which starts this server) does not resolve the @app/* aliases.
import { SEARCH_ATTRIBUTE_TYPES } from '../../libs/contracts/src/search-attributes';
import { temporalCliPath } from './binaries';
import { type ManagedProcess, spawnManaged, waitFor } from './child-process';
import { freePort } from './free-port';

export interface TemporalDevServer {
  readonly address: string;
  readonly uiUrl: string;
  readonly namespace: string;
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  /** SQLite file: keeps workflows and timers across restarts. */
  readonly dbFile: string;
  readonly logFile?: string;
  readonly port?: number;
  readonly uiPort?: number;
}

export async function waitForTemporal(address: string, failFast?: ManagedProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    `Temporal at ${address}`,
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    },
    { failFast, timeoutMs },
  );
}

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  const searchAttributes = Object.entries(SEARCH_ATTRIBUTE_TYPES).flatMap(([name, type]) => [
    '--search-attribute',
    `${name}=${type}`,
  ]);
  const process = spawnManaged({
    name: 'temporal',
    command: temporalCliPath(),
    args: [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--ui-port',
      String(uiPort),
      '--db-filename',
      options.dbFile,
      '--log-level',
      'warn',
      // Write-ahead log, synced at checkpoints: several times the dev server's write throughput (bench:load), and a
      // clean stop loses nothing; only a power cut could lose the last instants.
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
      ...searchAttributes,
    ],
    logFile: options.logFile,
  });
  const address = `127.0.0.1:${port}`;
  await waitForTemporal(address, process);
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, namespace: 'default', process, stop: () => process.stop() };
}
