import { type LatestFiring } from '../simulation/deadline-oracle';
import { SeededRandom } from '../simulation/seeded-random';

export const FAULT_KINDS = ['worker-sigkill', 'worker-sigkill-in-append', 'postgres-restart', 'temporal-restart', 'smtp-outage', 'api-restart'] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** One fault: when it starts (ms after the driver starts) and how long the part stays down. */
export interface Fault {
  readonly kind: FaultKind;
  readonly atMs: number;
  readonly downMs: number;
}

/** How long each part stays down, in ms: SMTP the longest, as mail servers go down for minutes. */
const DOWNTIME: Record<FaultKind, readonly [number, number]> = {
  'worker-sigkill': [500, 5_000],
  'worker-sigkill-in-append': [500, 5_000],
  'postgres-restart': [2_000, 10_000],
  'temporal-restart': [2_000, 8_000],
  'smtp-outage': [20_000, 90_000],
  'api-restart': [500, 3_000],
};

/**
 * The faults of a chaos run, drawn from its seed: one at a time (each part comes back before the next fault), the
 * first some seconds in, the last leaving a quarter of the run for the system to work with everything up. An SMTP
 * outage runs alongside the others: mail is only the last mile.
 */
export function faultSchedule(seed: number, durationMs: number): Fault[] {
  const random = SeededRandom.forPart(seed, 'faults');
  const faults: Fault[] = [];
  const lastStart = durationMs * 0.75;
  let at = random.int(5_000, 12_000);
  while (at < lastStart) {
    const kind = random.pick(FAULT_KINDS);
    const [shortest, longest] = DOWNTIME[kind];
    const downMs = Math.min(random.int(shortest, longest), Math.max(shortest, durationMs / 4));
    faults.push({ kind, atMs: at, downMs });
    at += (kind === 'smtp-outage' ? 0 : downMs) + random.int(6_000, 20_000);
  }
  return faults;
}

/**
 * A schedule written out, to replay one a run's log shows instead of the seed's: `kind@seconds+downSeconds`, comma
 * separated, e.g. `worker-sigkill-in-append@30+2,temporal-restart@31+5`. Undefined when any part is not one.
 */
export function parseFaults(text: string): Fault[] | undefined {
  const faults = text.split(',').map((part) => {
    const match = /^([a-z-]+)@(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$/.exec(part.trim());
    const kind = FAULT_KINDS.find((known) => known === match?.[1]);
    return match && kind ? { kind, atMs: Number(match[2]) * 1000, downMs: Number(match[3]) * 1000 } : undefined;
  });
  return faults.every((fault) => fault !== undefined) ? faults.sort((a, b) => a.atMs - b.atMs) : undefined;
}

/** A stretch during which deadlines could not fire: from a fault's start until the worker polled again. */
export interface Outage {
  readonly fromMs: number;
  readonly toMs: number;
}

/** What a firing may be late by with everything up: the worker's task, a retried append, the checker's clock. */
export const FIRING_SLACK_MS = 120_000;

/**
 * The stretches during which deadlines could not fire. Outages less than the slack apart are one stretch: a deadline
 * due during the first is still catching up when the next begins (chaos seed 1: three worker kills and a Temporal
 * restart within 100 s, each new worker 20–40 s to poll).
 */
export function outageStretches(outages: readonly Outage[]): Outage[] {
  const stretches: Outage[] = [];
  for (const outage of [...outages].sort((a, b) => a.fromMs - b.fromMs)) {
    const last = stretches.at(-1);
    if (last !== undefined && outage.fromMs - last.toMs < FIRING_SLACK_MS) stretches[stretches.length - 1] = { fromMs: last.fromMs, toMs: Math.max(last.toMs, outage.toMs) };
    else stretches.push(outage);
  }
  return stretches;
}

/**
 * The latest instant a deadline due at `dueMs` may be recorded fired in a chaos run: the slack after its instant, or,
 * when it fell due in a stretch the system could not fire (or within the slack before one, still being fired when it
 * began), the slack after that stretch. A deadline due while everything was up has the slack alone, however long the
 * run's outages were elsewhere.
 */
export function latestFiring(outages: readonly Outage[]): LatestFiring {
  const stretches = outageStretches(outages);
  return (dueMs) => {
    const stretch = stretches.find(({ fromMs, toMs }) => dueMs >= fromMs - FIRING_SLACK_MS && dueMs <= toMs);
    return Math.max(dueMs, stretch?.toMs ?? dueMs) + FIRING_SLACK_MS;
  };
}
