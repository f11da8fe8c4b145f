import {
  EXERCISE_STAGES,
  EXERCISE_STEPS,
  isStageNumber,
  isStepNumber,
  STAGE_STEP,
  stagesOfStep,
  stepDefinition,
} from './exercise-catalogue';
import { exerciseStreamId } from '../shared/stream-ids';
import { exerciseDecider } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';
import { evolveExercise, initialExerciseState } from './exercise-state';
import { jaliscoIniciado } from '../test-support/exercise-fixtures';
import { fold } from '../shared/decider';

describe('Stage and step catalogues (guia-instalacion-stl.txt, Anexo 1; seis-pasos-2016.txt)', () => {
  it('groups the ten stages in the three etapas of Anexo 1', () => {
    expect(EXERCISE_STAGES.map((stage) => stage.etapa)).toEqual([
      'PLANEA',
      ...Array<string>(3).fill('IDENTIFICA Y SUMA'),
      ...Array<string>(6).fill('INTEGRA'),
    ]);
    expect(EXERCISE_STAGES[9]).toMatchObject({
      number: 10,
      name: 'Instalación del STL',
      responsible: 'Organismo garante',
      step: 3,
    });
  });

  it('maps stage 1 to step 1, stages 2–4 to step 2 and stages 5–10 to step 3 (DOMAIN.md)', () => {
    expect(STAGE_STEP[1]).toBe(1);
    expect(stagesOfStep(2)).toEqual([2, 3, 4]);
    expect(stagesOfStep(3)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(stagesOfStep(5)).toEqual([]);
  });

  it('names the six steps, structural (2–5) and support (1, 6), with how each completes', () => {
    expect(EXERCISE_STEPS.map((step) => step.role)).toEqual([
      'de apoyo',
      'estructural',
      'estructural',
      'estructural',
      'estructural',
      'de apoyo',
    ]);
    expect(EXERCISE_STEPS.map((step) => step.completion)).toEqual([
      'explicit',
      'automatic',
      'automatic',
      'explicit',
      'pal_launch',
      'evaluation',
    ]);
    expect(stepDefinition(4).name).toBe('Mesas participativas');
  });

  it('recognises stage and step numbers', () => {
    expect([isStageNumber(10), isStageNumber(11), isStageNumber('1')]).toEqual([true, false, false]);
    expect([isStepNumber(6), isStepNumber(0)]).toEqual([true, false]);
    expect(exerciseStreamId('14', 2)).toBe('exercise/14/2');
  });
});

describe('evolveExercise', () => {
  it('starts from not_started and ignores anything before ExerciseStarted', () => {
    const stray: ExerciseEvent = { type: 'ExerciseClosed', data: { closedOn: '2026-01-01' } };
    expect(evolveExercise(initialExerciseState(), stray)).toEqual({ status: 'not_started' });
  });

  it('ignores a review deadline event without a launched PAL instead of inventing one', () => {
    const due: ExerciseEvent = {
      type: 'MonitoringDue',
      data: {
        deadlineId: 'monitoring:x:due',
        dueOn: '2026-11-04',
        audience: [],
        message: '',
        entidad: '14',
        exerciseNumber: 1,
        palLaunchedOn: '2026-05-04',
      },
    };
    const state = fold(exerciseDecider, [...jaliscoIniciado, due]);
    expect(state.status === 'open' && [state.pal, state.firedDeadlineIds]).toEqual([undefined, ['monitoring:x:due']]);
  });
});
