import { type DeadlineKind, type Entidad, type Instant, type LocalDate, type SessionKind } from '@app/domain';
import { type NotificationKind } from './notification-kind';

/** What an e-mail about a session shows, and what its .ics holds. */
export interface SessionFacts {
  readonly sessionId: string;
  readonly date: LocalDate;
  readonly kind: SessionKind;
  readonly agenda: readonly string[];
  /** `HH:MM` Mexico City: the .ics holds a timed event (TZID America/Mexico_City); without it an all-day one. */
  readonly startTime?: string;
  readonly endTime?: string;
  readonly place?: string;
  readonly link?: string;
  /** How many times the session changed date: its calendar entry's SEQUENCE (RFC 5545). */
  readonly sequence?: number;
}

interface About<K extends NotificationKind> {
  readonly kind: K;
  readonly entidad: Entidad;
}

/** Bimonthly cadence: convene the session before the two-month mark, with five business days of notice. */
export interface ConveneSessionContent extends About<'convene_session'> {
  readonly sessionDueOn: LocalDate;
  readonly convokeBy: LocalDate;
  readonly message: string;
}

export interface SessionConvenedContent extends About<'session_convened'> {
  readonly session: SessionFacts;
  readonly convokedOn: LocalDate;
  /** When the convocation was recorded: the .ics's DTSTAMP, so a re-rendered row is the same. */
  readonly convenedAt: Instant;
}

/** To everyone convened: the session will not take place; its .ics cancels the calendar entry (same UID). */
export interface SessionCancelledContent extends About<'session_cancelled'> {
  readonly session: SessionFacts;
  readonly cancelledOn: LocalDate;
  readonly reason: string;
  /** When the cancellation was recorded: the .ics's DTSTAMP. */
  readonly cancelledAt: Instant;
}

/** To everyone convened: the session moved; its .ics (same UID, higher SEQUENCE) moves the calendar entry. */
export interface SessionRescheduledContent extends About<'session_rescheduled'> {
  readonly session: SessionFacts;
  readonly previousDate: LocalDate;
  readonly reason: string;
  /** When the change was recorded: the .ics's DTSTAMP. */
  readonly rescheduledAt: Instant;
}

export interface SessionTomorrowContent extends About<'session_tomorrow'> {
  /** Null only if the session cannot be found in the state any more; the message still says it all. */
  readonly session: SessionFacts | null;
  readonly message: string;
}

/** Three business days before a session, to the convened who have not answered its convocation. */
export interface ConvocationReminderContent extends About<'convocation_reminder'> {
  readonly session: SessionFacts;
  readonly message: string;
}

export interface StageStalledContent extends About<'stage_stalled'> {
  readonly exerciseNumber: number;
  readonly stalledSince: LocalDate;
  /** The day the stall is escalated to the enlace INAI unless progress is recorded first. */
  readonly actBy: LocalDate;
  readonly message: string;
}

export interface FacilitadorVacantContent extends About<'facilitador_vacant'> {
  readonly vacantSince: LocalDate;
  /** The next escalation to the enlace INAI while the post stays vacant. */
  readonly escalatesOn: LocalDate | null;
  readonly reason: string | null;
  /** False for the flag at once (FacilitadorVacated), true for the reminder days later. */
  readonly followUp: boolean;
}

export interface PalReviewContent extends About<'monitoring_due' | 'evaluation_due'> {
  readonly exerciseNumber: number;
  readonly dueOn: LocalDate;
  /** True on the day itself; false for the reminder before it. */
  readonly arrived: boolean;
  readonly message: string;
}

/**
 * Month 11 of the twelve in which the six steps should run (seis-pasos-2016.txt), while the PAL is not launched.
 * Its dates are the exercise's own; `writtenOn` decides the tense (a warning fired late says it was month 11).
 */
export interface TermWarningContent extends About<'term_warning'> {
  readonly exerciseNumber: number;
  readonly startedOn: LocalDate;
  /** The day the exercise completed eleven months. */
  readonly warningOn: LocalDate;
  /** The day the twelve months end: the PAL should be launched by then, or the case is escalated. */
  readonly termEndsOn: LocalDate;
  /** "paso 3 (…), etapa 8 (…)": where the exercise stands when the warning is written. */
  readonly standing: string;
  readonly writtenOn: LocalDate;
}

/** A commitment of the PAL that had no progress report in a bimester, and its latest one before it (if any). */
export interface CommitmentWithoutProgress {
  readonly id: string;
  readonly title: string;
  readonly lastReportedOn: LocalDate | null;
}

/** At the end of each bimester of the PAL's year, the commitments without a progress report in it. */
export interface ProgressReminderContent extends About<'progress_reminder'> {
  readonly exerciseNumber: number;
  readonly launchedOn: LocalDate;
  readonly periodFrom: LocalDate;
  readonly periodTo: LocalDate;
  /** The months of the period, as the STL's mechanism set them (absent in rows planned before: two). */
  readonly periodMonths?: number;
  readonly commitments: readonly CommitmentWithoutProgress[];
  /** When the next period is checked: a report before it spares the commitment the next reminder. */
  readonly nextReminderOn: LocalDate | null;
  readonly writtenOn: LocalDate;
}

export interface EscalationContent extends About<'escalation_enlace' | 'escalation_coordinador'> {
  /** Its e-mails are withdrawn if it is resolved before they leave. */
  readonly escalationId: string;
  /** What is late, in a few words ("facilitador vacante"). */
  readonly topic: string;
  readonly reason: string;
  readonly raisedOn: LocalDate;
  /** When the escalated deadline fell due: the date the subject names (raising may come later). */
  readonly dueOn: LocalDate;
  /** The next step of the same series (a further escalation), if any is pending. */
  readonly nextOn: LocalDate | null;
}

/** To those who received an escalation, once it is resolved (nobody else was told of it). */
export interface EscalationResolvedContent extends About<'escalation_resolved'> {
  readonly escalationId: string;
  readonly topic: string;
  readonly resolution: string;
  readonly resolvedOn: LocalDate;
}

export interface MinutesReadyContent extends About<'minutes_ready'> {
  readonly session: SessionFacts;
  /** Before the next bimonthly session, when the acta's agreements must already stand. */
  readonly signBy: LocalDate | null;
}

/**
 * To the coordinación, once per append that records history: the deadlines that were already overdue when their
 * facts were recorded. Their reminders and escalations are on the board; none of them is mailed.
 */
export interface HistoryRecordedContent extends About<'history_recorded'> {
  readonly recordedOn: LocalDate;
  readonly overdue: readonly { readonly kind: DeadlineKind; readonly topic: string; readonly dueOn: LocalDate }[];
}

export type NotificationContent =
  | ConveneSessionContent
  | SessionConvenedContent
  | SessionCancelledContent
  | SessionRescheduledContent
  | SessionTomorrowContent
  | ConvocationReminderContent
  | StageStalledContent
  | FacilitadorVacantContent
  | PalReviewContent
  | TermWarningContent
  | ProgressReminderContent
  | EscalationContent
  | EscalationResolvedContent
  | MinutesReadyContent
  | HistoryRecordedContent;
