import ICAL from 'ical.js';
import { buildCalendar, type CalendarEvent } from './icalendar';
import { sessionsCalendar } from './session-calendar';

const STAMP = '2026-11-23T16:00:00.000Z';

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

describe('buildCalendar: RFC 5545, read back by ical.js', () => {
  const ordinaria = {
    sessionId: 'ordinaria-2026-12',
    date: '2026-12-08',
    kind: 'ordinaria',
    agenda: ['Lista de asistencia y declaración de quórum', 'Avance del PAL; acuerdos, compromisos y próximos pasos'],
    place: 'Sala de Plenos del ITEI, Av. Vallarta 1312, Guadalajara',
    link: 'https://meet.ejemplo.mx/stl-14',
  } as const;

  it('a convened session as an all-day event with its agenda, place and link', () => {
    const ics = sessionsCalendar('14', [ordinaria], STAMP);
    const { calendar, events } = parse(ics);

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event.uid).toBe('stl-14-ordinaria-2026-12@cocreacion-local');
    expect(event.summary).toBe('Sesión ordinaria del STL de Jalisco');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-12-08');
    expect(event.endDate.toString()).toBe('2026-12-09');
    expect(event.description).toBe(
      'Orden del día:\n1. Lista de asistencia y declaración de quórum\n' +
        '2. Avance del PAL; acuerdos, compromisos y próximos pasos\n\nEnlace para conectarse: https://meet.ejemplo.mx/stl-14',
    );
    expect(event.location).toBe('Sala de Plenos del ITEI, Av. Vallarta 1312, Guadalajara');
    expect(event.component.getFirstPropertyValue('url')).toBe('https://meet.ejemplo.mx/stl-14');
    expect(String(event.component.getFirstPropertyValue('dtstamp'))).toBe('2026-11-23T16:00:00Z');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('a session convened with its hour is a timed event in Mexico City time (TZID America/Mexico_City)', () => {
    const ics = sessionsCalendar('14', [{ ...ordinaria, startTime: '10:00', endTime: '12:30' }], STAMP);
    const [event] = parse(ics).events;

    expect(ics).toContain('DTSTART;TZID=America/Mexico_City:20261208T100000');
    expect(ics).toContain('DTEND;TZID=America/Mexico_City:20261208T123000');
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.toUnixTime()).toBe(Date.parse('2026-12-08T16:00:00Z') / 1000);
    expect(event.endDate.toUnixTime()).toBe(Date.parse('2026-12-08T18:30:00Z') / 1000);
  });

  it('a link with accents or an ñ is percent-encoded in the URL property, and reads back (issue 22, item 9)', () => {
    const ics = sessionsCalendar('14', [{ ...ordinaria, link: 'https://meet.ejemplo.mx/sesión-año 1' }], STAMP);

    expect(ics).toContain('URL:https://meet.ejemplo.mx/sesi%C3%B3n-a%C3%B1o%201\r\n');
    expect(decodeURI(String(parse(ics).events[0].component.getFirstPropertyValue('url')))).toBe('https://meet.ejemplo.mx/sesión-año 1');
  });

  it('a cancellation: METHOD:CANCEL, the same UID, STATUS:CANCELLED and a higher SEQUENCE (issue 22, item 5)', () => {
    const convened = parse(sessionsCalendar('14', [ordinaria], STAMP));
    const cancelled = parse(sessionsCalendar('14', [{ ...ordinaria, cancelled: true }], STAMP, 'CANCEL'));

    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.events[0].uid).toBe(convened.events[0].uid);
    expect([cancelled.events[0].sequence, convened.events[0].sequence]).toEqual([1, 0]);
    expect(cancelled.events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('CRLF line ends and lines of at most 75 octets, folded without splitting a character', () => {
    const ics = sessionsCalendar('14', [ordinaria], STAMP);

    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
  });

  it('a timed session is in America/Mexico_City, with the zone defined in the file', () => {
    const timed: CalendarEvent = {
      uid: 'stl-20-extra@cocreacion-local',
      date: '2027-01-15',
      startTime: '17:30',
      durationMinutes: 90,
      summary: 'Sesión extraordinaria del STL de Oaxaca',
      description: 'Orden del día:\n1. Renovación',
    };
    const { calendar, events } = parse(buildCalendar([timed], { name: 'Sesiones', stamp: STAMP }));

    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('America/Mexico_City');
    const [event] = events;
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/Mexico_City');
    expect(event.startDate.toString()).toBe('2027-01-15T17:30:00');
    expect(event.endDate.toString()).toBe('2027-01-15T19:00:00');
    // With the file's own VTIMEZONE, the start is 17:30 at UTC−6.
    const mexicoCity = new ICAL.Timezone(zone!);
    const start = ICAL.Time.fromData({ year: 2027, month: 1, day: 15, hour: 17, minute: 30 }, mexicoCity);
    expect(start.toUnixTime()).toBe(Date.parse('2027-01-15T23:30:00Z') / 1000);
    expect(event.startDate.compare(start)).toBe(0);
  });

  it('several sessions, a cancelled one marked so; the same session keeps its UID', () => {
    const cancelada = { ...ordinaria, sessionId: 'extra-1', date: '2026-12-15', kind: 'extraordinaria', cancelled: true } as const;
    const { events } = parse(sessionsCalendar('14', [ordinaria, cancelada], STAMP));
    const again = parse(sessionsCalendar('14', [ordinaria], '2026-12-01T10:00:00.000Z')).events[0];

    expect(events.map((event) => event.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(again.uid).toBe(events[0].uid);
  });

  it('refuses a malformed time', () => {
    const bad = { uid: 'x', date: '2027-01-15', startTime: '25:00', summary: 's', description: 'd' };
    expect(() => buildCalendar([bad], { name: 'n', stamp: STAMP })).toThrow('Hora inválida');
  });

  it.each(['\r', '\n', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u0000'])(
    'keeps text written by a garante inside its property, whatever the break (%j)',
    (brk) => {
      const injected = `Sala 1${brk}URL:https://malicioso.example${brk}ATTACH:https://malicioso.example/x.exe${brk}END:VEVENT${brk}BEGIN:VEVENT${brk}UID:falso`;
      const ics = sessionsCalendar('14', [{ ...ordinaria, place: injected, agenda: [injected] }], STAMP);
      const { events } = parse(ics);

      expect(events).toHaveLength(1);
      expect(events[0].component.getAllProperties('attach')).toHaveLength(0);
      expect(events[0].component.getFirstPropertyValue('url')).toBe('https://meet.ejemplo.mx/stl-14');
      // Every physical line, split on any break a reader might honour, starts with a property or a fold.
      const lines = ['\r\n', '\r', '\n', '\u000b', '\u000c', '\u0085', '\u2028'].reduce(
        (pieces, separator) => pieces.flatMap((piece) => piece.split(separator)),
        [ics],
      );
      expect(lines.filter((line) => /^(URL|ATTACH|UID|BEGIN:VEVENT)/.test(line))).toEqual([
        'BEGIN:VEVENT',
        'UID:stl-14-ordinaria-2026-12@cocreacion-local',
        'URL:https://meet.ejemplo.mx/stl-14',
      ]);
    },
  );
});
