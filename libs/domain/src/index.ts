export * from './calendar';
export * from './shared';
