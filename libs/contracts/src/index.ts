export * from './command-messages';
export * from './event-store-activities';
export * from './search-attributes';
export * from './workflow-ids';
