import { type Audience, type Deadline, type DeadlinePolicy, dueInstant } from '../shared/deadline';
import { addDays, addMonths, type LocalDate } from '../shared/local-date';
import { DEFAULT_PROGRESS_REPORT_MONTHS, isProgressReportMonths } from '../stl/governance';
import { type ProgressReportRule } from './exercise-commands';
import { type StepRules } from './exercise-requirements';
import { type ExerciseState, type OpenExercise, type PalRecord } from './exercise-state';

export type ExerciseDeadlineKind =
  | 'stall_reminder'
  | 'stall_escalation_enlace'
  | 'stall_escalation_coordinador'
  | 'monitoring_reminder'
  | 'monitoring_due'
  | 'evaluation_reminder'
  | 'evaluation_due'
  | 'term_warning'
  | 'term_escalation'
  | 'progress_reminder';

export interface ExerciseDeadline extends Deadline {
  readonly kind: ExerciseDeadlineKind;
}

/**
 * The only timers of an exercise, pending ones only, earliest first. The workflow waits for the first and sends
 * `FireDeadline`; the resulting event records the id, which is then never listed again.
 *
 * Stall (DOMAIN.md "Escalation"): while the PAL has not been launched (steps 1–4 and the launch itself), no
 * progress for 30 days → reminder to the garante, 45 → escalation to the enlace INAI, 60 → to the coordinador.
 * The clock starts on the Mexico City date on which progress was last *recorded* (start, stage, step, mecanismo
 * de gobernanza, agenda anual, commitments, launch), so a late report of an old completion resets it instead of
 * raising an escalation on arrival; ids carry that date, so new progress starts a new chain.
 * After the launch the PAL's own clock takes over: monitoring and evaluation, each with a reminder 15 days before.
 */
export function exerciseDeadlines(state: ExerciseState, policy: DeadlinePolicy, rules: StepRules = {}): ExerciseDeadline[] {
  if (state.status !== 'open') return [];
  const candidates = [
    ...(state.pal ? reviewDeadlines(state, state.pal, policy) : stallDeadlines(state.progressRecordedOn, policy)),
    ...(rules.stepsBeforeIssue17 ? [] : state.pal ? progressDeadlines(state, policy) : termDeadlines(state, policy)),
  ];
  return candidates
    .filter((deadline) => !state.firedDeadlineIds.includes(deadline.id))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** The first step of the stall chain: the reminder to the garante when nothing is recorded since `since`. */
export function stallReminderOn(since: LocalDate, policy: DeadlinePolicy): LocalDate {
  return addDays(since, policy.stallReminderDays);
}

function stallDeadlines(since: LocalDate, policy: DeadlinePolicy): ExerciseDeadline[] {
  const at = (days: number) => dueInstant(addDays(since, days), policy);
  const stall = (suffix: string, kind: ExerciseDeadlineKind, days: number, audience: readonly Audience[]) => ({
    id: `stall:${since}:${suffix}`,
    kind,
    dueOn: addDays(since, days),
    dueAt: at(days),
    audience,
  });
  return [
    stall('reminder', 'stall_reminder', policy.stallReminderDays, ['garante']),
    stall('enlace', 'stall_escalation_enlace', policy.stallEnlaceEscalationDays, ['enlace']),
    stall('coordinador', 'stall_escalation_coordinador', policy.stallCoordinadorEscalationDays, ['coordinador']),
  ];
}

/**
 * "Seis pasos mínimos a lo largo de un periodo de 12 meses" (seis-pasos-2016.txt), counted from the start. The same
 * text gives the PAL a year of its own from its launch ("tendrá una vigencia de un año"), so the twelve months watch the
 * way to the launch; after it the PAL's year is watched by the monitoring and the evaluation.
 */
export const TERM_MONTHS = 12;
export const TERM_WARNING_MONTHS = 11;
/** A warning in month 11 (garante, enlace) and an escalation at 12 (enlace, coordinador) while the PAL is not launched. */
function termDeadlines(state: OpenExercise, policy: DeadlinePolicy): ExerciseDeadline[] {
  const at = (months: number, suffix: string, kind: ExerciseDeadlineKind, audience: readonly Audience[]) => {
    const dueOn = addMonths(state.startedOn, months);
    return { id: `doce-meses:${state.startedOn}:${suffix}`, kind, dueOn, dueAt: dueInstant(dueOn, policy), audience };
  };
  return [
    at(TERM_WARNING_MONTHS, 'aviso', 'term_warning', ['garante', 'enlace']),
    at(TERM_MONTHS, 'escalamiento', 'term_escalation', ['enlace', 'coordinador']),
  ];
}

export interface ProgressPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly months: number;
}

