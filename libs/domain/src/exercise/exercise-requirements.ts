import { type DecisionContext } from '../shared/decider';
import { type Instant, type LocalDate } from '../shared/local-date';
import { missingContent } from './commitment-rules';
import { STAGE_NUMBERS, type StageNumber, stagesOfStep, STEP_NUMBERS, type StepNumber } from './exercise-catalogue';
import { type StepCompleted } from './exercise-events';
import { evolveExercise, later, type StartedExercise } from './exercise-state';

/** A stage is closed once completed or skipped with a recorded justification. */
export function isStageClosed(state: StartedExercise, stage: StageNumber): boolean {
  return state.stages[stage] !== undefined;
}

export function openStages(state: StartedExercise): StageNumber[] {
  return STAGE_NUMBERS.filter((stage) => !isStageClosed(state, stage));
}

export function completedSteps(state: StartedExercise): StepNumber[] {
  return STEP_NUMBERS.filter((step) => state.steps[step] !== undefined);
}

export function currentStep(state: StartedExercise): StepNumber {
  return STEP_NUMBERS.find((step) => state.steps[step] === undefined) ?? 6;
}

export function currentStage(state: StartedExercise): StageNumber {
  return openStages(state)[0] ?? 10;
}

/** The latest date among closed stages, or the start: no stage may be completed before it. */
export function latestStageDate(state: StartedExercise): LocalDate {
  return STAGE_NUMBERS.reduce((latest, stage) => later(latest, state.stages[stage]?.on ?? latest), state.startedOn);
}

/** Stable codes of what a step still lacks (seis-pasos-2016.txt), with their Spanish labels. */
export interface MissingRequirement {
  readonly code: string;
  readonly label: string;
}

/** Which rules a run follows: the current ones, or those of runs begun before issue 17. */
export type StepRules = Pick<DecisionContext, 'stepsBeforeIssue17' | 'termOpenAfterLaunch'>;

export function stepRequirementsMissing(
  state: StartedExercise,
  step: StepNumber,
  rules: StepRules = {},
): MissingRequirement[] {
  switch (step) {
    case 1:
      return [];
    case 2:
      return pendingStagesOf(state, 2);
    case 3:
      return [
        ...pendingStagesOf(state, 3),
        ...(rules.stepsBeforeIssue17 ? [] : stlInstallationMissing(state)),
        ...stlIntegrationMissing(state, rules),
      ];
    case 4:
      return commitmentsMissing(state);
    case 5:
      return state.pal ? [] : [{ code: 'lanzamiento_del_pal', label: 'lanzar el PAL en un evento público' }];
    case 6:
      return [
        ...(rules.stepsBeforeIssue17 ? [] : reviewRequirementsMissing(state)),
        ...(state.evaluation ? [] : [{ code: 'evaluacion', label: 'registrar la evaluación al concluir el año del PAL' }]),
      ];
    default: {
      const _exhaustive: never = step;
      return _exhaustive;
    }
  }
}

function pendingStagesOf(state: StartedExercise, step: StepNumber): MissingRequirement[] {
  return stagesOfStep(step)
    .filter((stage) => !isStageClosed(state, stage))
    .map((stage) => ({ code: `etapa_${stage}`, label: `concluir la etapa ${stage}` }));
}

/**
 * Paso 3 ends with the STL installed: "elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt), and
 * stage 10 is the installation with its acta. The exercise knows it from what the STL reports, not from its own
 * stage 10, which the STL may have refused (a sector without titular).
 */
function stlInstallationMissing(state: StartedExercise): MissingRequirement[] {
  const stl = state.stl;
  const installed = stl?.installedOn
    ? []
    : [{ code: 'stl_instalado', label: 'instalar el STL y firmar su acta de instalación' }];
  if (stl?.composition === undefined) {
    return [...installed, { code: 'titulares_y_suplentes', label: 'elegir a los titulares y a los suplentes de cada sector' }];
  }
  const seats = stl.composition.flatMap(({ sector, label, titulares, suplentes }) => [
    ...(titulares > 0 ? [] : [{ code: `titular:${sector}`, label: `elegir al menos un titular de ${label}` }]),
    ...(suplentes > 0 ? [] : [{ code: `suplente:${sector}`, label: `elegir al menos un suplente de ${label}` }]),
  ]);
  return [...installed, ...seats];
}

