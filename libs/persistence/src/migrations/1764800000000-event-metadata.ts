import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each event keeps the command that produced it (`metadata.commandId`: the Update id, hence the client's
 * Idempotency-Key) and the hash of its content, so a retried append is recognised by what it says, not by its type.
 * Events stored before this migration have empty metadata and no hash; readers compute the hash when they need it.
 */
export class EventMetadata1764800000000 implements MigrationInterface {
  name = 'EventMetadata1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE domain_events ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await runner.query('ALTER TABLE domain_events ADD COLUMN content_hash text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE domain_events DROP COLUMN content_hash');
    await runner.query('ALTER TABLE domain_events DROP COLUMN metadata');
  }
}
