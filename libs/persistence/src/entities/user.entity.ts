import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who may use the API. `coordinador` sees and commands every state; `enlace` the states assigned to it;
 * `garante` and `facilitador` their own state; `integrante` reads its own state only.
 */
export const USER_ROLES = ['coordinador', 'enlace', 'garante', 'facilitador', 'integrante'] as const;

export type UserRole = (typeof USER_ROLES)[number];

/** A person's account. The rules of who may do what are in the API (apps/api/src/auth/entidad-access.ts). */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower case, unique: what people type to sign in (`garante-14`). */
  @Column({ type: 'text', unique: true })
  username!: string;

  /** bcrypt hash (`$2b$…`), never the password; null until an invited person sets one from the link. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  role!: UserRole;

  /** INEGI codes ("01".."32") of the states the account works in; empty for `coordinador` (all of them). */
  @Column({ type: 'text', array: true })
  entidades!: string[];

  @Column({ type: 'text' })
  nombre!: string;

  /** Where reminders and escalations reach the person; optional. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Carried by every token as `ver`: raising it (logout, deactivation, new role or states, new password) revokes them all. */
  @Column({ name: 'session_version', type: 'integer', default: 0 })
  sessionVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
