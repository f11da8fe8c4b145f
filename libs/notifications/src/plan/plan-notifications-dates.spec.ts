import { DEFAULT_DEADLINE_POLICY, exerciseDeadlines, spanishDate, spanishLongDate, stlDeadlines } from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { at, exerciseFrom, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { renderNotification } from '../templates/render-notification';
import { planNotifications } from './plan-notifications';

const vacate = { vacatedOn: '2026-11-02', reason: 'Renunció por cambio de residencia' };

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
