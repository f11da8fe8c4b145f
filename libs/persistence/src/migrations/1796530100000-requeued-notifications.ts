import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An e-mail refused for good may be queued again once, after the operator fixed the cause (issue 22): when, and by
 * whom, so that the same row is never sent round again by a second click.
 */
export class RequeuedNotifications1796530100000 implements MigrationInterface {
  name = 'RequeuedNotifications1796530100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notifications ADD COLUMN requeued_at timestamptz, ADD COLUMN requeued_by text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notifications DROP COLUMN requeued_by, DROP COLUMN requeued_at');
  }
}
