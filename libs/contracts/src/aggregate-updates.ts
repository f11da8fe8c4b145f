import { type AggregateKind } from '@app/domain';
import { exerciseUpdates } from './exercise-messages';
import { stlUpdates } from './stl-messages';

/** Each aggregate's Updates (one per command people send), by kind: a kind without them does not compile. */
export const AGGREGATE_UPDATES = { exercise: exerciseUpdates, stl: stlUpdates } as const satisfies { readonly [K in AggregateKind]: object };
