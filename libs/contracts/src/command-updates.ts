import { type UpdateDefinition } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';

/** What an Update carries: the command's data and who asked; the update's name is the command's type. */
export interface CommandPayload<Data = unknown> {
  readonly data: Data;
  readonly actor?: string;
}

/** Any command's Update, as the generic runtime and gateway see it. */
export type CommandUpdateDefinition<S> = UpdateDefinition<S, [CommandPayload], string>;

type DataOf<C, T> = C extends { readonly type: T; readonly data: infer D } ? D : never;

export type CommandUpdates<C extends { readonly type: string }, S, T extends C['type']> = {
  readonly [K in T]: UpdateDefinition<S, [CommandPayload<DataOf<C, K>>], K>;
};

/**
 * One Update per command, named after it (visible as such in the Temporal UI). `types` is a record rather than a
 * list so that the compiler insists every command of the union is there.
 */
export function defineCommandUpdates<C extends { readonly type: string }, S, T extends C['type']>(
  types: Readonly<Record<T, true>>,
): CommandUpdates<C, S, T> {
  return Object.fromEntries(
    Object.keys(types).map((type) => [type, defineUpdate<S, [CommandPayload]>(type)]),
  ) as unknown as CommandUpdates<C, S, T>;
}
