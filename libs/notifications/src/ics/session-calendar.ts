import { type Entidad, entidadName, type Instant } from '@app/domain';
import { type SessionFacts } from '../plan/notification-content';
import { buildCalendar, type CalendarEvent } from './icalendar';

/** A session of an STL as a calendar event; the UID depends only on the state and the session. */
export function sessionEvent(entidad: Entidad, session: SessionFacts & { readonly cancelled?: boolean }): CalendarEvent {
  const agenda = session.agenda.map((item, index) => `${index + 1}. ${item}`).join('\n');
  const link = session.link === undefined ? '' : `\n\nEnlace para conectarse: ${session.link}`;
  return {
    uid: `stl-${entidad}-${session.sessionId}@cocreacion-local`,
    date: session.date,
    ...(session.startTime === undefined ? {} : { startTime: session.startTime }),
    ...(session.startTime !== undefined && session.endTime !== undefined
      ? { durationMinutes: minutesOf(session.endTime) - minutesOf(session.startTime) }
      : {}),
    summary: `Sesión ${session.kind} del STL de ${entidadName(entidad)}`,
    description: `Orden del día:\n${agenda}${link}`,
    ...(session.place === undefined ? {} : { location: session.place }),
    ...(session.link === undefined ? {} : { url: session.link }),
    // Every change of the published event (a new date, a cancellation) needs a higher SEQUENCE to be applied.
    ...(session.cancelled ? { cancelled: true } : {}),
    sequence: (session.sequence ?? 0) + (session.cancelled ? 1 : 0),
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The sessions of one STL as an .ics file (attached to convocations; served by the API for subscriptions). */
export function sessionsCalendar(
  entidad: Entidad,
  sessions: readonly (SessionFacts & { readonly cancelled?: boolean })[],
  stamp: Instant,
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL' = 'PUBLISH',
): string {
  const events = sessions.map((session) => sessionEvent(entidad, session));
  return buildCalendar(events, { name: `Sesiones del STL de ${entidadName(entidad)}`, stamp, method });
}
