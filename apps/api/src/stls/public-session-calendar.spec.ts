import { type StlSessionView } from '@app/persistence';
import ICAL from 'ical.js';
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
