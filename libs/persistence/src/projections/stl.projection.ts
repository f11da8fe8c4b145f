import { canVote, noticeDeadline, sessionList, stlCalendar, type StlState, stlSummary } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { StlMemberView, StlSessionView, StlView } from '../entities/stl-views.entity';
import { projectEscalations } from './escalations.projection';

type RegisteredStl = Exclude<StlState, { status: 'unregistered' }>;

function memberRows(state: RegisteredStl): StlMemberView[] {
  return Object.values(state.members).map((member) =>
    Object.assign(new StlMemberView(), {
      entidad: state.entidad,
      memberId: member.memberId,
      sector: member.sector,
      role: member.role,
      nombre: member.nombre,
      organizacion: member.organizacion,
      cargo: member.cargo ?? null,
      email: member.email ?? null,
      seatId: member.seatId ?? null,
      hasVote: canVote(member),
      joinedOn: member.joinedOn,
    }),
  );
}

function sessionRows(state: RegisteredStl): StlSessionView[] {
  const calendar = stlCalendar(state);
  return sessionList(state).map((session) =>
    Object.assign(new StlSessionView(), {
      entidad: state.entidad,
      sessionId: session.sessionId,
      date: session.date,
      kind: session.kind,
      status: session.status,
      convokedOn: session.convokedOn,
      noticeDeadline: noticeDeadline(session.date, calendar),
      agenda: session.agenda,
      place: session.place ?? null,
      link: session.link ?? null,
      quorum: session.attendance ? session.attendance.quorum : null,
      attendance: session.attendance ?? null,
      decisions: session.decisions,
      minutes: session.minutes ?? null,
      cancellation: session.cancellation ?? null,
    }),
  );
}

/** The STL's rows (summary, members, sessions, escalations) as functions of its folded state. */
export async function projectStl(manager: EntityManager, streamId: string, state: StlState, at: Date): Promise<void> {
  const summary = stlSummary(state);
  if (!summary || state.status === 'unregistered') return;
  await manager.upsert(
    StlView,
    Object.assign(new StlView(), {
      entidad: summary.entidad,
      status: summary.status,
      decisionRule: summary.decisionRule,
      installedOn: summary.installedOn ?? null,
      facilitadorVacante: summary.facilitadorVacante,
      vacantSince: summary.vacantSince ?? null,
      lastSessionOn: summary.lastSessionOn ?? null,
      nextSessionDueOn: summary.nextSessionDueOn ?? null,
      openEscalations: summary.openEscalations,
      summary,
      updatedAt: at,
    }),
    ['entidad'],
  );
  await manager.delete(StlMemberView, { entidad: state.entidad });
  const members = memberRows(state);
  if (members.length > 0) await manager.insert(StlMemberView, members);
  await manager.delete(StlSessionView, { entidad: state.entidad });
  const sessions = sessionRows(state);
  if (sessions.length > 0) await manager.insert(StlSessionView, sessions);
  await projectEscalations(manager, streamId, state.entidad, state.escalations);
}
