export * from './commitment-rules';
export * from './exercise-catalogue';
export * from './exercise-commands';
export * from './exercise-deadlines';
export * from './exercise-decider';
export { type ExerciseErrorCode, exerciseErrors } from './exercise-errors';
export * from './exercise-events';
export { progressPeriodName, whereItStands } from './exercise-messages';
export { type MissingRequirement, STL_MECHANISM_ADOPTION, stepRequirementsMissing, type StepRules } from './exercise-requirements';
export {
  type ClosedExercise,
  evolveExercise,
  type ExerciseProgress,
  type ExerciseState,
  type HistoricalPalAct,
  initialExerciseState,
  type NotStartedExercise,
  type OpenExercise,
  type PalRecord,
  type StageRecord,
  type StartedExercise,
  type StepRecord,
} from './exercise-state';
export * from './exercise-summary';
