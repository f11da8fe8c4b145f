export * from './exercise/exercise.workflow';
export * from './stl/stl.workflow';