/**
 * The progress periods of the PAL's year, as [start, end) pairs from its launch. Each lasts what the STL's mechanism
 * in force on its first day says (`rules`, as the STL reported them; none: two months throughout), so a change of the
 * mechanism reshapes only the periods that begin after it.
 */
export function progressPeriods(
  pal: PalRecord,
  policy: DeadlinePolicy,
  rules: readonly ProgressReportRule[] = [],
): ProgressPeriod[] {
  const yearEnds = addMonths(pal.launchedOn, policy.evaluationMonths);
  const periods: ProgressPeriod[] = [];
  for (let from = pal.launchedOn; from < yearEnds; from = periods[periods.length - 1].to) {
    const months = monthsOn(rules, from);
    periods.push({ from, to: addMonths(from, months), months });
  }
  return periods;
}

/** The period of the rule in force on `date`: the last that began by then, else the first (in force since registration). */
function monthsOn(rules: readonly ProgressReportRule[], date: LocalDate): number {
  const started = rules.filter((rule) => rule.validFrom === null || rule.validFrom <= date);
  const rule = started.at(-1) ?? rules[0];
  // Reports are checked on arrival; a period under one month would never end.
  return rule !== undefined && isProgressReportMonths(rule.months) ? rule.months : DEFAULT_PROGRESS_REPORT_MONTHS;
}

/** What a progress reminder due on a day is about, for its message and its e-mail. */
export interface ProgressReminderSubject {
  /** The period that ends that day: its first day and its length. */
  readonly from: LocalDate;
  readonly months: number;
  /** Its commitments without a report in it. */
  readonly missing: readonly string[];
  /** The end of the next period, when the PAL's year has one. */
  readonly nextReminderOn: LocalDate | null;
}

/** A day no period ends on (the periods were reshaped since it was due) is about no commitment. */
export function progressReminderSubject(
  state: OpenExercise,
  pal: PalRecord,
  policy: DeadlinePolicy,
  dueOn: LocalDate,
): ProgressReminderSubject {
  const periods = progressPeriods(pal, policy, state.stl?.progressReports);
  const index = periods.findIndex(({ to }) => to === dueOn);
  if (index < 0) return { from: pal.launchedOn, months: DEFAULT_PROGRESS_REPORT_MONTHS, missing: [], nextReminderOn: null };
  const { from, months } = periods[index];
  return { from, months, missing: commitmentsWithoutProgress(state, from), nextReminderOn: periods[index + 1]?.to ?? null };
}

/** The commitments whose latest progress report is older than `from` (or that have none). */
export function commitmentsWithoutProgress(state: OpenExercise, from: LocalDate): string[] {
  return state.commitments
    .filter((commitment) => commitment.reportedOn === undefined || commitment.reportedOn < from)
    .map((commitment) => commitment.id);
}

/** At the end of each period, a reminder to the garante and the STL while a commitment has no report in it. */
function progressDeadlines(state: OpenExercise, policy: DeadlinePolicy): ExerciseDeadline[] {
  if (!state.pal) return [];
  return progressPeriods(state.pal, policy, state.stl?.progressReports)
    .filter(({ from }) => commitmentsWithoutProgress(state, from).length > 0)
    .map(({ to }) => ({
      id: `avance:${to}:recordatorio`,
      kind: 'progress_reminder',
      dueOn: to,
      dueAt: dueInstant(to, policy),
      audience: ['garante', 'integrantes'],
    }));
}

/** A reminder `dueReminderDays` before a review date, and the review itself on the date. */
function reviewPair(
  review: 'monitoring' | 'evaluation',
  dueOn: LocalDate,
  audience: readonly Audience[],
  policy: DeadlinePolicy,
): ExerciseDeadline[] {
  const reminderOn = addDays(dueOn, -policy.dueReminderDays);
  return [
    {
      id: `${review}:${dueOn}:reminder`,
      kind: `${review}_reminder`,
      dueOn: reminderOn,
      dueAt: dueInstant(reminderOn, policy),
      audience: ['garante', 'enlace'],
    },
    { id: `${review}:${dueOn}:due`, kind: `${review}_due`, dueOn, dueAt: dueInstant(dueOn, policy), audience },
  ];
}

function reviewDeadlines(state: OpenExercise, pal: PalRecord, policy: DeadlinePolicy): ExerciseDeadline[] {
  return [
    ...(state.monitoring
      ? []
      : reviewPair('monitoring', pal.monitoringDueOn, ['garante', 'enlace', 'coordinador'], policy)),
    // The STL's members hear of it too: their civil-society representation is renewed at the PAL's end.
    ...reviewPair('evaluation', pal.evaluationDueOn, ['garante', 'integrantes', 'enlace', 'coordinador'], policy),
  ];
}
