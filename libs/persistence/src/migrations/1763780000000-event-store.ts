import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class EventStore1763780000000 implements MigrationInterface {
  name = 'EventStore1763780000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE domain_events (
        position     bigserial PRIMARY KEY,
        stream_id    text        NOT NULL,
        seq          integer     NOT NULL CHECK (seq > 0),
        type         text        NOT NULL,
        data         jsonb       NOT NULL,
        occurred_at  timestamptz NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT domain_events_stream_seq UNIQUE (stream_id, seq)
      )`);
    // The log is the source of truth: refuse updates and deletes at the database, not only in code.
    await runner.query(`
      CREATE FUNCTION domain_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'domain_events is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER domain_events_no_update_or_delete
      BEFORE UPDATE OR DELETE ON domain_events
      FOR EACH ROW EXECUTE FUNCTION domain_events_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE domain_events');
    await runner.query('DROP FUNCTION domain_events_append_only');
  }
}
