import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A convocation recorded after it was issued carries its justification, and a session moved to another day its
 * earlier dates, both shown with the session (issue 22).
 */
export class HistoricalConvocations1796300000000 implements MigrationInterface {
  name = 'HistoricalConvocations1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions ADD COLUMN historical_justification text');
    await runner.query(`ALTER TABLE stl_sessions ADD COLUMN reschedulings jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions DROP COLUMN reschedulings');
    await runner.query('ALTER TABLE stl_sessions DROP COLUMN historical_justification');
  }
}
