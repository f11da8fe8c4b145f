import { fold } from '../shared/decider';
import { parseStreamId, stlStreamId } from '../shared/stream-ids';
import { stlDeadlines } from '../stl/stl-deadlines';
import { stlDeciderWith } from '../stl/stl-decider';
import { evolveStl } from '../stl/stl-evolve';
import { initialStlState } from '../stl/stl-state';
import { stlSummary } from '../stl/stl-summary';
import { type AggregateModule } from './aggregate-module';

/** The state's permanent secretariat (stream `stl/<entidad>`): members, facilitador, sessions; outlives every PAL. */
export const stlModule: AggregateModule<'stl'> = {
  kind: 'stl',
  stream: {
    id: ({ entidad }) => stlStreamId(entidad),
    parse(streamId) {
      const ref = parseStreamId(streamId);
      return ref?.aggregate === 'stl' ? ref : undefined;
    },
  },
  fold: (events) => fold({ evolve: evolveStl, initialState: initialStlState }, events),
  decider: (policy) => stlDeciderWith(policy),
  deadlines: stlDeadlines,
  summary: (state, policy) => stlSummary(state, policy) ?? undefined,
  entidadOf: (state) => (state.status === 'unregistered' ? undefined : state.entidad),
};
