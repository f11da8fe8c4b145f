import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Accounts that people manage (issue 14): an invited account has no password until its owner sets one, a
 * session version that revokes every older token at once on every API instance, one-time password links
 * (only their SHA-256 is stored) and the audit of every account change.
 */
export class Accounts1763800500000 implements MigrationInterface {
  name = 'Accounts1763800500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL');
    await runner.query('ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0');
    await runner.query(`
      CREATE TABLE password_links (
        token_hash  text        PRIMARY KEY,
        user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose     text        NOT NULL CHECK (purpose IN ('invitation', 'reset')),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX password_links_user ON password_links (user_id)');
    await runner.query(`
      CREATE TABLE account_audit (
        id        bigserial   PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT now(),
        actor     text        NOT NULL,
        username  text        NOT NULL,
        action    text        NOT NULL,
        details   jsonb       NOT NULL DEFAULT '{}'
      )`);
    await runner.query('CREATE INDEX account_audit_at ON account_audit (at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE account_audit');
    await runner.query('DROP TABLE password_links');
    await runner.query('ALTER TABLE users DROP COLUMN session_version');
    await runner.query("UPDATE users SET password_hash = '!' WHERE password_hash IS NULL");
    await runner.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
  }
}
