import { type UpdateDefinition } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';
import { type StoredEventData } from './event-store-activities';

/** What an Update carries: the command's data and who asked; the update's name is the command's type. */
export interface CommandPayload<Data = unknown> {
  readonly data: Data;
  readonly actor?: string;
}

/**
 * What an accepted command answers: the stream's version after it and the events it stored, as stored (none when
 * the command had already been applied). Never the aggregate's state: callers read what they show from the read
 * model, which the same append wrote before the Update returned.
 */
export interface CommandOutcome {
  readonly version: number;
  readonly events: readonly StoredEventData[];
}

/** Any command's Update, as the generic runtime and gateway see it. */
export type CommandUpdateDefinition = UpdateDefinition<CommandOutcome, [CommandPayload], string>;

type DataOf<C, T> = C extends { readonly type: T; readonly data: infer D } ? D : never;

export type CommandUpdates<C extends { readonly type: string }, T extends C['type']> = {
  readonly [K in T]: UpdateDefinition<CommandOutcome, [CommandPayload<DataOf<C, K>>], K>;
};

/**
 * One Update per command, named after it (visible as such in the Temporal UI). `types` is a record rather than a
 * list so that the compiler insists every command of the union is there.
 */
export function defineCommandUpdates<C extends { readonly type: string }, T extends C['type']>(
  types: Readonly<Record<T, true>>,
): CommandUpdates<C, T> {
  return Object.fromEntries(
    Object.keys(types).map((type) => [type, defineUpdate<CommandOutcome, [CommandPayload]>(type)]),
  ) as unknown as CommandUpdates<C, T>;
}
