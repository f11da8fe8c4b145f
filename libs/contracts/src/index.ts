export * from './command-messages';
export * from './command-updates';
export * from './event-store-activities';
export * from './exercise-messages';
export * from './search-attributes';
export * from './snapshot';
export * from './stl-messages';
export * from './workflow-ids';
