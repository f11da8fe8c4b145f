import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { workflowBundlerOptions, workflowsPath } from '../apps/worker/src/workflow-bundle';
import { type RecordedAppend, type RecordedSearchAttributes } from './support/replay/append-recorder.interceptors';

const HISTORIES = join(__dirname, 'histories');
const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

interface RecordedHistory {
  readonly workflowId: string;
  readonly history: unknown;
  /** The stream as the store held it when the history was recorded (recordings since events were kept with them). */
  readonly events?: readonly { readonly seq: number; readonly type: string; readonly data: unknown }[];
}

const read = (file: string) => JSON.parse(readFileSync(join(HISTORIES, file), 'utf8')) as RecordedHistory;

/**
 * What the recording's store held at each position: its kept events, or, for recordings made when the append was an
 * ordinary activity, the input of each scheduled append (it is in the history). Local appends of recordings that
 * kept no events leave nothing to compare: those files are replayed only.
 */
function storedAt(recording: RecordedHistory): Map<number, { type: string; data: unknown }> | undefined {
  if (recording.events) return new Map(recording.events.map(({ seq, type, data }) => [seq, { type, data }]));
  const history = historyFromJSON(recording.history);
  const scheduled = (history.events ?? [])
    .map((event) => event.activityTaskScheduledEventAttributes)
    .filter((attributes) => attributes?.activityType?.name === 'appendEvents');
  if (scheduled.length === 0) return undefined;
  const stored = new Map<number, { type: string; data: unknown }>();
  for (const attributes of scheduled) {
    const payload = attributes!.input!.payloads![0];
    const { firstSeq, events } = JSON.parse(Buffer.from(payload.data!).toString('utf8')) as RecordedAppend;
    events.forEach(({ type, data }, index) => stored.set(firstSeq + index, { type, data }));
  }
  return stored;
}

/**
 * The search attributes each upsert of the recording set, values as JSON text, in order; the SDK's own record of
 * patches (`TemporalChangeVersion`, upserted by the SDK when a patch is first met) is not the workflow's.
 */
function upsertsOf(recording: RecordedHistory): RecordedSearchAttributes[] {
  const history = historyFromJSON(recording.history);
  return (history.events ?? []).flatMap((event) => {
    const fields = Object.entries(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).filter(
      ([name]) => name !== 'TemporalChangeVersion',
    );
    if (fields.length === 0) return [];
    return [Object.fromEntries(fields.map(([name, payload]) => [name, Buffer.from(payload.data ?? []).toString('utf8')]))];
  });
}

/**
 * Recorded histories (scripts/record-histories.ts) replayed against today's workflow code: a change that would
 * break running workflows fails here. Replay checks the commands' kinds only, so the test also compares what each
 * command appends today with what the recording stored, and the search attributes each upsert sets with those of
 * the history: a decider that changes an event's content, or a change of search attributes, without `patched()`
 * fails too. Evolve released workflow code with `patched()`.
 */
describe('recorded workflow histories replay deterministically', () => {
  let bundle: string;

  beforeAll(async () => {
    const ignore = () => undefined;
    const { code } = await bundleWorkflowCode({
      workflowsPath: workflowsPath(),
      ...workflowBundlerOptions(),
      workflowInterceptorModules: [require.resolve('./support/replay/append-recorder.interceptors')],
      logger: { trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore, log: ignore },
    });
    bundle = code;
  }, 120_000);

  it('has histories to replay, and ones whose stored events can be compared', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.filter((file) => storedAt(read(file)) !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s', async (file) => {
    const recording = read(file);
    const appended: RecordedAppend[] = [];
    const upserted: RecordedSearchAttributes[] = [];
    await Worker.runReplayHistory(
      {
        workflowBundle: { code: bundle },
        sinks: {
          appends: {
            record: {
              fn: (_info, append: RecordedAppend) => {
                appended.push(append);
              },
              callDuringReplay: true,
            },
          },
          searchAttributes: {
            record: {
              fn: (_info, values: RecordedSearchAttributes) => {
                upserted.push(values);
              },
              callDuringReplay: true,
            },
          },
        },
      },
      recording.history,
      recording.workflowId,
    );
    expect(upserted).toEqual(upsertsOf(recording));
    const stored = storedAt(recording);
    if (!stored) return;
    const decidedToday = appended.flatMap(({ firstSeq, events }) => events.map((event, index) => [firstSeq + index, event] as const));
    expect(decidedToday.length).toBeGreaterThan(0);
    for (const [seq, event] of decidedToday) expect({ seq, ...event }).toEqual({ seq, ...stored.get(seq) });
  });
});
