import { type Audience, type Deadline, type DeadlinePolicy, dueInstant } from '../shared/deadline';
import { addDays, type LocalDate } from '../shared/local-date';
import { type StepRules } from './exercise-requirements';
import { type ExerciseState, type OpenExercise, type PalRecord } from './exercise-state';

export type ExerciseDeadlineKind =
  | 'stall_reminder'
  | 'stall_escalation_enlace'
  | 'stall_escalation_coordinador'
  | 'monitoring_reminder'
  | 'monitoring_due'
  | 'evaluation_reminder'
  | 'evaluation_due';

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
export function exerciseDeadlines(state: ExerciseState, policy: DeadlinePolicy, _rules: StepRules = {}): ExerciseDeadline[] {
  if (state.status !== 'open') return [];
  const candidates = state.pal
    ? reviewDeadlines(state, state.pal, policy)
    : stallDeadlines(state.progressRecordedOn, policy);
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
