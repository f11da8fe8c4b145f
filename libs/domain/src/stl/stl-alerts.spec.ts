import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { isDomainError } from '../shared/domain-error';
import { addDays } from '../shared/local-date';
import { stlDeciderWith } from './stl-decider';
import { stlDeadlines } from './stl-deadlines';
import { type StlEvent } from './stl-events';
import { type RegisteredStl } from './stl-state';
import {
  command,
  decideOn,
  edomexInstalled,
  fire,
  fired,
  given,
  ids,
  INSTALLED_ON,
  jaliscoSinFacilitador,
  on,
  stateOf,
} from './testing/stl-fixtures';

describe('FireDeadline: due deadlines become ReminderDue or EscalationRaised, exactly once', () => {
  it('refuses a deadline that is not due yet, naming its instant', () => {
    const error = given(jaliscoSinFacilitador)
      .when(fire('facilitador-vacante:2026-09-01:recordatorio', '2026-09-16T14:59:59.999Z'))
      .then('DEADLINE_NOT_DUE');
    expect(error).toMatchObject({ category: 'conflict', details: { dueAt: '2026-09-16T15:00:00.000Z' } });
  });

  it('sends the vacancy reminder to the garante at 15 days, then never lists it again', () => {
    const after = given(jaliscoSinFacilitador)
      .when(fire('facilitador-vacante:2026-09-01:recordatorio', '2026-09-16T15:00:00.000Z'))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'facilitador-vacante:2026-09-01:recordatorio',
            kind: 'vacancy_reminder',
            audience: ['garante'],
            dueOn: '2026-09-16',
            message:
              'El puesto de facilitador del STL de Jalisco está vacante desde el martes 1 de septiembre de 2026: ' +
              'nombre a un facilitador, preferentemente de la academia o de la sociedad civil.',
          },
        },
      ]);
    expect(stlDeadlines(after, DEFAULT_DEADLINE_POLICY).map((deadline) => deadline.id)).not.toContain(
      'facilitador-vacante:2026-09-01:recordatorio',
    );
    const again = fired(
      jaliscoSinFacilitador,
      'facilitador-vacante:2026-09-01:recordatorio',
      '2026-09-16T15:00:00.000Z',
    );
    given(again)
      .when(fire('facilitador-vacante:2026-09-01:recordatorio', '2026-09-17T15:00:00.000Z'))
      .then('DEADLINE_NOT_FOUND');
  });

  it('escalates to the enlace at 30 days, then weekly while vacant', () => {
    const id = 'facilitador-vacante:2026-09-01:escalamiento:2026-10-01';
    given(jaliscoSinFacilitador)
      .when(fire(id, '2026-10-01T15:00:00.000Z'))
      .then([
        {
          type: 'EscalationRaised',
          data: {
            deadlineId: id,
            audience: ['enlace'],
            escalation: {
              id,
              kind: 'vacancy_escalation',
              level: 'enlace',
              raisedAt: '2026-10-01T15:00:00.000Z',
              reason:
                'El puesto de facilitador del STL de Jalisco sigue vacante desde el martes 1 de septiembre de 2026 (30 días).',
              status: 'abierta',
            },
          },
        },
      ]);
    const afterFirst = fired(jaliscoSinFacilitador, id, '2026-10-01T15:00:00.000Z');
    expect(ids(afterFirst)).toContain('facilitador-vacante:2026-09-01:escalamiento:2026-10-08');
    expect(ids(afterFirst)).not.toContain(id);
    const afterSecond = fired(
      afterFirst,
      'facilitador-vacante:2026-09-01:escalamiento:2026-10-08',
      '2026-10-08T15:00:00.000Z',
    );
    expect(ids(afterSecond)).toContain('facilitador-vacante:2026-09-01:escalamiento:2026-10-15');
  });

  it('a vacancy escalation fired late states the days really elapsed when it is raised, not the policy\'s 30', () => {
    const late = fired(
      jaliscoSinFacilitador,
      'facilitador-vacante:2026-09-01:escalamiento:2026-10-01',
      '2026-12-02T18:00:00.000Z',
    );
    const [escalation] = late.flatMap((event) => (event.type === 'EscalationRaised' ? [event.data.escalation] : []));
    expect(escalation.reason).toBe(
      'El puesto de facilitador del STL de Jalisco sigue vacante desde el martes 1 de septiembre de 2026 (92 días).',
    );
  });

  it('does not send the missed weeks in a burst after a late firing: the next one follows the day it fired', () => {
    const late = fired(
      jaliscoSinFacilitador,
      'facilitador-vacante:2026-09-01:escalamiento:2026-10-01',
      '2026-10-20T18:00:00.000Z',
    );
    expect(ids(late)).toContain('facilitador-vacante:2026-09-01:escalamiento:2026-10-22');
  });

  it('a simulated worker firing every due deadline daily for four months sends each id once', () => {
    let events: StlEvent[] = [...jaliscoSinFacilitador];
    const sent: string[] = [];
    for (let day = 0; day <= 120; day += 1) {
      const now = on(addDays(INSTALLED_ON, day), 12);
      for (const deadline of stlDeadlines(stateOf(events), DEFAULT_DEADLINE_POLICY).filter((candidate) => candidate.dueAt <= now)) {
        const decision = given(events).when(fire(deadline.id, now)).decision;
        if (isDomainError(decision)) throw new Error(decision.code);
        events = [...events, ...decision];
        sent.push(deadline.id);
      }
    }
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.filter((id) => id.includes(':escalamiento:'))).toHaveLength(13); // Oct 1, 8, … Dec 24: weekly up to day 120 (Dec 30)
    expect(sent.filter((id) => id.startsWith('cadencia:'))).toEqual([
      'cadencia:2026-09-01:recordatorio',
      'cadencia:2026-09-01:escalamiento',
    ]);
  });

  it('uses the policy of the decider that fires', () => {
    const early = stlDeciderWith({ ...DEFAULT_DEADLINE_POLICY, vacancyReminderDays: 1 });
    const decision = early.decide(
      fire('facilitador-vacante:2026-09-01:recordatorio', '2026-09-02T15:00:00.000Z'),
      stateOf(jaliscoSinFacilitador),
    );
    expect(decision).toEqual([
      expect.objectContaining({ type: 'ReminderDue', data: expect.objectContaining({ dueOn: '2026-09-02' }) }),
    ]);
  });
});

