export * from './decider';
export * from './deadline';
export * from './domain-error';
export * from './entidades';
export * from './escalation';
export * from './local-date';
export * from './spanish-date';
export * from './stream-ids';
