import { noticeDeadline } from '../calendar/business-calendar';
import { type Audience, DEFAULT_DEADLINE_POLICY, type Deadline, type DeadlineKind, type DeadlinePolicy } from '../shared/deadline';
import { entidadName } from '../shared/entidades';
import { addDays, addMonths, daysBetween, instantAt, localDateAt, type LocalDate } from '../shared/local-date';
import { spanishLongDate } from '../shared/spanish-date';
import { vacancySince } from './composition-warnings';
import { stlCalendar } from './stl-calendar';
import { VACANCY_DEADLINE_PREFIX } from './stl-evolve';
import { lastSessionHeldOn, sessionList, type StlInstalado, type StlState } from './stl-state';

/** A pending deadline and what firing it produces: a reminder, or an escalation to the state's enlace INAI. */
export interface PlannedDeadline {
  readonly deadline: Deadline;
  readonly effect: 'reminder' | 'escalation';
  /** Spanish, one sentence: the reminder's text or the escalation's reason. */
  readonly text: string;
}

/**
 * The pending deadlines of an installed STL (DOMAIN.md, "what the users need"), earliest first. Ids carry the
 * date their series counts from, so they are stable while nothing changes and new when the cause starts again;
 * a fired id is never listed again.
 */
export function stlDeadlines(state: StlState, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): Deadline[] {
  return plannedDeadlines(state, policy).map((planned) => planned.deadline);
}

export function plannedDeadlines(state: StlState, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): PlannedDeadline[] {
  if (state.status !== 'instalado') return [];
  const fired = new Set(state.firedDeadlineIds);
  return [...vacancyDeadlines(state, policy), ...cadenceDeadlines(state, policy), ...sessionTomorrow(state, policy)]
    .filter((planned) => !fired.has(planned.deadline.id))
    .sort((a, b) => Date.parse(a.deadline.dueAt) - Date.parse(b.deadline.dueAt));
}

function deadline(
  id: string,
  kind: DeadlineKind,
  dueOn: LocalDate,
  audience: readonly Audience[],
  policy: DeadlinePolicy,
): Deadline {
  return { id, kind, dueOn, dueAt: instantAt(dueOn, policy.dueHour), audience };
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
  const first = addDays(since, policy.vacancyEscalationDays);
  const lastFiredOn = state.escalations
    .filter((escalation) => escalation.id.startsWith(`${prefix}:escalamiento:`))
    .map((escalation) => localDateAt(escalation.raisedAt))
    .sort()
    .pop();
  const next =
    lastFiredOn === undefined
      ? first
      : addDays(first, policy.vacancyRepeatDays * (Math.floor(daysBetween(first, lastFiredOn) / policy.vacancyRepeatDays) + 1));
  const name = entidadName(state.entidad);
  return [
    {
      deadline: deadline(`${prefix}:recordatorio`, 'vacancy_reminder', addDays(since, policy.vacancyReminderDays), ['garante'], policy),
      effect: 'reminder',
      text: `El puesto de facilitador del STL de ${name} está vacante desde el ${spanishLongDate(since)}: nombre a un facilitador, preferentemente de la academia o de la sociedad civil.`,
    },
    {
      deadline: deadline(`${prefix}:escalamiento:${next}`, 'vacancy_escalation', next, ['enlace'], policy),
      effect: 'escalation',
      text: `El puesto de facilitador del STL de ${name} sigue vacante desde el ${spanishLongDate(since)} (${daysBetween(since, next)} días).`,
    },
  ];
}

/**
 * Bimonthly cadence (mecanismo-gobernanza-edomex.md, cap. VI, 5): the mark is two months after the last session
 * held with quorum, or after the installation. A reminder to convene goes out 10 business days before the mark
 * (room for the 5 days of notice); at the mark, an escalation. A convened session dated after the last one held
 * and on or before the mark covers the period (neither is listed); a convened session cancelled or held without
 * quorum stops covering it. Convening any session resolves the open cadence escalations (sessions.ts).
 */
function cadenceDeadlines(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  const anchor = lastSessionHeldOn(state) ?? state.installedOn;
  const mark = nextSessionDueOn(state, policy);
  const covered = sessionList(state).some(
    (session) => session.status === 'convocada' && session.date > anchor && session.date <= mark,
  );
  if (covered) return [];
  const calendar = stlCalendar(state);
  const since = lastSessionHeldOn(state) === undefined ? `su instalación, el ${spanishLongDate(anchor)}` : `el ${spanishLongDate(anchor)}`;
  const name = entidadName(state.entidad);
  return [
    {
      deadline: deadline(
        `cadencia:${anchor}:recordatorio`,
        'cadence_reminder',
        calendar.addBusinessDays(mark, -policy.cadenceReminderBusinessDays),
        ['garante', 'facilitador'],
        policy,
      ),
      effect: 'reminder',
      text: `El STL de ${name} debe sesionar a más tardar el ${spanishLongDate(mark)} (sesión bimestral): convoque a más tardar el ${spanishLongDate(noticeDeadline(mark, calendar))}.`,
    },
    {
      deadline: deadline(`cadencia:${anchor}:escalamiento`, 'cadence_escalation', mark, ['enlace'], policy),
      effect: 'escalation',
      text: `El STL de ${name} no ha sesionado desde ${since}: la sesión bimestral vencía el ${spanishLongDate(mark)}.`,
    },
  ];
}

/** The two-month mark: the date by which the STL must have met again. */
export function nextSessionDueOn(state: StlInstalado, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): LocalDate {
  return addMonths(lastSessionHeldOn(state) ?? state.installedOn, policy.cadenceMonths);
}

/** The day before each convened session, to its members; not when the convocation was recorded after that moment. */
function sessionTomorrow(state: StlInstalado, policy: DeadlinePolicy): PlannedDeadline[] {
  return sessionList(state)
    .filter((session) => session.status === 'convocada')
    .map((session) => ({
      session,
      deadline: deadline(`sesion:${session.sessionId}:manana`, 'session_tomorrow', addDays(session.date, -1), ['integrantes', 'facilitador'], policy),
    }))
    .filter(({ session, deadline: due }) => Date.parse(due.dueAt) > Date.parse(session.convenedAt))
    .map(({ session, deadline: due }) => {
      const where = session.place ?? session.link;
      return {
        deadline: due,
        effect: 'reminder' as const,
        text:
          `Mañana, ${spanishLongDate(session.date)}, sesión ${session.kind} del STL${where === undefined ? '' : ` (${where})`}. ` +
          `Orden del día: ${session.agenda.join('; ')}.`,
      };
    });
}
