import { type RegisteredStl } from '@app/domain';
import { attachmentsFor, planNotifications } from '@app/notifications';
import { type StlSessionView } from '@app/persistence';
import ICAL from 'ical.js';
import { at, jaliscoInstalado } from '../../../../libs/notifications/src/testing/stories';
import { publicSessionsCalendar } from './public-session-calendar';

function row(overrides: Partial<StlSessionView>): StlSessionView {
  return Object.assign({} as StlSessionView, {
    entidad: '14',
    sessionId: '2027-02-10-1',
    date: '2027-02-10',
    kind: 'ordinaria',
    status: 'convocada',
    convokedOn: '2027-01-27',
    noticeDeadline: '2027-02-03',
    agenda: ['Lista de asistencia', 'Seguimiento del PAL'],
    place: 'Sala de Plenos del ITEI',
    link: 'https://reunion.ejemplo.org.mx/stl-14?pwd=secreto',
    quorum: null,
    attendance: null,
    decisions: [],
    minutes: null,
    cancellation: null,
    reschedulings: [],
    ...overrides,
  });
}

describe('publicSessionsCalendar: the public .ics of an STL', () => {
  const ics = publicSessionsCalendar(
    '14',
    [row({}), row({ sessionId: '2027-03-01-1', date: '2027-03-01', kind: 'extraordinaria', status: 'cancelada', place: null })],
    new Date('2026-11-23T16:00:00.000Z'),
  );
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

  it('has one event per session with its agenda, place and status', () => {
    expect(events.map((event) => [event.uid, event.startDate.toString(), event.summary])).toEqual([
      ['stl-14-2027-02-10-1@cocreacion-local', '2027-02-10', 'Sesión ordinaria del STL de Jalisco'],
      ['stl-14-2027-03-01-1@cocreacion-local', '2027-03-01', 'Sesión extraordinaria del STL de Jalisco'],
    ]);
    expect(events[0].description).toBe('Orden del día:\n1. Lista de asistencia\n2. Seguimiento del PAL');
    expect(events[0].location).toBe('Sala de Plenos del ITEI');
    expect(events[1].location).toBeNull();
    expect(events.map((event) => event.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
  });

  it('leaves the meeting link out (a public feed must not open the room)', () => {
    expect(ics).not.toContain('reunion.ejemplo.org.mx');
    expect(events[0].component.getFirstPropertyValue('url')).toBeNull();
  });

  it('stamps every event with when the rows last changed', () => {
    expect(String(events[0].component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-23T16:00:00Z');
  });
});

describe('publicSessionsCalendar: a moved session', () => {
  const sequenceOf = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => vevent.getFirstPropertyValue('sequence'));

  /** Convened, then moved twice: the feed must say what the second rescheduling e-mail said. */
  function movedTwice() {
    const story = jaliscoInstalado();
    const agenda = ['Seguimiento del PAL'];
    story.run({ type: 'ConveneSession', data: { sessionId: 's1', date: '2026-12-10', kind: 'ordinaria', convokedOn: '2026-11-23', agenda } }, at('2026-11-23'));
    story.run({ type: 'RescheduleSession', data: { sessionId: 's1', date: '2026-12-14', reason: 'Sala ocupada' } }, at('2026-11-24'));
    const moved = story.run({ type: 'RescheduleSession', data: { sessionId: 's1', date: '2026-12-15', reason: 'Puente' } }, at('2026-11-25'));
    return { story, moved };
  }

  function feedRow(state: RegisteredStl): StlSessionView {
    const session = state.sessions.s1;
    const reschedulings = session.reschedulings ?? [];
    return row({ sessionId: 's1', date: session.date, status: session.status, reschedulings });
  }

  it('carries the SEQUENCE of the rescheduling e-mail, not 0', () => {
    const { story, moved } = movedTwice();
    const [mail] = planNotifications(moved).filter((planned) => planned.content.kind === 'session_rescheduled');
    const [attachment] = attachmentsFor(mail.content);

    const feed = publicSessionsCalendar('14', [feedRow(story.state as RegisteredStl)], new Date('2026-11-25T16:00:00.000Z'));

    expect(sequenceOf(attachment.content)).toEqual([2]);
    expect(sequenceOf(feed)).toEqual([2]);
  });

  it('cancelled after being moved, carries the SEQUENCE of the cancellation e-mail', () => {
    const { story } = movedTwice();
    const cancelled = story.run({ type: 'CancelSession', data: { sessionId: 's1', reason: 'Sin quórum previsto' } }, at('2026-11-26'));
    const [mail] = planNotifications(cancelled).filter((planned) => planned.content.kind === 'session_cancelled');

    const feed = publicSessionsCalendar('14', [feedRow(story.state as RegisteredStl)], new Date('2026-11-26T16:00:00.000Z'));

    expect(sequenceOf(attachmentsFor(mail.content)[0].content)).toEqual([3]);
    expect(sequenceOf(feed)).toEqual([3]);
  });
});
