import { type Entidad, type StlState, type StlSummary } from '@app/domain';
import { StlMemberView, StlView, User } from '@app/persistence';
import { type EntityManager } from 'typeorm';
import { type AppendedEvents } from '../plan/planned-notification';
import { type Directory, type Person, type StaffPerson, type StlMemberPerson } from './recipients';

/** INAI staff and the state's accounts (the `users` table): who is enlace of which state, who coordinates. */
export interface StaffDirectory {
  staffFor(manager: EntityManager, entidad: Entidad): Promise<StaffPerson[]>;
}

/** Active accounts that may be addressed about a state: the coordinación and those whose states include it. */
export class UsersStaffDirectory implements StaffDirectory {
  async staffFor(manager: EntityManager, entidad: Entidad): Promise<StaffPerson[]> {
    const users = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere("(u.role = 'coordinador' OR :entidad = ANY(u.entidades))", { entidad })
      .orderBy('u.username')
      .getMany();
    return users.map((user) => ({ id: user.id, nombre: user.nombre, email: user.email, role: user.role, entidades: user.entidades }));
  }
}

/**
 * Everyone who may receive the e-mails of one append, read inside its transaction. An STL's own events carry its
 * folded state (members and facilitador as of these events); an exercise reads its state's STL from the read model.
 */
export class RecipientDirectory {
  constructor(private readonly staff: StaffDirectory = new UsersStaffDirectory()) {}

  async forAppend(manager: EntityManager, appended: AppendedEvents, entidad: Entidad): Promise<Directory> {
    const stl = appended.aggregate === 'stl' ? stlPeopleOf(appended.state) : await stlPeopleIn(manager, entidad);
    return { entidad, ...stl, staff: await this.staff.staffFor(manager, entidad) };
  }
}

type StlPeople = Pick<Directory, 'members' | 'facilitador'>;

export function stlPeopleOf(state: StlState): StlPeople {
  if (state.status === 'unregistered') return { members: [], facilitador: null };
  const members = Object.values(state.members).map(
    (member): StlMemberPerson => ({
      id: member.memberId,
      nombre: member.nombre,
      email: member.email ?? null,
      sector: member.sector,
      role: member.role,
    }),
  );
  return { members, facilitador: facilitadorOf(state.facilitador) };
}

async function stlPeopleIn(manager: EntityManager, entidad: Entidad): Promise<StlPeople> {
  const [rows, stl] = await Promise.all([
    manager.find(StlMemberView, { where: { entidad }, order: { memberId: 'ASC' } }),
    manager.findOne(StlView, { where: { entidad } }),
  ]);
  const members = rows.map(
    (row): StlMemberPerson => ({ id: row.memberId, nombre: row.nombre, email: row.email, sector: row.sector, role: row.role }),
  );
  return { members, facilitador: facilitadorOf(stl?.summary.facilitador ?? null) };
}

function facilitadorOf(facilitador: StlSummary['facilitador']): Person | null {
  if (facilitador === null) return null;
  return { id: facilitador.facilitadorId, nombre: facilitador.nombre, email: facilitador.email ?? null };
}
