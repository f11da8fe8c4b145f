import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A convened session shows who confirmed or declined through their personal link and the quorum the confirmed
 * would make (issue 22, item 6). Rows written before are filled by the STL's next append or a projection rebuild.
 */
export class ConvocationForecast1796530000000 implements MigrationInterface {
  name = 'ConvocationForecast1796530000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions ADD COLUMN forecast jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE stl_sessions DROP COLUMN forecast');
  }
}
