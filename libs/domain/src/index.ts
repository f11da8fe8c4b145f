export * from './calendar';
export * from './shared';
export * from './stl';
export * from './exercise';
export * from './interplay';
export * from './aggregates';
