import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PROJECT_ROOT } from '../tools/stack';

const TABLES: Record<string, string> = {
  exercises: 'id',
  commitments: 'exercise_id, commitment_id',
  stls: 'entidad',
  stl_members: 'entidad, member_id',
  stl_sessions: 'entidad, session_id',
  escalations: 'id',
};

interface Snapshot {
  /** The last event appended: projections are committed with their events, so equal positions mean equal models. */
  readonly position: string;
  readonly tables: Record<string, unknown[]>;
  readonly notifications: unknown[];
}

/**
 * `node dist/apps/worker/src/cli/rebuild-projections.js`, the command of the production image, on the seeded system
 * while it runs: the rebuilt read model equals the live one row by row (updated_at aside), the outbox untouched.
 */
describe('rebuilding the projections of the running system from its event log', () => {
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  /** One consistent view (REPEATABLE READ) of every projection and of the outbox. */
  async function snapshot(): Promise<Snapshot> {
    await database.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    try {
      const [{ position }] = (await database.query('SELECT coalesce(max(position), 0)::text AS position FROM domain_events')).rows;
      const tables: Record<string, unknown[]> = {};
      for (const [table, order] of Object.entries(TABLES)) {
        tables[table] = (await database.query(`SELECT to_jsonb(t) - 'updated_at' AS row FROM ${table} t ORDER BY ${order}`)).rows;
      }
      const notifications = (await database.query('SELECT id, idempotency_key FROM notifications ORDER BY idempotency_key')).rows;
      return { position, tables, notifications };
    } finally {
      await database.query('COMMIT');
    }
  }

  const rebuild = () =>
    promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'dist/apps/worker/src/cli/rebuild-projections.js')], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, NO_COLOR: '1' },
    });

  it('gives back the live rows; the outbox keeps its rows', async () => {
    // The system's timers may append events meanwhile: compare only a run during which the log did not move.
    for (let attempt = 1; ; attempt += 1) {
      const live = await snapshot();
      const { stdout } = await rebuild();
      const rebuilt = await snapshot();
      if (rebuilt.position !== live.position && attempt < 5) continue;

      expect(stdout).toMatch(/Reconstruidas desde \d+ eventos: \d+ ejercicios y \d+ STL/);
      expect(rebuilt.position).toBe(live.position);
      expect(live.tables.exercises.length).toBeGreaterThanOrEqual(16);
      expect(live.tables.escalations.length).toBeGreaterThan(0);
      for (const table of Object.keys(TABLES)) expect({ table, rows: rebuilt.tables[table] }).toEqual({ table, rows: live.tables[table] });
      expect(rebuilt.notifications).toEqual(live.notifications);
      return;
    }
  });
});
