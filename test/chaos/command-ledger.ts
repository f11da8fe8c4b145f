import { type LoggedEvent } from '../simulation/deadline-oracle';
import { type Violation } from '../simulation/violation';
import { type SentCommand } from './chaos-driver';

/** The client's key inside a stored Update id (`<account>:<key>@<when the API first saw it>`). */
const keyOf = (commandId: string | undefined) => commandId?.match(/^[^:]+:([^@]+)@/)?.[1];

export interface LedgerReport {
  readonly answered2xx: number;
  readonly refused: number;
  /** Answered 5xx, or not at all (timeout, no connection), at least once: retried with the same key. */
  readonly retried: number;
  readonly violations: Violation[];
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** The problem's code (`DUPLICATE_MEMBER`, `IDEMPOTENCY_KEY_IN_USE`…), so that a divergence can be read without the logs. */
const codeOf = (body: string) => {
  try {
    return (JSON.parse(body) as { code?: unknown }).code?.toString();
  } catch {
    return undefined;
  }
};

/**
 * Invariant (f): a command answered 2xx is stored exactly once; a command answered 5xx or never answered is stored at
 * most once; every later answer to its key (the retries) is the same as the first final one. "Once" is one append:
 * the events a command stored in a stream carry its key and sit at consecutive positions; the same key at two places
 * of a stream is a command applied twice. A refusal (4xx) stores nothing.
 */
export function checkCommandLedger(sent: readonly SentCommand[], log: ReadonlyMap<string, readonly LoggedEvent[]>): LedgerReport {
  const stored = new Map<string, { streamId: string; seqs: number[] }[]>();
  for (const [streamId, events] of log) {
    for (const event of events) {
      const key = keyOf(event.commandId);
      if (key === undefined) continue;
      const places = stored.get(key) ?? [];
      const place = places.find((candidate) => candidate.streamId === streamId) ?? { streamId, seqs: [] };
      if (!places.includes(place)) places.push(place);
      place.seqs.push(event.seq);
      stored.set(key, places);
    }
  }
  const violations: Violation[] = [];
  let answered2xx = 0;
  let refused = 0;
  let retried = 0;
  for (const command of sent) {
    const places = stored.get(command.key) ?? [];
    const broken = (message: string, seq?: number) =>
      violations.push({ invariant: 'f', streamId: places[0]?.streamId ?? command.streamId, seq, message: `${command.step.command.type} (clave ${command.key}): ${message}` });
    if (command.attempts.some((status) => status === 0 || status >= 500)) retried += 1;
    for (const place of places) {
      const consecutive = place.seqs.every((seq, index) => index === 0 || seq === place.seqs[index - 1] + 1);
      if (!consecutive) broken(`almacenado más de una vez en ${place.streamId} (posiciones ${place.seqs.join(', ')})`, place.seqs.at(-1));
    }
    const answers = [...(command.final ? [command.final] : []), ...command.later];
    if (answers.some((answer) => answer.status !== answers[0].status)) {
      broken(`sus reintentos no convergieron: ${answers.map((answer) => answer.status).join(', ')}`);
    }
    if (command.final === undefined) {
      broken(`sin respuesta final tras los reintentos (${command.attempts.join(', ')})`);
    } else if (isSuccess(command.final.status)) {
      answered2xx += 1;
      if (places.length === 0) broken(`respondido ${command.final.status} y no almacenado`);
    } else {
      refused += 1;
      if (places.length > 0) {
        const answered = [command.final.status, codeOf(command.final.body)].filter(Boolean).join(' ');
        broken(`rechazado (${answered}; intentos ${command.attempts.join(', ')}) y sin embargo almacenado`, places[0].seqs[0]);
      }
    }
  }
  return { answered2xx, refused, retried, violations };
}
