import { User, type UserRole } from '@app/persistence';
import { type DataSource, type EntityManager } from 'typeorm';
import { type EntidadScope } from '../auth/entidad-access';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { ApiProblem, notFound } from '../errors/api-problem';
import { type AccountAction, audit, type AuditEntry, auditTrail } from './account-audit';
import { accountProblems, canManage, type FieldProblem, passwordProblem, USERNAME_PATTERN } from './account-rules';
import { consumePasswordLink, createPasswordLink, type PasswordLinkPurpose } from './password-links';

/** Who changes an account: a signed-in person, or the operator at the command line (`cli:<user>`). */
export interface Actor extends EntidadScope {
  readonly username: string;
}

export interface AccountView {
  readonly username: string;
  readonly role: UserRole;
  readonly entidades: string[];
  readonly nombre: string;
  readonly email: string | null;
  readonly active: boolean;
  /** Whether its owner has set a password yet (an invitation not yet accepted has none). */
  readonly hasPassword: boolean;
}

export interface NewAccount {
  readonly username: string;
  readonly role: UserRole;
  readonly nombre: string;
  readonly email?: string | null;
  readonly entidades?: readonly string[];
}

export type AccountChanges = Partial<Pick<AccountView, 'nombre' | 'email' | 'role' | 'entidades' | 'active'>>;

export const view = (user: User): AccountView => ({
  username: user.username,
  role: user.role,
  entidades: [...user.entidades],
  nombre: user.nombre,
  email: user.email,
  active: user.active,
  hasPassword: user.passwordHash !== null,
});

/** The API's 400 shape: a Spanish message and `errors: [{ field, message }]`. */
const invalid = (errors: readonly FieldProblem[]) =>
  new ApiProblem(400, 'VALIDATION_FAILED', `Datos inválidos. ${errors.map((error) => `${error.field}: ${error.message}`).join(' ')}`, { errors });
const forbiddenAccount = () =>
  new ApiProblem(403, 'FORBIDDEN_ACCOUNT', 'Su cuenta no puede administrar esa cuenta (un enlace administra garantes, facilitadores e integrantes de sus entidades).');
const accountNotFound = (username: string) => notFound('ACCOUNT_NOT_FOUND', `No existe la cuenta «${username}».`);
const ownAccount = () =>
  new ApiProblem(403, 'FORBIDDEN_OWN_ACCOUNT', 'No puede desactivar su propia cuenta ni cambiar su rol o sus entidades; pídalo a otra persona de la coordinación.');
export const invalidPasswordLink = () =>
  new ApiProblem(400, 'PASSWORD_LINK_INVALID', 'El enlace para definir la contraseña no es válido, ya se usó o venció; solicite otro.');

/** A new password ends every session of the account, the one that changed it included. */
async function storePassword(manager: EntityManager, user: User, passwordHash: string, action: AccountAction): Promise<AccountView> {
  await manager.getRepository(User).update({ id: user.id }, { passwordHash, sessionVersion: () => 'session_version + 1' });
  await audit(manager, { actor: user.username, username: user.username, action });
  return view(Object.assign(user, { passwordHash }));
}

/** Every change of the sessions' reach: older tokens stop working at once (they carry the old version). */
const REVOKING: readonly (keyof AccountChanges)[] = ['role', 'entidades', 'active'];

/**
 * The use cases of accounts, shared by the HTTP API and `npm run users`: each change checks who may make it,
 * keeps the users table's rules, revokes sessions when their reach changes, and is audited in the same transaction.
 */
