import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Read model of STLs, their members and sessions, every escalation and every PAL commitment. */
export class StlAndSharedViews1763780200000 implements MigrationInterface {
  name = 'StlAndSharedViews1763780200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE stls (
        entidad              char(2) PRIMARY KEY,
        status               text        NOT NULL CHECK (status IN ('en_integracion', 'instalado')),
        decision_rule        text        NOT NULL,
        installed_on         date,
        facilitador_vacante  boolean     NOT NULL,
        vacant_since         date,
        last_session_on      date,
        next_session_due_on  date,
        open_escalations     integer     NOT NULL DEFAULT 0,
        summary              jsonb       NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE stl_members (
        entidad       char(2) NOT NULL,
        member_id     text    NOT NULL,
        sector        text    NOT NULL,
        role          text    NOT NULL,
        nombre        text    NOT NULL,
        organizacion  text    NOT NULL,
        cargo         text,
        email         text,
        seat_id       text,
        has_vote      boolean NOT NULL,
        joined_on     date    NOT NULL,
        PRIMARY KEY (entidad, member_id)
      )`);
    await runner.query(`
      CREATE TABLE stl_sessions (
        entidad          char(2) NOT NULL,
        session_id       text    NOT NULL,
        date             date    NOT NULL,
        kind             text    NOT NULL,
        status           text    NOT NULL,
        convoked_on      date    NOT NULL,
        notice_deadline  date    NOT NULL,
        agenda           jsonb   NOT NULL,
        place            text,
        link             text,
        quorum           boolean,
        attendance       jsonb,
        decisions        jsonb   NOT NULL,
        minutes          jsonb,
        cancellation     jsonb,
        PRIMARY KEY (entidad, session_id)
      )`);
    await runner.query('CREATE INDEX stl_sessions_date ON stl_sessions (entidad, date)');
    await runner.query(`
      CREATE TABLE escalations (
        id               text PRIMARY KEY,
        stream_id        text        NOT NULL,
        escalation_id    text        NOT NULL,
        entidad          char(2)     NOT NULL,
        kind             text        NOT NULL,
        level            text        NOT NULL,
        status           text        NOT NULL,
        reason           text        NOT NULL,
        raised_at        timestamptz NOT NULL,
        acknowledged_by  text,
        acknowledged_at  timestamptz,
        resolved_at      timestamptz,
        resolution       text
      )`);
    await runner.query('CREATE INDEX escalations_status_entidad ON escalations (status, entidad)');
    await runner.query(`
      CREATE TABLE commitments (
        exercise_id    text    NOT NULL,
        commitment_id  text    NOT NULL,
        entidad        char(2) NOT NULL,
        title          text    NOT NULL,
        kind           text    NOT NULL,
        completion     text    NOT NULL,
        reported_on    date,
        launched       boolean NOT NULL,
        data           jsonb   NOT NULL,
        PRIMARY KEY (exercise_id, commitment_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['commitments', 'escalations', 'stl_sessions', 'stl_members', 'stls']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