describe('AcknowledgeEscalation and ResolveEscalation', () => {
  const escalationId = 'cadencia:2026-09-01:escalamiento';
  const escalated = fired(edomexInstalled, escalationId, '2026-11-01T15:00:00.000Z');
  const acknowledge = (by?: string) =>
    command('AcknowledgeEscalation', by === undefined ? { escalationId } : { escalationId, by });
  const resolveIt = (resolution = 'Se acordó fecha con el garante') =>
    command('ResolveEscalation', { escalationId, resolution });

  it('acknowledges an open escalation (by the actor when not named), once', () => {
    const state = given(escalated)
      .when(acknowledge())
      .then([
        {
          type: 'EscalationAcknowledged',
          data: { escalationId, by: 'coordinador@inai.org.mx', at: '2026-11-23T16:00:00.000Z' },
        },
      ]) as RegisteredStl;
    expect(state.escalations[0]).toMatchObject({ status: 'reconocida', acknowledgedBy: 'coordinador@inai.org.mx' });
    given([...escalated, ...decideOn(escalated, [acknowledge('enlace@inai.org.mx')])])
      .when(acknowledge())
      .then([]);
  });

  it('resolves an escalation with a resolution', () => {
    given(escalated)
      .when(resolveIt(' Se acordó fecha con el garante '))
      .then([
        {
          type: 'EscalationResolved',
          data: {
            escalationId,
            at: '2026-11-23T16:00:00.000Z',
            resolution: 'Se acordó fecha con el garante',
            by: 'coordinador@inai.org.mx',
          },
        },
      ]);
  });

  it('refuses unknown or resolved escalations, a blank resolution, and an acknowledgement by nobody', () => {
    given(escalated)
      .when(command('AcknowledgeEscalation', { escalationId: 'x' }))
      .then('ESCALATION_NOT_FOUND');
    const resolved = [...escalated, ...decideOn(escalated, [resolveIt()])];
    given(resolved).when(acknowledge()).then('ESCALATION_ALREADY_RESOLVED');
    given(resolved).when(resolveIt()).then('ESCALATION_ALREADY_RESOLVED');
    given(escalated).when(resolveIt(' ')).then('FIELD_REQUIRED');
    const anonymous = {
      type: 'ResolveEscalation' as const,
      data: { escalationId, resolution: 'Atendida' },
      metadata: { now: '2026-11-23T16:00:00.000Z' },
    };
    expect(given(escalated).when(anonymous).decision).toEqual([
      { type: 'EscalationResolved', data: { escalationId, at: '2026-11-23T16:00:00.000Z', resolution: 'Atendida' } },
    ]);
    const nobody = {
      type: 'AcknowledgeEscalation' as const,
      data: { escalationId },
      metadata: { now: '2026-11-23T16:00:00.000Z' },
    };
    given(escalated).when(nobody).then('FIELD_REQUIRED');
  });
});
