import { noticeDeadline } from '../calendar/business-calendar';
import {
  type Audience,
  type Deadline,
  type DeadlineKind,
  type DeadlinePolicy,
  dueInstant,
} from '../shared/deadline';
import { entidadName } from '../shared/entidades';
import { addDays, addMonths, daysBetween, localDateAt, type LocalDate } from '../shared/local-date';
import { vacancySince } from './composition-warnings';
import { unansweredOf } from './convocation-answers';
import { deadlineTexts as texts } from './stl-deadline-texts';
import { stlCalendar } from './stl-calendar';
import { VACANCY_DEADLINE_PREFIX } from './stl-evolve';
import { lastSessionHeldOn, type Session, sessionList, type StlInstalado, type StlState } from './stl-state';

/** A pending deadline and what firing it produces: a reminder, or an escalation to the state's enlace INAI. */
export interface PlannedDeadline {
  readonly deadline: Deadline;
  readonly effect: 'reminder' | 'escalation';
  /**
   * Spanish, one sentence: the reminder's text or the escalation's reason, written on the day it fires so any
   * elapsed time it states is the real one (a deadline fired late says so in its own numbers).
   */
  readonly text: (firedOn: LocalDate) => string;
}

/**
 * The pending deadlines of an installed STL (DOMAIN.md, "what the users need"), earliest first. Ids carry the
 * date their series counts from, so they are stable while nothing changes and new when the cause starts again;
 * a fired id is never listed again.
 */
export function stlDeadlines(state: StlState, policy: DeadlinePolicy): Deadline[] {
  return plannedDeadlines(state, policy).map((planned) => planned.deadline);
}

export function plannedDeadlines(state: StlState, policy: DeadlinePolicy): PlannedDeadline[] {
  if (state.status !== 'instalado') return [];
  const fired = new Set(state.firedDeadlineIds);
  return [
    ...vacancyDeadlines(state, policy),
    ...cadenceDeadlines(state, policy),
    ...sessionTomorrow(state, policy),
    ...confirmationReminders(state, policy),
  ]
    .filter((planned) => !fired.has(planned.deadline.id))
    .sort((a, b) => Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt));
}

interface Plan {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly dueOn: LocalDate;
  readonly audience: readonly Audience[];
  readonly effect: PlannedDeadline['effect'];
  readonly text: string | PlannedDeadline['text'];
}

/** Date-based deadlines fall due at the policy's hour, Mexico City time. */
function plannerFor(policy: DeadlinePolicy): (plan: Plan) => PlannedDeadline {
  return ({ id, kind, dueOn, audience, effect, text }) => ({
    deadline: { id, kind, dueOn, dueAt: dueInstant(dueOn, policy), audience },
    effect,
    text: typeof text === 'string' ? () => text : text,
  });
}

/**
 * Facilitador vacant: flagged at once (FacilitadorVacated and the FACILITADOR_VACANT warning), a reminder to the
 * garante at 15 days, an escalation to the enlace at 30 days, then one every 7 days while vacant. The next weekly
 * escalation is the first of the series after the day the last one fired, so a worker that was down does not
 * send the missed weeks in a burst. Appointing a facilitador ends the series.
 */
function vacancyDeadlines(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  const since = vacancySince(state);
  if (since === undefined) return [];
  const prefix = `${VACANCY_DEADLINE_PREFIX}${since}`;
  const next = nextVacancyEscalation(state, since, `${prefix}:escalamiento:`, policy);
  const stl = entidadName(state.entidad);
  const plan = plannerFor(policy);
  return [
    plan({
      id: `${prefix}:recordatorio`,
      kind: 'vacancy_reminder',
      dueOn: addDays(since, policy.vacancyReminderDays),
      audience: ['garante'],
      effect: 'reminder',
      text: texts.vacancyReminder(stl, since),
    }),
    plan({
      id: `${prefix}:escalamiento:${next}`,
      kind: 'vacancy_escalation',
      dueOn: next,
      audience: ['enlace'],
      effect: 'escalation',
      text: (firedOn) => texts.vacancyEscalation(stl, since, firedOn),
    }),
  ];
}

function nextVacancyEscalation(
  state: StlInstalado,
  since: LocalDate,
  idPrefix: string,
  policy: DeadlinePolicy,
): LocalDate {
  const first = addDays(since, policy.vacancyEscalationDays);
  const lastFiredOn = state.escalations
    .filter((escalation) => escalation.id.startsWith(idPrefix))
    .map((escalation) => localDateAt(escalation.raisedAt))
    .sort()
    .pop();
  if (lastFiredOn === undefined) return first;
  const periods = Math.floor(daysBetween(first, lastFiredOn) / policy.vacancyRepeatDays) + 1;
  return addDays(first, periods * policy.vacancyRepeatDays);
}

