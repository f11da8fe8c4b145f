import {
  businessCalendar,
  DEFAULT_DEADLINE_POLICY,
  exerciseDeadlines as exerciseDeadlinesUnder,
  type ExerciseState,
  type LocalDate,
  localDateAt,
  noticeDeadline,
  stlDeadlines as stlDeadlinesUnder,
  type StlState,
} from '@app/domain';
import { jaliscoPalLanzado } from '../../../domain/src/test-support/exercise-fixtures';
import { type NotificationContent } from '../plan/notification-content';
import { type NotificationKind } from '../plan/notification-kind';
import { planNotifications } from '../plan/plan-notifications';
import { type AppendedEvents } from '../plan/planned-notification';
import { at, exerciseFrom, jaliscoEjercicio, jaliscoInstalado } from '../testing/stories';
import { renderNotification } from './render-notification';

const stlDeadlines = (state: StlState) => stlDeadlinesUnder(state, DEFAULT_DEADLINE_POLICY);
const exerciseDeadlines = (state: ExerciseState) => exerciseDeadlinesUnder(state, DEFAULT_DEADLINE_POLICY);

const FEDERAL = businessCalendar();
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const SPANISH_DATE = new RegExp(`(\\d{1,2}) de (${MONTHS.join('|')}) de (\\d{4})`, 'g');
/** Words that announce a date still to come: such a date must not be before the day the e-mail is written. */
const FUTURE_TENSE = /(a más tardar el|antes del|vence el|se celebrará el|convocada para el|sigue vacante el|Fecha límite:) $/;

function isoOf(day: string, month: string, year: string): LocalDate {
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Every civil date the event log mentions up to an append (dates, and instants as Mexico City dates). */
function datesIn(value: unknown, found = new Set<LocalDate>()): Set<LocalDate> {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) found.add(value);
    else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) found.add(localDateAt(value));
  } else if (Array.isArray(value)) value.forEach((item) => datesIn(item, found));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => datesIn(item, found));
  return found;
}

interface Written {
  readonly kind: NotificationKind;
  readonly today: LocalDate;
  readonly text: string;
  /** The dates the log and the deadlines pending then can justify. */
  readonly known: ReadonlySet<LocalDate>;
}

/** Renders every e-mail a story's appends call for, with what the log had said by then (from `past` on). */
function written(appends: readonly AppendedEvents[], deadlines: (state: never) => readonly { dueOn: LocalDate }[], past: readonly unknown[] = []): Written[] {
  const log: unknown[] = [...past];
  let before: LocalDate[] = [];
  return appends.flatMap((appended) => {
    const after = deadlines(appended.state as never).map((deadline) => deadline.dueOn);
    log.push(appended.events, appended.arrivedOverdue ?? []);
    // A deadline's own date, and the last day to convene for it (five business days before).
    const due = [...before, ...after].flatMap((date) => [date, noticeDeadline(date, FEDERAL)]);
    before = after;
    const known = datesIn([log, due, appended.occurredAt]);
    const today = localDateAt(appended.occurredAt);
    return planNotifications(appended).map(({ content }: { content: NotificationContent }) => {
      const message = renderNotification(content, { nombre: 'Persona', addressee: 'garante' }, { publicBaseUrl: 'http://127.0.0.1:3000', today });
      return { kind: content.kind, today, text: `${message.subject}\n${message.text}`, known };
    });
  });
}

