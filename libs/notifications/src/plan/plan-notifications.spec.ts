import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines, type RegisteredStl, stlDeadlines } from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { at, exerciseFrom, FACILITADORA, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { planNotifications } from './plan-notifications';

const vacate = { vacatedOn: '2026-11-02', reason: 'Renunció por cambio de residencia' };

describe('planNotifications: which e-mail each event calls for, to whom', () => {
  describe('STL', () => {
    it('a vacated facilitador is flagged at once to the garante and the enlace, with the day it escalates', () => {
      const story = jaliscoInstalado();
      const appended = story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));

      const plan = planNotifications(appended);

      expect(plan).toEqual([
        {
          ref: `FacilitadorVacated@${appended.firstSeq}`,
          seq: appended.firstSeq,
          audience: ['garante', 'enlace'],
          attendees: null,
          content: {
            kind: 'facilitador_vacant',
            entidad: '14',
            vacantSince: '2026-11-02',
            escalatesOn: '2026-12-02',
            reason: 'Renunció por cambio de residencia',
            followUp: false,
          },
        },
      ]);
    });

    it('announces the dates of the deployment’s policy, the one the workflow runs with', () => {
      const story = jaliscoInstalado();
      const appended = story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));
      const policy = { ...DEFAULT_DEADLINE_POLICY, vacancyEscalationDays: 20 };

      expect(planNotifications({ ...appended, policy })[0].content).toMatchObject({ escalatesOn: '2026-11-22' });
    });

    it('the vacancy reminder goes to the garante, and its escalation to the enlace with the next weekly date', () => {
      const story = jaliscoInstalado();
      story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));

      const [reminder] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'vacancy_reminder'));
      const [escalation] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'vacancy_escalation'));

      expect(reminder).toMatchObject({
        ref: 'facilitador-vacante:2026-11-02:recordatorio',
        audience: ['garante'],
        content: { kind: 'facilitador_vacant', followUp: true, vacantSince: '2026-11-02', escalatesOn: '2026-12-02' },
      });
      expect(escalation).toMatchObject({
        ref: 'facilitador-vacante:2026-11-02:escalamiento:2026-12-02',
        audience: ['enlace'],
        content: { kind: 'escalation_enlace', topic: 'facilitador vacante', raisedOn: '2026-12-02', nextOn: '2026-12-09' },
      });
    });

    it('a convened session goes to every member and the facilitador, with what the .ics needs', () => {
      const story = jaliscoInstalado();
      const appended = story.run(
        {
          type: 'ConveneSession',
          data: {
            sessionId: 'ordinaria-2026-12',
            date: '2026-12-08',
            kind: 'ordinaria',
            convokedOn: '2026-11-23',
            agenda: ['Lista de asistencia', 'Avance del PAL'],
            place: 'Sala del ITEI, Guadalajara',
          },
        },
        at('2026-11-23'),
      );

      const [convened] = planNotifications(appended);

      expect(convened).toMatchObject({
        audience: ['integrantes', 'facilitador'],
        content: {
          kind: 'session_convened',
          convokedOn: '2026-11-23',
          convenedAt: at('2026-11-23'),
          session: { sessionId: 'ordinaria-2026-12', date: '2026-12-08', place: 'Sala del ITEI, Guadalajara' },
        },
      });
    });

    it('the eve of a session reminds its members of that session', () => {
      const story = jaliscoInstalado();
      const session = { sessionId: 's1', date: '2026-12-08', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['Avance'] } as const;
      story.run({ type: 'ConveneSession', data: session }, at('2026-11-23'));

      const [eve] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'session_tomorrow'));

      expect(eve).toMatchObject({
        audience: ['integrantes', 'facilitador'],
        content: { kind: 'session_tomorrow', session: { sessionId: 's1', date: '2026-12-08' } },
      });
    });

    it('the bimonthly reminder says by when to convene (five business days before the two-month mark)', () => {
      const story = jaliscoInstalado();

      const [reminder] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'cadence_reminder'));

      expect(reminder).toMatchObject({
        audience: ['garante', 'facilitador'],
        content: { kind: 'convene_session', sessionDueOn: '2026-11-01', convokeBy: '2026-10-26' },
      });
    });

    it('attendance with quorum asks the attendees to sign the acta; without quorum, nothing', () => {
      const held = jaliscoInstalado();
      const everyone = Object.keys((held.state as { members: object }).members);
      held.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'] } }, at('2026-11-02'));
      const quorum = held.run({ type: 'RecordAttendance', data: { sessionId: 's1', present: [...everyone, FACILITADORA.facilitadorId] } }, at('2026-11-10', 14));

      const empty = jaliscoInstalado();
      empty.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'] } }, at('2026-11-02'));
      const noQuorum = empty.run({ type: 'RecordAttendance', data: { sessionId: 's1', present: ['14-garante-1'] } }, at('2026-11-10', 14));

      expect(planNotifications(quorum)).toMatchObject([
        {
          audience: [],
          attendees: [...everyone, FACILITADORA.facilitadorId],
          content: { kind: 'minutes_ready', session: { sessionId: 's1' }, signBy: '2027-01-10' },
        },
      ]);
      expect(planNotifications(noQuorum)).toEqual([]);
    });

    it('events that announce nothing plan nothing', () => {
      const story = jaliscoInstalado();
      const appended = story.run(
        { type: 'AddMember', data: { memberId: 'inv-1', sector: 'gobierno', role: 'invitado', nombre: 'Invitada', organizacion: 'SESAJ', joinedOn: '2026-11-02' } },
        at('2026-11-02'),
      );
      expect(planNotifications(appended)).toEqual([]);
    });

    it('three business days before a session, only those convened who have not answered are reminded', () => {
      const story = jaliscoInstalado();
      const agenda = ['Seguimiento del PAL'];
      story.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-10', kind: 'ordinaria', convokedOn: '2026-11-23', agenda } }, at('2026-11-23'));
      const state = story.state as RegisteredStl;
      const [first, second, ...rest] = [...Object.keys(state.members), FACILITADORA.facilitadorId];
      story.run({ type: 'AnswerConvocation', data: { sessionId: 's1', memberId: first, answer: 'asistire' } }, at('2026-11-24'));
      story.run({ type: 'AnswerConvocation', data: { sessionId: 's1', memberId: second, answer: 'no_asistire' } }, at('2026-11-25'));

      const [reminder, ...others] = planNotifications(story.fire((current) => stlDeadlines(current, DEFAULT_DEADLINE_POLICY), 'confirmation_reminder'));

      expect(others).toEqual([]);
      expect(reminder).toMatchObject({
        ref: 'sesion:s1:2026-12-10:confirmacion',
        audience: ['integrantes', 'facilitador'],
        people: rest,
        content: { kind: 'convocation_reminder', session: { sessionId: 's1', date: '2026-12-10' } },
      });
    });
  });

  describe('exercise', () => {
    it('30 days without progress: the garante is told to record it before the escalation to the enlace', () => {
      const story = jaliscoEjercicio('2026-01-12');

      const [stall] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder'));

      expect(stall).toMatchObject({
        ref: 'stall:2026-01-12:reminder',
        audience: ['garante'],
        content: { kind: 'stage_stalled', exerciseNumber: 1, stalledSince: '2026-01-12', actBy: '2026-02-26' },
      });
    });

    it('the stall escalates to the enlace (next: the coordinación) and then to the coordinación', () => {
      const story = jaliscoEjercicio('2026-01-12');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');

      const [enlace] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace'));
      const [coordinador] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_coordinador'));

      expect(enlace).toMatchObject({
        audience: ['enlace'],
        content: { kind: 'escalation_enlace', topic: 'ejercicio 1 sin avances', raisedOn: '2026-02-26', nextOn: '2026-03-13' },
      });
      expect(coordinador).toMatchObject({
        audience: ['coordinador'],
        content: { kind: 'escalation_coordinador', raisedOn: '2026-03-13', nextOn: null },
      });
    });

    it('monitoring and evaluation: a reminder before each date and the day itself, to the domain audiences', () => {
      const story = exerciseFrom(jaliscoPalLanzado);

      const [monitoringReminder] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'monitoring_reminder'));
      const [monitoringDue] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'monitoring_due'));
      const [evaluationReminder] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'evaluation_reminder'));
      const [evaluationDue] = planNotifications(story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'evaluation_due'));

      expect(monitoringReminder).toMatchObject({
        audience: ['garante', 'enlace'],
        content: { kind: 'monitoring_due', arrived: false, dueOn: '2026-11-04' },
      });
      expect(monitoringDue).toMatchObject({
        audience: ['garante', 'enlace', 'coordinador'],
        content: { kind: 'monitoring_due', arrived: true, dueOn: '2026-11-04' },
      });
      expect(evaluationReminder).toMatchObject({ content: { kind: 'evaluation_due', arrived: false, dueOn: '2027-05-04' } });
      expect(evaluationDue).toMatchObject({
        audience: ['garante', 'integrantes', 'enlace', 'coordinador'],
        content: { kind: 'evaluation_due', arrived: true, dueOn: '2027-05-04' },
      });
    });

    it('a resolved escalation plans a short "resuelto", addressed by the outbox to whoever got the escalation', () => {
      const story = jaliscoEjercicio('2026-01-12');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');
      story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace');
      const resolved = story.run(
        { type: 'ResolveEscalation', data: { escalationId: 'stall:2026-01-12:enlace', resolution: 'Avance registrado' } },
        at('2026-03-02'),
      );

      expect(planNotifications(resolved)).toEqual([
        {
          ref: `EscalationResolved@${resolved.firstSeq}`,
          seq: resolved.firstSeq,
          audience: [],
          attendees: null,
          content: {
            kind: 'escalation_resolved',
            entidad: '14',
            escalationId: 'stall:2026-01-12:enlace',
            topic: 'ejercicio 1 sin avances',
            resolution: 'Avance registrado',
            resolvedOn: '2026-03-02',
          },
        },
      ]);
    });

    it('progress itself announces nothing', () => {
      const story = jaliscoEjercicio('2026-01-12');
      const appended = story.run(
        { type: 'CompleteStep', data: { step: 1, completedOn: '2026-01-20', evidence: ['https://itei.org.mx/declaracion.pdf'] } },
        at('2026-01-20'),
      );
      expect(planNotifications(appended)).toEqual([]);
    });
  });
});
