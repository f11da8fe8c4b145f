import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * One row per stream: which aggregate it is and the deadline policy its workflow runs under, written by every append
 * in its transaction, so projections, rebuilds and the board compute the dates the workflow keeps. Streams stored
 * before this migration get their aggregate from their id once, here, and no policy (DOMAIN.md's numbers, which is
 * what a workflow started without one runs under) until their next append writes the one their workflow holds.
 */
export class EventStreams1796400000000 implements MigrationInterface {
  name = 'EventStreams1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE event_streams (
      stream_id text PRIMARY KEY,
      aggregate text NOT NULL CHECK (aggregate IN ('exercise', 'stl')),
      policy jsonb
    )`);
    await runner.query(`INSERT INTO event_streams (stream_id, aggregate)
      SELECT DISTINCT stream_id, CASE WHEN stream_id LIKE 'stl/%' THEN 'stl' ELSE 'exercise' END
      FROM domain_events WHERE stream_id LIKE 'stl/%' OR stream_id LIKE 'exercise/%'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_streams');
  }
}