/** Stage 9 done by the STL itself: what its exercise's step 3 waits for, and the board asks for from step 2 on. */
export const STL_MECHANISM_ADOPTION: MissingRequirement = {
  code: 'mecanismo_del_stl',
  label: 'adoptar en el STL su mecanismo de gobernanza (etapa 9)',
};

/**
 * Paso 3: once elected, the members agree the MG, elect the facilitador and write the annual agenda. The MG is two
 * things: the document the exercise keeps (it goes into the acta de instalación) and the STL's own adoption of it
 * (stage 9: "se acordará el mecanismo de gobernanza que regirá su actuación", guia-instalacion-stl.txt), which its
 * sessions are judged by. STL runs from before do not report the adoption, and the document stands alone.
 */
function stlIntegrationMissing(state: StartedExercise, rules: StepRules): MissingRequirement[] {
  const adoptionMissing = !rules.stepsBeforeIssue17 && state.stl?.mechanismAdoptedOn === null;
  return [
    state.governanceMechanism
      ? []
      : [{ code: 'mecanismo_de_gobernanza', label: 'registrar el mecanismo de gobernanza' }],
    adoptionMissing ? [STL_MECHANISM_ADOPTION] : [],
    state.stl?.facilitador ? [] : [{ code: 'facilitador', label: 'elegir al facilitador del STL' }],
    state.annualAgenda ? [] : [{ code: 'agenda_anual', label: 'registrar la agenda anual de trabajo' }],
  ].flat();
}

/**
 * Paso 6: "El organismo garante local deberá habilitar un micrositio … A los seis meses … realizará un ejercicio de
 * monitoreo" (seis-pasos-2016.txt): both before the evaluation closes the exercise.
 */
export function reviewRequirementsMissing(state: StartedExercise, micrositioNow?: string): MissingRequirement[] {
  return [
    ...(state.monitoring ? [] : [{ code: 'monitoreo', label: 'registrar el monitoreo de los seis meses' }]),
    ...(micrositioNow ?? micrositioOf(state)
      ? []
      : [{ code: 'micrositio', label: 'registrar el micrositio del organismo garante con la evidencia y el tablero de seguimiento' }]),
  ];
}

/** The latest micrositio a review recorded. */
export function micrositioOf(state: StartedExercise): string | undefined {
  return state.evaluation?.micrositioUrl ?? state.monitoring?.micrositioUrl;
}

/** Paso 4: the mesas define commitments, each with activities, products, indicators and responsibles. */
function commitmentsMissing(state: StartedExercise): MissingRequirement[] {
  if (state.commitments.length === 0) {
    return [{ code: 'compromisos', label: 'definir los compromisos en las mesas participativas' }];
  }
  return state.commitments.flatMap((commitment) =>
    missingContent(commitment).map(({ code, label }) => ({
      code: `compromiso:${commitment.id}:${code}`,
      label: `definir ${label} del compromiso ${commitment.id}`,
    })),
  );
}

/**
 * Steps 2 and 3 complete by themselves as soon as their last requirement is met (and the previous step is done);
 * completing one may complete the next, so this cascades. The date is the latest of the requirements' dates.
 */
export function automaticSteps(state: StartedExercise, recordedAt: Instant, rules: StepRules = {}): StepCompleted[] {
  const completions: StepCompleted[] = [];
  let current = state;
  for (const step of [2, 3] as const) {
    const previous = current.steps[(step - 1) as StepNumber];
    if (current.steps[step] || !previous || stepRequirementsMissing(current, step, rules).length > 0) continue;
    const completedOn = [previous.completedOn, ...requirementDates(current, step, rules)].reduce(later);
    const event: StepCompleted = {
      type: 'StepCompleted',
      data: { step, completedOn, evidence: [], automatic: true, recordedAt },
    };
    completions.push(event);
    current = evolveExercise(current, event) as StartedExercise;
  }
  return completions;
}

/** Only called once every requirement is met, so each date below is present. */
function requirementDates(state: StartedExercise, step: 2 | 3, rules: StepRules): LocalDate[] {
  const stageDates = stagesOfStep(step).map((stage) => state.stages[stage]?.on);
  const documents =
    step === 3 ? [state.governanceMechanism?.adoptedOn, state.annualAgenda?.adoptedOn, state.facilitadorKnownOn] : [];
  const installation =
    step === 3 && !rules.stepsBeforeIssue17
      ? [state.stl?.installedOn, state.compositionCompleteOn, state.stl?.mechanismAdoptedOn ?? undefined]
      : [];
  return [...stageDates, ...documents, ...installation].filter((date): date is LocalDate => date !== undefined);
}
