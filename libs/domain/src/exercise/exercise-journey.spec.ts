import { DEFAULT_DEADLINE_POLICY, earliest } from '../shared/deadline';
import { fold } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import {
  commandAt,
  commandOn,
  completeStages,
  concludeMesas,
  defineCommitments,
  launchPal,
  MICROSITIO,
  recordAnnualAgenda,
  recordGovernanceMechanism,
  signDeclaration,
  startJalisco,
  stlConFacilitador,
} from '../test-support/exercise-fixtures';
import { type ExerciseCommand } from './exercise-commands';
import { exerciseDeadlines } from './exercise-deadlines';
import { exerciseDecider } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';
import { exerciseSummary } from './exercise-summary';

/**
 * What the workflow does (DESIGN.md "Timers"): before each command, fire every deadline already due, earliest
 * first, as `FireDeadline` commands like any other. Run over the whole year of Jalisco's exercise.
 */
function run(commands: readonly ExerciseCommand[]): { events: ExerciseEvent[]; fired: string[] } {
  const events: ExerciseEvent[] = [];
  const fired: string[] = [];
  const apply = (command: ExerciseCommand) => {
    const decision = exerciseDecider.decide(command, fold(exerciseDecider, events));
    if (isDomainError(decision)) throw new Error(`${command.type}: ${decision.code}`);
    events.push(...decision);
  };
  for (const command of commands) {
    for (
      let next = earliest(exerciseDeadlines(fold(exerciseDecider, events), DEFAULT_DEADLINE_POLICY));
      next && next.dueAt <= command.metadata.now;
      next = earliest(exerciseDeadlines(fold(exerciseDecider, events), DEFAULT_DEADLINE_POLICY))
    ) {
      fired.push(next.id);
      apply(commandAt(next.dueAt, 'FireDeadline', { deadlineId: next.id }));
    }
    apply(command);
  }
  return { events, fired };
}

describe('A whole exercise, start to evaluation (seis-pasos-2016.txt: "seis pasos mínimos a lo largo de un periodo de 12 meses")', () => {
  const { events, fired } = run([
    startJalisco,
    signDeclaration,
    ...completeStages(1, 10),
    recordGovernanceMechanism,
    recordAnnualAgenda,
    stlConFacilitador,
    defineCommitments,
    concludeMesas,
    launchPal,
    commandOn('2026-11-10', 'RecordMonitoring', { completedOn: '2026-11-10', summary: 'Compromisos pertinentes.', micrositioUrl: MICROSITIO }),
    commandOn('2027-05-20', 'RecordEvaluation', { completedOn: '2027-05-20', summary: 'Logro alto.' }),
  ]);

  it('fires each deadline once, in order: the 35 quiet days after the STL was integrated, then the PAL year', () => {
    // No commitment ever reports progress in this run: every two months of the PAL's year the garante and the STL
    // are reminded ("un tablero de seguimiento … que será actualizado periódicamente", seis-pasos-2016.txt, paso 6).
    expect(fired).toEqual([
      'stall:2026-03-06:reminder',
      'avance:2026-07-04:recordatorio',
      'avance:2026-09-04:recordatorio',
      'monitoring:2026-11-04:reminder',
      'monitoring:2026-11-04:due',
      'avance:2026-11-04:recordatorio',
      'avance:2027-01-04:recordatorio',
      'avance:2027-03-04:recordatorio',
      'evaluation:2027-05-04:reminder',
      'evaluation:2027-05-04:due',
      'avance:2027-05-04:recordatorio',
    ]);
  });

  it('ends closed, every step completed, nothing left to wait for', () => {
    const state = fold(exerciseDecider, events);
    expect(exerciseDeadlines(state, DEFAULT_DEADLINE_POLICY)).toEqual([]);
    expect(exerciseSummary(state, DEFAULT_DEADLINE_POLICY)).toMatchObject({
      status: 'closed',
      completedSteps: [1, 2, 3, 4, 5, 6],
      completedStages: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      openEscalations: 0,
      closedOn: '2027-05-20',
    });
    expect(events.filter((event) => event.type === 'StepCompleted').map((event) => event.data.step)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
  });
});