export class Accounts {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor): Promise<AccountView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
    return users.filter((user) => canManage(actor, user)).map(view);
  }

  async trail(actor: Actor): Promise<AuditEntry[]> {
    const usernames = actor.role === 'coordinador' ? 'all' : (await this.list(actor)).map((account) => account.username);
    return auditTrail(this.dataSource.manager, usernames);
  }

  /** A new account without a password, and the one-time token of its invitation link. */
  async create(actor: Actor, input: NewAccount): Promise<{ account: AccountView; token: string }> {
    const account = { username: input.username.trim().toLowerCase(), role: input.role, entidades: [...(input.entidades ?? [])] };
    const problems = accountProblems(account);
    if (problems.length > 0) throw invalid(problems);
    if (!canManage(actor, account)) throw forbiddenAccount();
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      if (await users.existsBy({ username: account.username })) {
        throw new ApiProblem(409, 'ACCOUNT_EXISTS', `Ya existe la cuenta «${account.username}».`);
      }
      const user = await users.save(users.create({ ...account, nombre: input.nombre, email: input.email ?? null, passwordHash: null }));
      await audit(manager, { actor: actor.username, username: user.username, action: 'created', details: { role: user.role, entidades: user.entidades } });
      return { account: view(user), token: await createPasswordLink(manager, user.id, 'invitation') };
    });
  }

  async update(actor: Actor, username: string, changes: AccountChanges): Promise<AccountView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.managed(manager, actor, username);
      const next = { username: user.username, role: changes.role ?? user.role, entidades: changes.entidades ?? user.entidades };
      const problems = accountProblems(next);
      if (problems.length > 0) throw invalid(problems);
      if (!canManage(actor, next)) throw forbiddenAccount();
      const changed = (Object.keys(changes) as (keyof AccountChanges)[]).filter(
        (key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(user[key]),
      );
      if (changed.length === 0) return view(user);
      // Nobody locks themselves out or widens their own reach: another coordinador (or the command line) does it.
      if (user.username === actor.username && changed.some((key) => REVOKING.includes(key))) throw ownAccount();
      const before = Object.fromEntries(changed.map((key) => [key, user[key]]));
      Object.assign(user, Object.fromEntries(changed.map((key) => [key, changes[key]])));
      if (changed.some((key) => REVOKING.includes(key))) user.sessionVersion += 1;
      await manager.getRepository(User).save(user);
      const action: AccountAction = changed.includes('active') ? (user.active ? 'activated' : 'deactivated') : 'updated';
      const after = Object.fromEntries(changed.map((key) => [key, user[key]]));
      await audit(manager, { actor: actor.username, username: user.username, action, details: { before, after } });
      return view(user);
    });
  }

  /** A reset link for a managed account; its current password keeps working until the link is used. */
  async passwordLink(actor: Actor, username: string, purpose: PasswordLinkPurpose = 'reset'): Promise<{ account: AccountView; token: string }> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.managed(manager, actor, username);
      await audit(manager, { actor: actor.username, username: user.username, action: 'password-link-sent', details: { purpose } });
      return { account: view(user), token: await createPasswordLink(manager, user.id, purpose) };
    });
  }

  /** The public side of a link: one use, before it expires; every session of the account ends. */
  async setPasswordFromLink(token: string, password: string): Promise<AccountView> {
    // One transaction: a refused password leaves the link usable, an accepted one uses it up.
    return this.dataSource.transaction(async (manager) => {
      const userId = await consumePasswordLink(manager, token);
      const user = userId ? await manager.getRepository(User).findOneBy({ id: userId, active: true }) : null;
      if (!user) throw invalidPasswordLink();
      const problem = passwordProblem(password, user.username);
      if (problem) throw invalid([{ field: 'password', message: problem }]);
      return storePassword(manager, user, await hashPassword(password), 'password-set');
    });
  }

  async changeOwnPassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    if (!(await verifyPassword(current, user.passwordHash))) {
      throw new ApiProblem(400, 'WRONG_PASSWORD', 'La contraseña actual no es correcta.');
    }
    const problem = passwordProblem(next, user.username);
    if (problem) throw invalid([{ field: 'new', message: problem }]);
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction((manager) => storePassword(manager, user, passwordHash, 'password-changed'));
  }

  async logout(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOneByOrFail({ id: userId });
      await manager.getRepository(User).increment({ id: userId }, 'sessionVersion', 1);
      await audit(manager, { actor: user.username, username: user.username, action: 'logged-out' });
    });
  }

  /** An active account by name, for the public reset form (undefined tells the caller nothing to send). */
  async activeByUsername(username: string): Promise<User | null> {
    const normalized = username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(normalized)) return null;
    return this.dataSource.getRepository(User).findOneBy({ username: normalized, active: true });
  }

  private async managed(manager: EntityManager, actor: Actor, username: string): Promise<User> {
    // No account has another shape, and PostgreSQL refuses some (a NUL): not worth a query.
    if (!USERNAME_PATTERN.test(username.trim().toLowerCase())) throw accountNotFound(username);
    const user = await manager.getRepository(User).findOne({ where: { username: username.trim().toLowerCase() }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw accountNotFound(username);
    if (!canManage(actor, user)) throw forbiddenAccount();
    return user;
  }
}
