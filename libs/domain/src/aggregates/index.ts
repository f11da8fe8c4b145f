export * from './aggregate-module';
export * from './aggregates';
