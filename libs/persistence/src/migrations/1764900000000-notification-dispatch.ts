import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The outbox is delivered by a dispatcher in the worker, not by the workflows: each pending row knows when it may
 * be tried again (a backoff of its own), a row refused for good remembers whether the coordinación still has to be
 * told, and every insert wakes the dispatchers (`NOTIFY notifications_outbox`, delivered when the row commits).
 * The one-row table `installation` holds a random id that every Message-ID carries.
 */
export class NotificationDispatch1764900000000 implements MigrationInterface {
  name = 'NotificationDispatch1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notifications
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN escalation      text CHECK (escalation IN ('pending', 'signalled')),
        ADD COLUMN escalation_id   text`);
    // An escalation resolved before its e-mail left: the row is withdrawn, never sent.
    await runner.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'undeliverable', 'withdrawn'))`);
    await runner.query('CREATE INDEX notifications_escalation_id ON notifications (stream_id, escalation_id) WHERE escalation_id IS NOT NULL');
    await runner.query(
      "CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending'",
    );
    await runner.query(
      "CREATE INDEX notifications_escalation_pending ON notifications (entidad) WHERE escalation = 'pending'",
    );
    // Names this installation in every Message-ID: two installations never send the same one.
    await runner.query(`
      CREATE TABLE installation (
        id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        single     boolean     NOT NULL DEFAULT true UNIQUE CHECK (single)
      )`);
    await runner.query('INSERT INTO installation DEFAULT VALUES');
    await runner.query(`
      CREATE FUNCTION notifications_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('notifications_outbox', '');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER notifications_outbox_inserted AFTER INSERT ON notifications
        FOR EACH STATEMENT EXECUTE FUNCTION notifications_outbox_notify()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER notifications_outbox_inserted ON notifications');
    await runner.query('DROP FUNCTION notifications_outbox_notify()');
    await runner.query('DROP TABLE installation');
    await runner.query('DROP INDEX notifications_escalation_id');
    await runner.query("DELETE FROM notifications WHERE status = 'withdrawn'");
    await runner.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_status_check,
        ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'undeliverable'))`);
    await runner.query('DROP INDEX notifications_escalation_pending');
    await runner.query('DROP INDEX notifications_due');
    await runner.query('ALTER TABLE notifications DROP COLUMN escalation_id, DROP COLUMN escalation, DROP COLUMN next_attempt_at');
  }
}
