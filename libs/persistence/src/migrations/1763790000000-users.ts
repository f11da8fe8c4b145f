import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Users1763790000000 implements MigrationInterface {
  name = 'Users1763790000000';

  async up(runner: QueryRunner): Promise<void> {
    // The roles and their reach are checked here too, so a hand-made row cannot widen anyone's access:
    // a coordinador has no list (all states), an enlace at least one state, everyone else exactly one.
    await runner.query(`
      CREATE TABLE users (
        id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        username       text        NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        password_hash  text        NOT NULL,
        role           text        NOT NULL
                                   CHECK (role IN ('coordinador', 'enlace', 'garante', 'facilitador', 'integrante')),
        entidades      text[]      NOT NULL DEFAULT '{}',
        nombre         text        NOT NULL,
        email          text,
        active         boolean     NOT NULL DEFAULT true,
        created_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username UNIQUE (username),
        CONSTRAINT users_entidades_codes CHECK (
          entidades <@ ARRAY['01','02','03','04','05','06','07','08','09','10','11','12','13','14','15','16',
                             '17','18','19','20','21','22','23','24','25','26','27','28','29','30','31','32']::text[]),
        CONSTRAINT users_entidades_by_role CHECK (
          CASE role
            WHEN 'coordinador' THEN cardinality(entidades) = 0
            WHEN 'enlace' THEN cardinality(entidades) >= 1
            ELSE cardinality(entidades) = 1
          END)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE users');
  }
}
