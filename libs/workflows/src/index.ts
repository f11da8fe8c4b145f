export * from './exercise/exercise.workflow';
