import { type Entidad, type SessionKind } from '@app/domain';
import { type SessionFacts, sessionsCalendar } from '@app/notifications';
import { type StlSessionView } from '@app/persistence';

/**
 * The sessions of an STL as a public calendar feed: date, kind, orden del día, place and status only. No member,
 * no contact data, and no meeting link (a videoconference link is often the only key to the room); the
 * convocation e-mails carry the link to the members. A moved session keeps the SEQUENCE its rescheduling e-mail
 * carried (one per change of date), or a subscribed calendar would ignore the feed's new date as older news.
 */
export function publicSessionFacts(row: StlSessionView): SessionFacts & { readonly cancelled: boolean } {
  return {
    ...(row.reschedulings.length === 0 ? {} : { sequence: row.reschedulings.length }),
    sessionId: row.sessionId,
    date: row.date,
    kind: row.kind as SessionKind,
    agenda: row.agenda,
    ...(row.startTime === null ? {} : { startTime: row.startTime }),
    ...(row.endTime === null ? {} : { endTime: row.endTime }),
    ...(row.place === null ? {} : { place: row.place }),
    cancelled: row.status === 'cancelada',
  };
}

/** RFC 5545, one VEVENT per session; DTSTAMP is when the STL's rows last changed, so the same data gives the same file. */
export function publicSessionsCalendar(entidad: Entidad, rows: readonly StlSessionView[], updatedAt: Date): string {
  return sessionsCalendar(entidad, rows.map(publicSessionFacts), updatedAt.toISOString());
}
