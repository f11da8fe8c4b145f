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
