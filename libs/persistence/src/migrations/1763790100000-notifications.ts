import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The notifications outbox: one row per e-mail to one person, created in the transaction that stores the events
 * it announces. Not a projection: rebuilding the read model never touches it (the mails went out once).
 */
export class Notifications1763790100000 implements MigrationInterface {
  name = 'Notifications1763790100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notifications (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key  text        NOT NULL,
        stream_id        text        NOT NULL,
        seq              integer     NOT NULL,
        entidad          char(2)     NOT NULL,
        kind             text        NOT NULL,
        audience         text        NOT NULL,
        recipient_name   text        NOT NULL,
        recipient_email  text,
        subject          text        NOT NULL,
        body_text        text        NOT NULL,
        body_html        text        NOT NULL,
        attachments      jsonb       NOT NULL DEFAULT '[]',
        status           text        NOT NULL CHECK (status IN ('pending', 'sent', 'undeliverable')),
        attempts         integer     NOT NULL DEFAULT 0,
        last_error       text,
        last_attempt_at  timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        sent_at          timestamptz,
        CONSTRAINT notifications_idempotency_key UNIQUE (idempotency_key),
        CONSTRAINT notifications_address CHECK (status = 'undeliverable' OR recipient_email IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX notifications_stream_seq ON notifications (stream_id, seq)');
    await runner.query('CREATE INDEX notifications_entidad_status ON notifications (entidad, status, created_at)');
    await runner.query('CREATE INDEX notifications_status_created ON notifications (status, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notifications');
  }
}
