import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { convocationForecast } from './convocation-forecast';
import { plannedDeadlines, stlDeadlines } from './stl-deadlines';
import { type StlEvent } from './stl-events';
import { type RegisteredStl } from './stl-state';
import { command, decideOn, edomexInstalled, given, NOW, on, stateOf } from './testing/stl-fixtures';

/** Estado de México's STL with the session of Thursday 10 December 2026 convened on Monday 23 November. */
const convened: StlEvent[] = [
  ...edomexInstalled,
  ...decideOn(edomexInstalled, [
    command('ConveneSession', { sessionId: 's1', date: '2026-12-10', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['Seguimiento del PAL'] }),
  ]),
];

const answer = (memberId: string, answer: 'asistire' | 'no_asistire', now = NOW) =>
  command('AnswerConvocation', { sessionId: 's1', memberId, answer }, now);

const answered = (...answers: [string, 'asistire' | 'no_asistire'][]) => [
  ...convened,
  ...decideOn(convened, answers.map(([memberId, value]) => answer(memberId, value))),
];

const everyone = ['gob-1', 'sup-gob-1', 'enl-gob-1', 'gob-2', 'sc-1', 'sup-sc-1', 'sc-2', 'gar-1', 'sup-gar-1', 'inv-1', 'fac-1'];

const confirmationDeadlines = (events: readonly StlEvent[]) =>
  stlDeadlines(stateOf(events), DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'confirmation_reminder');

describe('AnswerConvocation: a convened person confirms or declines through the link', () => {
  it('records the answer with the moment it was given', () => {
    given(convened)
      .when(answer('sc-1', 'asistire'))
      .then([{ type: 'ConvocationAnswered', data: { sessionId: 's1', memberId: 'sc-1', answer: 'asistire', answeredAt: NOW } }]);
  });

  it('a second click with the same answer changes nothing; another answer replaces it', () => {
    const confirmed = answered(['sc-1', 'asistire']);

    given(confirmed).when(answer('sc-1', 'asistire')).then([]);
    const state = given(confirmed).when(answer('sc-1', 'no_asistire', on('2026-11-30'))).then([
      { type: 'ConvocationAnswered', data: { sessionId: 's1', memberId: 'sc-1', answer: 'no_asistire', answeredAt: on('2026-11-30') } },
    ]) as RegisteredStl;
    expect(state.sessions.s1.answers).toEqual({ 'sc-1': { answer: 'no_asistire', at: on('2026-11-30') } });
  });

  it('the facilitador, convened too, may answer; nobody outside the STL may', () => {
    given(convened).when(answer('fac-1', 'asistire')).then([
      { type: 'ConvocationAnswered', data: { sessionId: 's1', memberId: 'fac-1', answer: 'asistire', answeredAt: NOW } },
    ]);
    given(convened).when(answer('intruso', 'asistire')).then('NOT_CONVENED');
  });

  it('refuses an answer that is neither yes nor no, and a session that does not exist', () => {
    given(convened).when(command('AnswerConvocation', { sessionId: 's1', memberId: 'sc-1', answer: 'quizas' as never })).then('INVALID_ANSWER');
    given(convened).when(command('AnswerConvocation', { sessionId: 'otra', memberId: 'sc-1', answer: 'asistire' })).then('SESSION_NOT_FOUND');
  });

  it('closes after the session’s day and once the session is cancelled', () => {
    given(convened).when(answer('sc-1', 'asistire', on('2026-12-10', 8))).then([
      { type: 'ConvocationAnswered', data: { sessionId: 's1', memberId: 'sc-1', answer: 'asistire', answeredAt: on('2026-12-10', 8) } },
    ]);
    expect(given(convened).when(answer('sc-1', 'asistire', on('2026-12-11'))).then('CONVOCATION_CLOSED').category).toBe('conflict');

    const cancelled = [...convened, ...decideOn(convened, [command('CancelSession', { sessionId: 's1', reason: 'Sin sede' })])];
    given(cancelled).when(answer('sc-1', 'asistire')).then('CONVOCATION_CLOSED');
  });
});

