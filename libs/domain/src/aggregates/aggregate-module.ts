import { type Decider } from '../shared/decider';
import { type Deadline, type DeadlinePolicy } from '../shared/deadline';
import { type Entidad } from '../shared/entidades';
import { type AggregateKind, type StreamRef } from '../shared/stream-ids';
import { type ExerciseCommand } from '../exercise/exercise-commands';
import { type ExerciseEvent } from '../exercise/exercise-events';
import { type ExerciseState } from '../exercise/exercise-state';
import { type ExerciseSummary } from '../exercise/exercise-summary';
import { type StlCommand } from '../stl/stl-commands';
import { type StlEvent } from '../stl/stl-events';
import { type StlState } from '../stl/stl-state';
import { type StlSummary } from '../stl/stl-summary';

/** The types of each aggregate, by kind: a kind missing here cannot be given a module (nor a projection, nor mail). */
export interface AggregateTypes {
  readonly exercise: { readonly command: ExerciseCommand; readonly event: ExerciseEvent; readonly state: ExerciseState; readonly summary: ExerciseSummary };
  readonly stl: { readonly command: StlCommand; readonly event: StlEvent; readonly state: StlState; readonly summary: StlSummary };
}

export type CommandOf<K extends AggregateKind> = AggregateTypes[K]['command'];
export type EventOf<K extends AggregateKind> = AggregateTypes[K]['event'];
export type StateOf<K extends AggregateKind> = AggregateTypes[K]['state'];
export type SummaryOf<K extends AggregateKind> = AggregateTypes[K]['summary'];
export type StreamRefOf<K extends AggregateKind> = Extract<StreamRef, { readonly aggregate: K }>;

/**
 * The pure parts of one aggregate, in the order a reader looks for them: its stream, its fold, its decider, and what
 * readers see (deadlines, summary). Everything dated takes the policy the stream runs under; none defaults it.
 */
export interface AggregateModule<K extends AggregateKind> {
  readonly kind: K;
  readonly stream: {
    id(ref: StreamRefOf<K>): string;
    /** Undefined for an id of another aggregate, or of no real state. */
    parse(streamId: string): StreamRefOf<K> | undefined;
  };
  /** The state after `events`, from the initial one. */
  fold(events: readonly EventOf<K>[]): StateOf<K>;
  decider(policy: DeadlinePolicy): Decider<CommandOf<K>, EventOf<K>, StateOf<K>>;
  deadlines(state: StateOf<K>, policy: DeadlinePolicy): readonly Deadline[];
  /** Undefined until the stream's first command was accepted. */
  summary(state: StateOf<K>, policy: DeadlinePolicy): SummaryOf<K> | undefined;
  /** The state the stream belongs to; undefined before its first event. */
  entidadOf(state: StateOf<K>): Entidad | undefined;
}