/** One STL and two exercises of Jalisco told under a fixed clock, so that every kind of e-mail is written once. */
function jaliscoStory(): Written[] {
  const stl = jaliscoInstalado();
  const session = { sessionId: 's1', date: '2026-11-10', kind: 'ordinaria', convokedOn: '2026-10-27', agenda: ['Avance del PAL'] } as const;
  stl.fire(stlDeadlines, 'cadence_reminder');
  stl.run({ type: 'ConveneSession', data: session }, at('2026-10-27'));
  stl.run({ type: 'RescheduleSession', data: { sessionId: 's1', date: '2026-11-12', reason: 'Sede ocupada' } }, at('2026-10-28'));
  stl.fire(stlDeadlines, 'session_tomorrow');
  const titulares = (state: StlState) =>
    state.status === 'unregistered' ? [] : Object.values(state.members).filter((member) => member.role === 'titular').map((member) => member.memberId);
  stl.run({ type: 'RecordAttendance', data: { sessionId: 's1', present: titulares(stl.state) } }, at('2026-11-12', 14));
  stl.run({ type: 'ConveneSession', data: { ...session, sessionId: 's2', date: '2026-11-30', convokedOn: '2026-11-16' } }, at('2026-11-16'));
  stl.run({ type: 'CancelSession', data: { sessionId: 's2', reason: 'Falta de sede' } }, at('2026-11-18'));
  stl.run({ type: 'VacateFacilitador', data: { vacatedOn: '2026-11-20', reason: 'Renuncia' } }, at('2026-11-20'));
  stl.fire(stlDeadlines, 'vacancy_reminder');
  const escalation = stlDeadlines(stl.state).find((deadline) => deadline.kind === 'vacancy_escalation')!;
  stl.run({ type: 'FireDeadline', data: { deadlineId: escalation.id } }, at('2027-01-04'));
  const [raised] = stl.state.status === 'unregistered' ? [] : stl.state.escalations.filter((candidate) => candidate.status === 'abierta');
  stl.run({ type: 'ResolveEscalation', data: { escalationId: raised.id, resolution: 'Se nombró facilitadora' } }, at('2027-01-06'));

  const stalled = jaliscoEjercicio('2026-01-12');
  stalled.fire(exerciseDeadlines, 'stall_reminder');
  stalled.fire(exerciseDeadlines, 'stall_escalation_enlace');
  const late = exerciseDeadlines(stalled.state).find((deadline) => deadline.kind === 'stall_escalation_coordinador')!;
  stalled.run({ type: 'FireDeadline', data: { deadlineId: late.id } }, at('2026-04-20'));
  stalled.fire(exerciseDeadlines, 'term_warning');
  const twelve = exerciseDeadlines(stalled.state).find((deadline) => deadline.kind === 'term_escalation')!;
  stalled.run({ type: 'FireDeadline', data: { deadlineId: twelve.id } }, at('2027-01-20'));
  const pal = exerciseFrom(jaliscoPalLanzado);
  for (const kind of ['progress_reminder', 'monitoring_reminder', 'monitoring_due', 'evaluation_reminder', 'evaluation_due']) pal.fire(exerciseDeadlines, kind);

  const history = { ...stl.appends[stl.appends.length - 1], occurredAt: at('2027-01-06'), arrivedOverdue: stlDeadlines(jaliscoInstalado().state) };
  return [
    ...written([...stl.appends, history], stlDeadlines),
    ...written(stalled.appends, exerciseDeadlines),
    ...written(pal.appends, exerciseDeadlines, jaliscoPalLanzado),
  ];
}

describe('every template under a fixed clock names only dates the event log holds (issue 22, item 3)', () => {
  const mails = jaliscoStory();

  it('the story writes every kind of e-mail', () => {
    expect(new Set(mails.map((mail) => mail.kind))).toEqual(
      new Set<NotificationKind>([
        'convene_session', 'session_convened', 'session_rescheduled', 'session_cancelled', 'session_tomorrow', 'stage_stalled',
        'facilitador_vacant', 'monitoring_due', 'evaluation_due', 'term_warning', 'progress_reminder', 'escalation_enlace', 'escalation_coordinador',
        'escalation_resolved', 'minutes_ready', 'history_recorded',
      ]),
    );
  });

  it.each(mails.map((mail, index) => [`${index + 1}. ${mail.kind}`, mail] as const))('%s: each date is a fact or a deadline of the log', (_name, mail) => {
    const named = [...mail.text.matchAll(SPANISH_DATE)].map(([, day, month, year]) => isoOf(day, month, year));

    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((date) => !mail.known.has(date))).toEqual([]);
  });

  it.each(mails.map((mail, index) => [`${index + 1}. ${mail.kind}`, mail] as const))('%s: no date before the writing day is announced as still to come', (_name, mail) => {
    const announcedPast = [...mail.text.matchAll(SPANISH_DATE)]
      .filter((match) => FUTURE_TENSE.test(mail.text.slice(Math.max(0, match.index - 40), match.index).replace(/(lunes|martes|miércoles|jueves|viernes|sábado|domingo) $/, '')))
      .map(([, day, month, year]) => isoOf(day, month, year))
      .filter((date) => date < mail.today);

    expect(announcedPast).toEqual([]);
  });
});
