import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines, spanishDate, spanishLongDate, stlDeadlines } from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { at, exerciseFrom, FACILITADORA, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { renderNotification } from '../templates/render-notification';
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

      const [reminder] = planNotifications(story.fire(stlDeadlines, 'vacancy_reminder'));
      const [escalation] = planNotifications(story.fire(stlDeadlines, 'vacancy_escalation'));

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

      const [eve] = planNotifications(story.fire(stlDeadlines, 'session_tomorrow'));

      expect(eve).toMatchObject({
        audience: ['integrantes', 'facilitador'],
        content: { kind: 'session_tomorrow', session: { sessionId: 's1', date: '2026-12-08' } },
      });
    });

    it('the bimonthly reminder says by when to convene (five business days before the two-month mark)', () => {
      const story = jaliscoInstalado();

      const [reminder] = planNotifications(story.fire(stlDeadlines, 'cadence_reminder'));

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
  });

  describe('exercise', () => {
    it('30 days without progress: the garante is told to record it before the escalation to the enlace', () => {
      const story = jaliscoEjercicio('2026-01-12');

      const [stall] = planNotifications(story.fire(exerciseDeadlines, 'stall_reminder'));

      expect(stall).toMatchObject({
        ref: 'stall:2026-01-12:reminder',
        audience: ['garante'],
        content: { kind: 'stage_stalled', exerciseNumber: 1, stalledSince: '2026-01-12', actBy: '2026-02-26' },
      });
    });

    it('the stall escalates to the enlace (next: the coordinación) and then to the coordinación', () => {
      const story = jaliscoEjercicio('2026-01-12');
      story.fire(exerciseDeadlines, 'stall_reminder');

      const [enlace] = planNotifications(story.fire(exerciseDeadlines, 'stall_escalation_enlace'));
      const [coordinador] = planNotifications(story.fire(exerciseDeadlines, 'stall_escalation_coordinador'));

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

      const [monitoringReminder] = planNotifications(story.fire(exerciseDeadlines, 'monitoring_reminder'));
      const [monitoringDue] = planNotifications(story.fire(exerciseDeadlines, 'monitoring_due'));
      const [evaluationReminder] = planNotifications(story.fire(exerciseDeadlines, 'evaluation_reminder'));
      const [evaluationDue] = planNotifications(story.fire(exerciseDeadlines, 'evaluation_due'));

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
      story.fire(exerciseDeadlines, 'stall_reminder');
      story.fire(exerciseDeadlines, 'stall_escalation_enlace');
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

describe('planNotifications: no mail about the past (issue 22, item 2)', () => {
  it('a convocation recorded after its session (history) reaches nobody; one for today or later does', () => {
    const history = jaliscoInstalado();
    const past = history.run(
      { type: 'ConveneSession', data: { sessionId: 's0', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'] } },
      at('2026-12-02'),
    );
    const today = jaliscoInstalado().run(
      { type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-09', kind: 'ordinaria', convokedOn: '2026-12-02', agenda: ['Avance'] } },
      at('2026-12-02'),
    );

    expect(planNotifications(past)).toEqual([]);
    expect(planNotifications(today).map((notification) => notification.content.kind)).toEqual(['session_convened']);
  });

  it('a reminder fired after its own date (an STL recorded months after its installation) is not sent; the escalation is', () => {
    const story = jaliscoInstalado();
    const [cadence] = stlDeadlines(story.state).filter((deadline) => deadline.kind === 'cadence_reminder');

    const reminder = story.run({ type: 'FireDeadline', data: { deadlineId: cadence.id } }, at('2026-12-02'));
    const [escalation] = stlDeadlines(story.state).filter((deadline) => deadline.kind === 'cadence_escalation');
    const escalated = story.run({ type: 'FireDeadline', data: { deadlineId: escalation.id } }, at('2026-12-02'));

    expect(reminder.events.map((event) => event.type)).toEqual(['ReminderDue']);
    expect(planNotifications(reminder)).toEqual([]);
    expect(planNotifications(escalated).map((notification) => notification.content.kind)).toEqual(['escalation_enlace']);
  });

  it('a stall reminder, a monitoring reminder and the eve of a session written after their dates say nothing', () => {
    const stalled = jaliscoEjercicio('2026-01-12');
    const [stall] = exerciseDeadlines(stalled.state).filter((deadline) => deadline.kind === 'stall_reminder');
    const pal = exerciseFrom(jaliscoPalLanzado);
    const [monitoring] = exerciseDeadlines(pal.state).filter((deadline) => deadline.kind === 'monitoring_reminder');
    const stl = jaliscoInstalado();
    stl.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-08', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['Avance'] } }, at('2026-11-23'));
    const [eve] = stlDeadlines(stl.state).filter((deadline) => deadline.kind === 'session_tomorrow');

    expect(planNotifications(stalled.run({ type: 'FireDeadline', data: { deadlineId: stall.id } }, at('2026-03-01')))).toEqual([]);
    expect(planNotifications(pal.run({ type: 'FireDeadline', data: { deadlineId: monitoring.id } }, at('2026-11-05')))).toEqual([]);
    expect(planNotifications(stl.run({ type: 'FireDeadline', data: { deadlineId: eve.id } }, at('2026-12-08')))).toEqual([]);
  });
});

describe('true dates: an escalation raised late names the day its deadline fell due (issue 22, item 3)', () => {
  const render = (content: ReturnType<typeof planNotifications>[number]['content']) =>
    renderNotification(content, { nombre: 'Enlace', addressee: 'enlace' }, { publicBaseUrl: 'http://127.0.0.1:3000' });

  /** Fires the pending deadline of `kind` on `firedOn` (not on its date), and answers the deadline and the plan. */
  function fireLate<S>(story: { state: S; run: (command: never, now: string) => Parameters<typeof planNotifications>[0] }, deadlines: (state: S) => readonly { id: string; kind: string; dueOn: string }[], kind: string, firedOn: string) {
    const deadline = deadlines(story.state).find((candidate) => candidate.kind === kind)!;
    const [notification] = planNotifications(story.run({ type: 'FireDeadline', data: { deadlineId: deadline.id } } as never, at(firedOn)));
    return { deadline, notification };
  }

  it.each([
    ['vacancy', 'vacancy_escalation'],
    ['cadence', 'cadence_escalation'],
  ])('STL %s escalation fired a month late', (_name, kind) => {
    const story = jaliscoInstalado();
    story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));

    const { deadline, notification } = fireLate(story, stlDeadlines, kind, '2027-01-05');
    const message = render(notification.content);

    expect(notification.content).toMatchObject({ dueOn: deadline.dueOn, raisedOn: '2027-01-05' });
    expect(message.subject).toContain(`plazo vencido el ${spanishDate(deadline.dueOn)}`);
    expect(message.text).toContain(`El plazo venció el ${spanishLongDate(deadline.dueOn)}; el escalamiento se registró el martes 5 de enero de 2027.`);
  });

  it('exercise stall escalations fired late, to the enlace and to the coordinación', () => {
    const story = jaliscoEjercicio('2026-01-12');
    story.fire(exerciseDeadlines, 'stall_reminder');

    const enlace = fireLate(story, exerciseDeadlines, 'stall_escalation_enlace', '2026-04-20');
    const coordinador = fireLate(story, exerciseDeadlines, 'stall_escalation_coordinador', '2026-04-20');

    expect(enlace.notification.content).toMatchObject({ dueOn: enlace.deadline.dueOn, raisedOn: '2026-04-20' });
    expect(coordinador.notification.content).toMatchObject({ dueOn: coordinador.deadline.dueOn });
    expect(render(coordinador.notification.content).subject).toBe(
      `Escalamiento a la coordinación — Jalisco: ejercicio 1 sin avances, plazo vencido el ${spanishDate(coordinador.deadline.dueOn)}`,
    );
  });

  it('on time, the raising day is the due day and nothing more is said', () => {
    const story = jaliscoInstalado();
    story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));
    const [escalation] = planNotifications(story.fire(stlDeadlines, 'vacancy_escalation'));

    expect(escalation.content).toMatchObject({ dueOn: '2026-12-02', raisedOn: '2026-12-02' });
    expect(render(escalation.content).text).not.toContain('El plazo venció');
  });
});
