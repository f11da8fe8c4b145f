export * from './data-source';
export * from './entities/domain-event.entity';
export * from './event-store/event-store';
export * from './migrate';
export * from './persistence.module';
