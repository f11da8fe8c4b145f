import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines, spanishDate, spanishLongDate, stlDeadlines, type StlState } from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { at, exerciseFrom, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { renderNotification } from '../templates/render-notification';
import { planNotifications } from './plan-notifications';

const vacate = { vacatedOn: '2026-11-02', reason: 'Renunció por cambio de residencia' };

/** Every titular of the STL: a session they all attend has quorum. */
const titulares = (state: StlState) =>
  state.status === 'unregistered' ? [] : Object.values(state.members).filter((member) => member.role === 'titular').map((member) => member.memberId);

describe('planNotifications: no mail about the past (issue 22, item 2)', () => {
  it('a historical convocation, and the acta of its session, reach nobody; a convocation for today or later does', () => {
    const history = jaliscoInstalado();
    const past = history.run(
      {
        type: 'ConveneSession',
        data: { sessionId: 's0', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-11-02', agenda: ['Avance'], historical: { justification: 'Convocada por oficio' } },
      },
      at('2026-12-02'),
    );
    const today = jaliscoInstalado().run(
      { type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-09', kind: 'ordinaria', convokedOn: '2026-12-02', agenda: ['Avance'] } },
      at('2026-12-02'),
    );

    expect(planNotifications(past)).toEqual([]);
    const attended = history.run({ type: 'RecordAttendance', data: { sessionId: 's0', present: titulares(history.state) } }, at('2026-12-02'));
    expect(attended.events).toContainEqual(expect.objectContaining({ type: 'AttendanceRecorded', data: expect.objectContaining({ quorum: true }) }));
    expect(planNotifications(attended)).toEqual([]);
    expect(planNotifications(today).map((notification) => notification.content.kind)).toEqual(['session_convened']);
  });

  it('a reminder fired after its own date (an STL recorded months after its installation) is not sent; the escalation is', () => {
    const story = jaliscoInstalado();
    const [cadence] = stlDeadlines(story.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'cadence_reminder');

    const reminder = story.run({ type: 'FireDeadline', data: { deadlineId: cadence.id } }, at('2026-12-02'));
    const [escalation] = stlDeadlines(story.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'cadence_escalation');
    const escalated = story.run({ type: 'FireDeadline', data: { deadlineId: escalation.id } }, at('2026-12-02'));

    expect(reminder.events.map((event) => event.type)).toEqual(['ReminderDue']);
    expect(planNotifications(reminder)).toEqual([]);
    expect(planNotifications(escalated).map((notification) => notification.content.kind)).toEqual(['escalation_enlace']);
  });

  it('a stall reminder, a monitoring reminder and the eve of a session written after their dates say nothing', () => {
    const stalled = jaliscoEjercicio('2026-01-12');
    const [stall] = exerciseDeadlines(stalled.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'stall_reminder');
    const pal = exerciseFrom(jaliscoPalLanzado);
    const [monitoring] = exerciseDeadlines(pal.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'monitoring_reminder');
    const stl = jaliscoInstalado();
    stl.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-08', kind: 'ordinaria', convokedOn: '2026-11-23', agenda: ['Avance'] } }, at('2026-11-23'));
    const [eve] = stlDeadlines(stl.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind === 'session_tomorrow');

    expect(planNotifications(stalled.run({ type: 'FireDeadline', data: { deadlineId: stall.id } }, at('2026-03-01')))).toEqual([]);
    expect(planNotifications(pal.run({ type: 'FireDeadline', data: { deadlineId: monitoring.id } }, at('2026-11-05')))).toEqual([]);
    expect(planNotifications(stl.run({ type: 'FireDeadline', data: { deadlineId: eve.id } }, at('2026-12-08')))).toEqual([]);
  });
});

describe('planNotifications: history recorded after the fact (issue 22, item 2)', () => {
  /** Jalisco's STL registered on 2 December 2026 with its installation of 1 September: the cadence was overdue. */
  function recordedLate() {
    const story = jaliscoInstalado();
    const overdue = stlDeadlines(story.state, DEFAULT_DEADLINE_POLICY).filter((deadline) => deadline.kind.startsWith('cadence'));
    return { story, overdue };
  }

  it('the append that brings overdue deadlines plans one summary to the coordinación, with each due date', () => {
    const { story, overdue } = recordedLate();
    const install = { ...story.appends.at(-1)!, occurredAt: at('2026-12-02'), arrivedOverdue: overdue };

    const [summary, ...others] = planNotifications(install);
    const message = renderNotification(summary.content, { nombre: 'Coordinación', addressee: 'coordinador' }, { publicBaseUrl: 'http://127.0.0.1:3000' });

    expect(others).toEqual([]);
    expect(summary.audience).toEqual(['coordinador']);
    expect(message.subject).toBe('Se registró el historial de Jalisco (2 de diciembre de 2026): 2 plazos vencidos');
    for (const deadline of overdue) expect(message.text).toContain(`venció el ${spanishLongDate(deadline.dueOn)}.`);
    expect(message.text).toContain('no se enviaron por correo');
  });

  it('the reminder and the escalation of a deadline that arrived overdue are recorded but not mailed', () => {
    const { story, overdue } = recordedLate();
    const [reminder, escalation] = overdue;

    const reminded = story.run({ type: 'FireDeadline', data: { deadlineId: reminder.id } }, at('2026-12-02'));
    const escalated = story.run({ type: 'FireDeadline', data: { deadlineId: escalation.id } }, at('2026-12-02'));

    expect(escalated.events.map((event) => event.type)).toEqual(['EscalationRaised']);
    expect(planNotifications({ ...reminded, firesHistory: [reminder.id] })).toEqual([]);
    expect(planNotifications({ ...escalated, firesHistory: [escalation.id] })).toEqual([]);
  });

  it('an escalation that fell due while pending is mailed even when it fires late (a worker that was down)', () => {
    const { story, overdue } = recordedLate();
    const escalation = overdue[1];

    const escalated = story.run({ type: 'FireDeadline', data: { deadlineId: escalation.id } }, at('2026-12-02'));

    expect(planNotifications({ ...escalated, firesHistory: [] }).map((notification) => notification.content.kind)).toEqual(['escalation_enlace']);
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

    const { deadline, notification } = fireLate(story, (state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), kind, '2027-01-05');
    const message = render(notification.content);

    expect(notification.content).toMatchObject({ dueOn: deadline.dueOn, raisedOn: '2027-01-05' });
    expect(message.subject).toContain(`plazo vencido el ${spanishDate(deadline.dueOn)}`);
    expect(message.text).toContain(`El plazo venció el ${spanishLongDate(deadline.dueOn)}; el escalamiento se registró el martes 5 de enero de 2027.`);
  });

  it('exercise stall escalations fired late, to the enlace and to the coordinación', () => {
    const story = jaliscoEjercicio('2026-01-12');
    story.fire((state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_reminder');

    const enlace = fireLate(story, (state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_enlace', '2026-04-20');
    const coordinador = fireLate(story, (state) => exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY), 'stall_escalation_coordinador', '2026-04-20');

    expect(enlace.notification.content).toMatchObject({ dueOn: enlace.deadline.dueOn, raisedOn: '2026-04-20' });
    expect(coordinador.notification.content).toMatchObject({ dueOn: coordinador.deadline.dueOn });
    expect(render(coordinador.notification.content).subject).toBe(
      `Escalamiento a la coordinación — Jalisco: ejercicio 1 sin avances, plazo vencido el ${spanishDate(coordinador.deadline.dueOn)}`,
    );
  });

  it('on time, the raising day is the due day and nothing more is said', () => {
    const story = jaliscoInstalado();
    story.run({ type: 'VacateFacilitador', data: vacate }, at('2026-11-02'));
    const [escalation] = planNotifications(story.fire((state) => stlDeadlines(state, DEFAULT_DEADLINE_POLICY), 'vacancy_escalation'));

    expect(escalation.content).toMatchObject({ dueOn: '2026-12-02', raisedOn: '2026-12-02' });
    expect(render(escalation.content).text).not.toContain('El plazo venció');
  });
});
