import { type AggregateKind } from '../shared/stream-ids';
import { type AggregateModule } from './aggregate-module';
import { exerciseModule } from './exercise-module';
import { stlModule } from './stl-module';

/**
 * Every aggregate's module, by kind. Readers index it with a stream's kind instead of switching on it, so the state
 * keeps its type; a kind added to `AggregateKind` does not compile until it has its module here (and its projection
 * and mail beside the read side's registries).
 */
export const AGGREGATES: { readonly [K in AggregateKind]: AggregateModule<K> } = {
  exercise: exerciseModule,
  stl: stlModule,
};
