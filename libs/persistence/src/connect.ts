import { type DataSource } from 'typeorm';

/** Errors of a server that is not there yet (starting, restarting, its host not up), not of a wrong configuration. */
const NOT_YET_REACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN', '57P03']);

export interface ConnectOptions {
  /** How long a process waits for PostgreSQL at start-up before it gives up. */
  readonly waitMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Initializes a data source, waiting while PostgreSQL is not reachable yet: a worker or an API started beside a
 * PostgreSQL that is still starting (or restarting) must come up with it, not die and wait for someone to notice.
 * A wrong password or a missing database fails at once: waiting would only hide it.
 */
export async function initializeWhenReachable(create: () => DataSource, options: ConnectOptions = {}): Promise<DataSource> {
  const deadline = Date.now() + (options.waitMs ?? 120_000);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create().initialize();
    } catch (error) {
      const code = errorCode(error);
      if (code === undefined || !NOT_YET_REACHABLE.has(code) || Date.now() >= deadline) throw error;
      const delayMs = Math.min(500 * 2 ** (attempt - 1), 5_000);
      options.log?.(`PostgreSQL aún no responde (${code}); nuevo intento en ${(delayMs / 1000).toFixed(1)} s`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

function errorCode(error: unknown): string | undefined {
  const found = error as { code?: unknown; errors?: unknown[] } | null;
  if (typeof found?.code === 'string') return found.code;
  // Node reports a refused connection to a host with several addresses as an AggregateError of ECONNREFUSED.
  return Array.isArray(found?.errors) ? errorCode(found.errors[0]) : undefined;
}
