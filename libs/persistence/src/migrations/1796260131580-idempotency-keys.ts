import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class IdempotencyKeys1796260131580 implements MigrationInterface {
  name = 'IdempotencyKeys1796260131580';

  async up(runner: QueryRunner): Promise<void> {
    // The key's syntax is checked here too (1–255 visible ASCII characters), and an answer is kept only with its status.
    await runner.query(`
      CREATE TABLE idempotency_keys (
        account          text        NOT NULL,
        key              text        NOT NULL CHECK (key ~ '^[\\x21-\\x7e]{1,255}$'),
        fingerprint      text        NOT NULL,
        method           text        NOT NULL,
        path             text        NOT NULL,
        update_id        text        NOT NULL,
        choices          jsonb       NOT NULL DEFAULT '{}',
        status           text        NOT NULL CHECK (status IN ('in_progress', 'completed')),
        lease_token      uuid,
        locked_until     timestamptz,
        response_status  integer,
        response_body    text,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        expires_at       timestamptz NOT NULL,
        PRIMARY KEY (account, key),
        CONSTRAINT idempotency_keys_answer CHECK ((status = 'completed') = (response_status IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}