/**
 * Bimonthly cadence (mecanismo-gobernanza-edomex.md, cap. VI, 5): the mark is two months after the last session
 * held with quorum, or after the installation. A reminder to convene goes out 10 business days before the mark
 * (room for the 5 days of notice); at the mark, an escalation. A convened session dated after the last one held
 * and on or before the mark covers the period (neither is listed); a convened session cancelled or held without
 * quorum stops covering it. Convening any session resolves the open cadence escalations (sessions.ts).
 */
function cadenceDeadlines(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  const lastHeld = lastSessionHeldOn(state);
  const anchor = lastHeld ?? state.installedOn;
  const mark = nextSessionDueOn(state, policy);
  const covered = sessionList(state).some(
    (session) => session.status === 'convocada' && session.date > anchor && session.date <= mark,
  );
  if (covered) return [];
  const calendar = stlCalendar(state);
  const stl = entidadName(state.entidad);
  const plan = plannerFor(policy);
  return [
    plan({
      id: `cadencia:${anchor}:recordatorio`,
      kind: 'cadence_reminder',
      dueOn: cadenceReminderOn(state, policy),
      audience: ['garante', 'facilitador'],
      effect: 'reminder',
      text: texts.cadenceReminder(stl, mark, noticeDeadline(mark, calendar)),
    }),
    plan({
      id: `cadencia:${anchor}:escalamiento`,
      kind: 'cadence_escalation',
      dueOn: mark,
      audience: ['enlace'],
      effect: 'escalation',
      text: texts.cadenceEscalation(stl, anchor, lastHeld === undefined, mark),
    }),
  ];
}

/** The two-month mark: the date by which the STL must have met again. */
export function nextSessionDueOn(state: StlInstalado, policy: DeadlinePolicy): LocalDate {
  return addMonths(lastSessionHeldOn(state) ?? state.installedOn, policy.cadenceMonths);
}

/** When the reminder to convene before the two-month mark goes out, on the STL's own calendar. */
export function cadenceReminderOn(state: StlInstalado, policy: DeadlinePolicy): LocalDate {
  return stlCalendar(state).addBusinessDays(nextSessionDueOn(state, policy), -policy.cadenceReminderBusinessDays);
}

/**
 * The day before each convened session, to its members; not when the convocation (or its last change of date) was
 * recorded after that moment. A session moved to another day has a new eve, with its own id.
 */
function sessionTomorrow(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  const plan = plannerFor(policy);
  return sessionList(state)
    .filter((session) => session.status === 'convocada')
    .map((session) => ({
      session,
      planned: plan({
        id: session.reschedulings === undefined ? `sesion:${session.sessionId}:manana` : `sesion:${session.sessionId}:${session.date}:manana`,
        kind: 'session_tomorrow',
        dueOn: addDays(session.date, -1),
        audience: ['integrantes', 'facilitador'],
        effect: 'reminder',
        text: texts.sessionTomorrow(session),
      }),
    }))
    .filter(({ session, planned }) => dueAfterLastChange(session, planned))
    .map(({ planned }) => planned);
}

/** Business days before a session at which those convened who have not answered are asked to. */
export const CONFIRMATION_REMINDER_BUSINESS_DAYS = 3;

/**
 * Three business days before each convened session (on the STL's calendar), to the convened who have not answered
 * its convocation yet; gone once everyone has. Never for a convocation recorded as history, and a session moved to
 * another day has a new one, with its own id (the old one is never listed again).
 */
function confirmationReminders(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  const calendar = stlCalendar(state);
  const plan = plannerFor(policy);
  return sessionList(state)
    .filter((session) => session.status === 'convocada' && session.historical === undefined)
    .filter((session) => unansweredOf(state, session).length > 0)
    .map((session) => ({
      session,
      planned: plan({
        id: `sesion:${session.sessionId}:${session.date}:confirmacion`,
        kind: 'confirmation_reminder',
        dueOn: calendar.addBusinessDays(session.date, -CONFIRMATION_REMINDER_BUSINESS_DAYS),
        audience: ['integrantes', 'facilitador'],
        effect: 'reminder',
        text: texts.confirmationReminder(session),
      }),
    }))
    .filter(({ session, planned }) => dueAfterLastChange(session, planned))
    .map(({ planned }) => planned);
}

/** A session's reminders whose moment had passed when it was convened (or last moved) are not listed. */
function dueAfterLastChange(session: Session, planned: PlannedDeadline): boolean {
  return Date.parse(planned.deadline.dueAt) > Date.parse(session.reschedulings?.at(-1)?.at ?? session.convenedAt);
}
