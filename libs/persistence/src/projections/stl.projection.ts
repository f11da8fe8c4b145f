import { canVote, convocationForecast, type DeadlinePolicy, noticeDeadline, sessionList, stlCalendar, type StlState, stlSummary } from '@app/domain';
import { type EntityManager } from 'typeorm';
import { StlMemberView, StlSessionView, StlView } from '../entities/stl-views.entity';
import { projectEscalations } from './escalations.projection';
import { insertRows, upsertRow } from './rows';

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
      startTime: session.startTime ?? null,
      endTime: session.endTime ?? null,
      place: session.place ?? null,
      link: session.link ?? null,
      quorum: session.attendance ? session.attendance.quorum : null,
      attendance: session.attendance ?? null,
      decisions: session.decisions,
      minutes: session.minutes ?? null,
      cancellation: session.cancellation ?? null,
      historicalJustification: session.historical?.justification ?? null,
      reschedulings: session.reschedulings ?? [],
      forecast: session.status === 'convocada' && session.historical === undefined ? convocationForecast(state, session) : null,
    }),
  );
}

/** The STL's rows (summary, members, sessions, escalations) as functions of its folded state. */
export async function projectStl(
  manager: EntityManager,
  streamId: string,
  state: StlState,
  policy: DeadlinePolicy,
  at: Date,
): Promise<void> {
  const summary = stlSummary(state, policy);
  if (!summary || state.status === 'unregistered') return;
  const row: StlView = Object.assign(new StlView(), {
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
  });
  await upsertRow(manager, StlView, row, ['entidad']);
  await manager.delete(StlMemberView, { entidad: state.entidad });
  await insertRows(manager, StlMemberView, memberRows(state));
  await manager.delete(StlSessionView, { entidad: state.entidad });
  await insertRows(manager, StlSessionView, sessionRows(state));
  await projectEscalations(manager, streamId, state.entidad, state.escalations);
}
