export * from './json-logger';
export * from './metrics-server';
export * from './request-context';
