import { type Audience } from '@app/domain';

/** The e-mails the system sends (issue 6), one template each. */
export type NotificationKind =
  | 'convene_session'
  | 'session_convened'
  | 'session_cancelled'
  | 'session_rescheduled'
  | 'session_tomorrow'
  | 'convocation_reminder'
  | 'stage_stalled'
  | 'facilitador_vacant'
  | 'monitoring_due'
  | 'evaluation_due'
  | 'term_warning'
  | 'progress_reminder'
  | 'escalation_enlace'
  | 'escalation_coordinador'
  | 'escalation_resolved'
  | 'minutes_ready'
  | 'history_recorded';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'convene_session',
  'session_convened',
  'session_cancelled',
  'session_rescheduled',
  'session_tomorrow',
  'convocation_reminder',
  'stage_stalled',
  'facilitador_vacant',
  'monitoring_due',
  'evaluation_due',
  'term_warning',
  'progress_reminder',
  'escalation_enlace',
  'escalation_coordinador',
  'escalation_resolved',
  'minutes_ready',
  'history_recorded',
];

/** Whom a row addresses: a role of the deadline's audience, or the attendees of a session (who sign its acta). */
export type Addressee = Audience | 'asistentes';