describe('convocationForecast: the quorum the confirmed would make, under the STL’s rule', () => {
  it('counts each seat once, whoever of it confirmed, and needs civil society', () => {
    const state = stateOf(answered(['gob-1', 'asistire'], ['sup-sc-1', 'asistire'], ['gar-1', 'asistire'], ['gob-2', 'no_asistire'])) as RegisteredStl;

    const forecast = convocationForecast(state, state.sessions.s1);

    expect(forecast.confirmed).toEqual(['gob-1', 'sup-sc-1', 'gar-1']);
    expect(forecast.declined).toEqual(['gob-2']);
    expect(forecast.unanswered).toHaveLength(everyone.length - 4);
    expect(forecast.quorum).toMatchObject({ seatsPresent: 3, seatsActive: 5, civilSocietyPresent: true, quorum: true });
  });

  it('a majority without civil society is no quorum, and says why', () => {
    const state = stateOf(answered(['gob-1', 'asistire'], ['gob-2', 'asistire'], ['gar-1', 'asistire'])) as RegisteredStl;

    expect(convocationForecast(state, state.sessions.s1).quorum).toMatchObject({ quorum: false, code: 'NO_CIVIL_SOCIETY_PRESENT' });
  });
});

describe('the confirmation reminder: three business days before, to those who have not answered', () => {
  it('falls due on the third business day before the session, at the policy’s hour', () => {
    expect(confirmationDeadlines(convened)).toEqual([
      {
        id: 'sesion:s1:2026-12-10:confirmacion',
        kind: 'confirmation_reminder',
        dueOn: '2026-12-07',
        dueAt: '2026-12-07T15:00:00.000Z',
        audience: ['integrantes', 'facilitador'],
      },
    ]);
  });

  it('counts business days on the STL’s calendar: a weekend in between is skipped', () => {
    const tuesday = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command('ConveneSession', { sessionId: 's2', date: '2026-12-15', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['PAL'] }),
      ]),
    ];
    expect(confirmationDeadlines(tuesday).map((deadline) => deadline.dueOn)).toEqual(['2026-12-10']);
  });

  it('is gone once everyone convened has answered', () => {
    expect(confirmationDeadlines(answered(...everyone.slice(1).map((id): [string, 'asistire'] => [id, 'asistire'])))).toHaveLength(1);
    expect(confirmationDeadlines(answered(...everyone.map((id): [string, 'asistire'] => [id, 'asistire'])))).toEqual([]);
  });

  it('is never listed for a cancelled session nor for a convocation recorded as history', () => {
    const cancelled = [...convened, ...decideOn(convened, [command('CancelSession', { sessionId: 's1', reason: 'Sin sede' })])];
    expect(confirmationDeadlines(cancelled)).toEqual([]);

    const historical = [
      ...edomexInstalled,
      ...decideOn(edomexInstalled, [
        command('ConveneSession', {
          sessionId: 'h1',
          date: '2026-12-10',
          kind: 'ordinaria',
          convokedOn: '2026-11-02',
          agenda: ['PAL'],
          historical: { justification: 'Convocada por oficio antes de usar el sistema' },
        }),
      ]),
    ];
    expect(confirmationDeadlines(historical)).toEqual([]);
  });

  it('a session moved to another day has a new reminder; the old one is never listed again', () => {
    const moved = [...convened, ...decideOn(convened, [command('RescheduleSession', { sessionId: 's1', date: '2026-12-17', reason: 'Sala ocupada' })])];

    expect(confirmationDeadlines(moved).map((deadline) => [deadline.id, deadline.dueOn])).toEqual([['sesion:s1:2026-12-17:confirmacion', '2026-12-14']]);
  });

  it('fires as a reminder naming the session', () => {
    const state = stateOf(convened) as RegisteredStl;
    const planned = plannedDeadlines(state, DEFAULT_DEADLINE_POLICY).find((candidate) => candidate.deadline.kind === 'confirmation_reminder')!;

    given(convened)
      .when(command('FireDeadline', { deadlineId: planned.deadline.id }, planned.deadline.dueAt))
      .then([
        {
          type: 'ReminderDue',
          data: {
            deadlineId: 'sesion:s1:2026-12-10:confirmacion',
            kind: 'confirmation_reminder',
            audience: ['integrantes', 'facilitador'],
            dueOn: '2026-12-07',
            message: 'Sesión ordinaria del STL el jueves 10 de diciembre de 2026: confirme o decline su asistencia con el enlace personal de su convocatoria.',
          },
        },
      ]);
  });
});
