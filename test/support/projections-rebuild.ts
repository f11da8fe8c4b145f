import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Client } from 'pg';
import { PROJECTION_TABLES, type ProjectionTable } from '../../apps/worker/src/cli/projection-rebuild';
import { PROJECT_ROOT } from '../../tools/stack';

export { PROJECTION_TABLES } from '../../apps/worker/src/cli/projection-rebuild';

/** Each projection's key: the order its rows are compared in. */
const PROJECTION_ORDER: Readonly<Record<ProjectionTable, string>> = {
  exercises: 'id',
  commitments: 'exercise_id, commitment_id',
  stls: 'entidad',
  stl_members: 'entidad, member_id',
  stl_sessions: 'entidad, session_id',
  escalations: 'id',
};

/**
 * Every projection's rows, in its key's order, as JSON (jsonb key order and Date instances compare by value) and
 * without `updated_at`, which a rebuild writes anew. One table after another: the caller may hold one connection.
 */
export async function projectionRows<Row>(query: (sql: string) => Promise<{ row: Row }[]>): Promise<Record<ProjectionTable, Row[]>> {
  const tables = {} as Record<ProjectionTable, Row[]>;
  for (const table of PROJECTION_TABLES) {
    tables[table] = (await query(`SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t ORDER BY ${PROJECTION_ORDER[table]}`)).map(({ row }) => row);
  }
  return tables;
}

export interface ProjectionSnapshot {
  /** The last event appended: projections are committed with their events, so equal positions mean equal models. */
  readonly position: string;
  readonly tables: Record<ProjectionTable, unknown[]>;
  readonly notifications: unknown[];
}

/** One consistent view (REPEATABLE READ) of every projection and of the outbox. */
export async function projectionSnapshot(database: Client): Promise<ProjectionSnapshot> {
  await database.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    const [{ position }] = (await database.query('SELECT coalesce(max(position), 0)::text AS position FROM domain_events')).rows;
    const tables = await projectionRows(async (sql) => (await database.query<{ row: unknown }>(sql)).rows);
    const notifications = (await database.query('SELECT id, idempotency_key FROM notifications ORDER BY idempotency_key')).rows;
    return { position, tables, notifications };
  } finally {
    await database.query('COMMIT');
  }
}

/** `node dist/apps/worker/src/cli/rebuild-projections.js`, the command of the production image. */
export async function rebuildProjections(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist/apps/worker/src/cli/rebuild-projections.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1' },
  });
  return stdout;
}

/**
 * The live read model, then the one rebuilt from the log, taken while the log did not move: the system's timers may
 * append events meanwhile, so a run during which the position changed is tried again (five times at most).
 */
export async function rebuildWhileTheLogStands(
  database: Client,
  databaseUrl: string,
): Promise<{ live: ProjectionSnapshot; rebuilt: ProjectionSnapshot; stdout: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const live = await projectionSnapshot(database);
    const stdout = await rebuildProjections(databaseUrl);
    const rebuilt = await projectionSnapshot(database);
    if (rebuilt.position === live.position || attempt >= 5) return { live, rebuilt, stdout };
  }
}
