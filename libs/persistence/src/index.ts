export * from './data-source';
export * from './entities/domain-event.entity';
export * from './entities/exercise-view.entity';
export * from './event-store/event-store';
export * from './migrate';
export * from './persistence.module';
export * from './projections/exercise.projection';
export * from './projections/projection-writer';
