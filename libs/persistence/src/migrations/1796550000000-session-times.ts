import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** A session's start and end, HH:MM Mexico City, when its convocation states them (issue 17); null: all-day. */
export class SessionTimes1796550000000 implements MigrationInterface {
  name = 'SessionTimes1796550000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions ADD COLUMN start_time text');
    await runner.query('ALTER TABLE stl_sessions ADD COLUMN end_time text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions DROP COLUMN end_time');
    await runner.query('ALTER TABLE stl_sessions DROP COLUMN start_time');
  }
}
