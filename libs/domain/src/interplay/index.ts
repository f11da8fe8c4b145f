export * from './interplay';
