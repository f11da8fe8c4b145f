import { Client } from 'pg';
import { PROJECTION_TABLES, rebuildWhileTheLogStands } from './support/projections-rebuild';

/**
 * `node dist/apps/worker/src/cli/rebuild-projections.js`, the command of the production image, on the seeded system
 * while it runs: the rebuilt read model equals the live one row by row (updated_at aside), the outbox untouched.
 */
describe('rebuilding the projections of the running system from its event log', () => {
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  it('gives back the live rows; the outbox keeps its rows', async () => {
    const { live, rebuilt, stdout } = await rebuildWhileTheLogStands(database, process.env.E2E_DATABASE_URL!);

    expect(stdout).toMatch(/Reconstruidas desde \d+ eventos: \d+ ejercicios y \d+ STL/);
    expect(rebuilt.position).toBe(live.position);
    expect(live.tables.exercises.length).toBeGreaterThanOrEqual(16);
    expect(live.tables.escalations.length).toBeGreaterThan(0);
    for (const table of PROJECTION_TABLES) expect({ table, rows: rebuilt.tables[table] }).toEqual({ table, rows: live.tables[table] });
    expect(rebuilt.notifications).toEqual(live.notifications);
  });
});
