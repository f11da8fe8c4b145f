import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ExercisesView1763780100000 implements MigrationInterface {
  name = 'ExercisesView1763780100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE exercises (
        id                 text PRIMARY KEY,
        entidad            char(2)     NOT NULL,
        number             integer     NOT NULL,
        status             text        NOT NULL CHECK (status IN ('open', 'closed')),
        current_step       smallint    NOT NULL,
        current_stage      smallint    NOT NULL,
        started_on         date        NOT NULL,
        last_progress_on   date        NOT NULL,
        pal_launched_on    date,
        monitoring_due_on  date,
        evaluation_due_on  date,
        closed_on          date,
        open_escalations   integer     NOT NULL DEFAULT 0,
        summary            jsonb       NOT NULL,
        updated_at         timestamptz NOT NULL,
        CONSTRAINT exercises_entidad_number UNIQUE (entidad, number)
      )`);
    await runner.query('CREATE INDEX exercises_status_entidad ON exercises (status, entidad)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE exercises');
  }
}
