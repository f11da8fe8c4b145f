import { type Entidad, isEntidad } from './entidades';

/** The aggregates whose streams the workflows write; each has its own projections. */
export type AggregateKind = 'exercise' | 'stl';

/** What a stream id names. Stream ids are business keys and double as the workflows' ids. */
export type StreamRef =
  | { readonly aggregate: 'stl'; readonly entidad: Entidad }
  | { readonly aggregate: 'exercise'; readonly entidad: Entidad; readonly number: number };

/** `stl/<entidad>`: the state's permanent secretariat. */
export function stlStreamId(entidad: string): string {
  return `stl/${entidad}`;
}

/** `exercise/<entidad>/<n>`: the state's n-th exercise. */
export function exerciseStreamId(entidad: string, number: number): string {
  return `exercise/${entidad}/${number}`;
}

/** A LIKE pattern for every exercise stream of a state. */
export function exerciseStreamsOf(entidad: string): string {
  return `exercise/${entidad}/%`;
}

const STL_STREAM = /^stl\/(\d{2})$/;
const EXERCISE_STREAM = /^exercise\/(\d{2})\/([1-9]\d{0,3})$/;

/** Undefined for anything that is not the id of a stream of a real state. */
export function parseStreamId(streamId: string): StreamRef | undefined {
  const stl = STL_STREAM.exec(streamId);
  if (stl && isEntidad(stl[1])) return { aggregate: 'stl', entidad: stl[1] };
  const exercise = EXERCISE_STREAM.exec(streamId);
  if (exercise && isEntidad(exercise[1])) return { aggregate: 'exercise', entidad: exercise[1], number: Number(exercise[2]) };
  return undefined;
}
