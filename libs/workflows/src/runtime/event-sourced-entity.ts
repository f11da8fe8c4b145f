import {
  type AggregateKind,
  appendOf,
  type CommandOutcome,
  type CommandPayload,
  type CommandUpdateDefinition,
  type CommandRequest,
  domainRejectionFailure,
  domainRejectionOf,
  type AppendEventsInput,
  type AppendEventsResult,
  type EventStoreActivities,
  EVENTS_NOT_STORABLE,
  STREAM_CONFLICT,
  type NotificationActivities,
  searchAttributePairs,
  type SearchAttributeValues,
  type Snapshot,
  type StoredEventData,
} from '@app/contracts';
import {
  type Command,
  type Deadline,
  type DeadlinePolicy,
  type Decider,
  type EventOf,
  type StateOf,
  domainError,
  type IncidentData,
  interplayRefusal,
  earliest,
  isDomainError,
} from '@app/domain';
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';

/** One aggregate's workflow: its kind types its state, so its appends reach the read side typed. */
export interface EntityDefinition<C extends Command, E extends EventOf<K>, K extends AggregateKind, S extends StateOf<K> = StateOf<K>> {
  readonly aggregate: K;
  readonly policy: DeadlinePolicy;
  readonly decider: Decider<C, E, S>;
  deadlines(state: S): readonly Deadline[];
  searchAttributes(state: S): SearchAttributeValues;
  isFinished(state: S): boolean;
  /**
   * Fire-and-forget effects on other workflows after events are stored (signals only), given the stream's version
   * after them; answers what could not be delivered, for the entity to record as incidents.
   */
  react?(events: readonly E[], state: S, version: number): Promise<readonly IncidentData[] | void>;
}

/** Well under Temporal's own suggestion, so a decade of an STL stays small per run. */
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 600;

// One short transaction: a worker that dies holding it is noticed (and the append retried) within seconds.
const APPEND_TIMEOUT = '15 seconds';
const APPEND_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const { appendEvents: appendEventsAsActivity } = proxyActivities<EventStoreActivities>({
  startToCloseTimeout: APPEND_TIMEOUT,
  retry: APPEND_RETRY,
});
// The same append run by the worker holding the workflow: no round trips to the server to schedule, start and
// complete it, which roughly halves the cost of a command (bench/RESULTS.md, bench:load).
const { appendEvents: appendEventsLocally } = proxyLocalActivities<EventStoreActivities>({
  startToCloseTimeout: APPEND_TIMEOUT,
  retry: APPEND_RETRY,
});
// Within one workflow task, whose timeout is 10 s: an append still running at 8 s has the worker heartbeat the task,
// and an Update accepted around that heartbeat left a history SDK 1.24 could not replay (chaos seeds 1 and 2, a
// workflow wedged for ever). One local attempt, cut at 4 s (a second one may start past any schedule-to-close
// deadline and run on); what it cannot do goes on as an ordinary activity, which waits outside any task.
const { appendEvents: appendEventsWithinTask } = proxyLocalActivities<EventStoreActivities>({
  startToCloseTimeout: '4 seconds',
  retry: { maximumAttempts: 1 },
});
const APPEND_AS_LOCAL_ACTIVITY = 'append-events-as-local-activity';
const SLOW_APPEND_LEAVES_THE_TASK = 'slow-append-leaves-the-task';
/**
 * Every append is an ordinary activity again: a local one holds its workflow task until it ends, its 4 s cut runs
 * only once it has a slot, and on a worker just restarted (every run replaying, every append waiting for one)
 * a task was held 8 s and heartbeated. The replay joins what the heartbeat split: a Signal's command in one activation
 * and an Update in the next became one activation, applied Updates first, and the run stopped replaying ("Update
 * machine does not handle this event", chaos seed 9, stl/17 wedged). An ordinary activity never holds a task, so each
 * task is one activation in the run and in its replay, at about twice the cost of a command.
 */
const APPENDS_OUTSIDE_THE_TASK = 'appends-outside-the-task';
const SIGNALS_IN_BACKGROUND = 'signals-in-background';
/** A command another workflow sent and this one refused, or a signal that reached nobody, raises an escalation. */
const RECORD_INTERPLAY_INCIDENTS = 'record-interplay-incidents';
/** The worker's outbox dispatcher sends the e-mails: an SMTP outage never holds up a run's end. */
const OUTBOX_DISPATCHED_BY_WORKER = 'outbox-dispatched-by-worker';
/** One wait for handlers and background work together: an Update accepted meanwhile is never cut off. */
const SETTLE_IN_ONE_CONDITION = 'settle-in-one-condition';
/** Deadlines that arrive already overdue (history recorded after the fact) are told to the planner: no mail for them. */
const NO_MAIL_ABOUT_HISTORY = 'no-mail-about-history';
/**
 * Which deadlines were ever pending, and which of them arrived overdue, are carried whole into the next run: a
 * deadline hidden when the run ended (the cadence, while a convened session covers it) that returns overdue in the
 * next (that session held without quorum) is not history, and its escalation is mailed as it would be in one run.
 */
const CARRY_SEEN_DEADLINES = 'carry-seen-deadlines';
/**
 * The commands whose events superseded ours are remembered: one stored just before its answer was lost (the
 * database dropped the connection after the commit) is then recognised when its client retries, instead of being
 * decided again on a state that already contains it (a 409, or a stale value written over a newer one).
 */
const REMEMBER_SUPERSEDING_COMMANDS = 'remember-superseding-commands';
/**
 * A command's own earlier attempt may sit behind another command's events, not at the position it asks for: both
 * were stored by workflow tasks that were then lost (the worker killed twice), the retry finding the other first.
 * Its own events are then its answer, as when they lead. Deciding it again refused a stored AddMember as a duplicate
 * (409: what chaos seed 1 left, reproduced in integrity.workflow.spec.ts), and would store a repeatable command twice.
 */
const OWN_EVENTS_AFTER_OTHERS = 'own-events-after-others';

/** Enough to recognise a client's retry long after its first attempt, small enough to carry across runs. */
const RECENT_COMMAND_IDS = 500;
/** Other writers' events are folded and the command decided again; more rounds than this is a stream in dispute. */
const MAX_SUPERSEDED_ROUNDS = 5;
/** A deadline whose events cannot be stored is tried again this much later instead of in a tight loop. */
const FAILED_DEADLINE_BACKOFF_MS = 60 * 60 * 1000;

// An SMTP outage may last hours: keep retrying, ever more slowly, until the mail goes out.
const { deliverNotifications } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * The shell around a decider: commands are decided on the current state with the workflow's clock, their events
 * are stored (idempotently) before the state moves, and one loop turns due deadlines into commands.
 * Commands run one at a time, so no handler ever decides on a state another handler is about to change.
 */
export class EventSourcedEntity<C extends Command, E extends EventOf<K>, K extends AggregateKind, S extends StateOf<K> = StateOf<K>> {
  private snapshot: Snapshot<S>;
  private changed = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands queued or running: while any is, an Update's validator cannot know the state it will be decided on. */
  private commandsUnderWay = 0;
  /** E-mail deliveries and signals to other workflows still under way: the run settles them before it ends. */
  private readonly background = new Set<Promise<void>>();
  private lastSearchAttributes = '';
  private readonly recentCommandIds: string[];
  /** Every deadline id ever pending (carried across runs), and those that were already overdue when first pending. */
  private readonly seenDeadlines: Set<string>;
  private readonly overdueOnArrival: Set<string>;

  constructor(
    private readonly definition: EntityDefinition<C, E, K, S>,
    private readonly streamId: string,
    carried?: Snapshot<S>,
  ) {
    this.snapshot = carried ?? { state: definition.decider.initialState(), version: 0 };
    this.recentCommandIds = [...(carried?.recentCommandIds ?? [])];
    this.seenDeadlines = new Set([...(carried?.seenDeadlines ?? []), ...definition.deadlines(this.snapshot.state).map((deadline) => deadline.id)]);
    this.overdueOnArrival = new Set(carried?.overdueOnArrival ?? []);
  }

  get state(): S {
    return this.snapshot.state;
  }

  get version(): number {
    return this.snapshot.version;
  }

  /** Registers one Update per command type; the update's name is the command's type. */
  handleUpdates(updates: object): void {
    const definitions = Object.entries(updates) as [string, CommandUpdateDefinition][];
    for (const [type, update] of definitions) {
      setHandler(update, (payload: CommandPayload) => this.execute({ ...payload, type }), {
        validator: (payload: CommandPayload) => this.validate({ ...payload, type }),
      });
    }
  }

  /**
   * Update validator: refuses before anything is written to history when the rules say no. A command already
   * applied (its Update id seen in an earlier run) is let through: its handler answers without applying it again; so
   * is any command while another is under way, which its handler decides on the state that one leaves.
   */
  validate(request: CommandRequest): void {
    if (this.alreadyApplied(currentUpdateInfo()?.id)) return;
    // An append gone on as an ordinary activity lets Updates in before its events are folded: judged now, a command
    // that follows them (stage 2 after stage 1) was refused on a state they were about to change, while the read side
    // already showed them. The handler decides it once its turn comes.
    if (this.commandsUnderWay > 0) return;
    const decision = this.definition.decider.decide(this.toCommand(request), this.snapshot.state);
    if (isDomainError(decision)) throw domainRejectionFailure(decision);
  }

  /** Update handler: decides again once its turn comes, stores the events, then moves the state. */
  execute(request: CommandRequest): Promise<CommandOutcome> {
    const commandId = currentUpdateInfo()?.id ?? request.commandId;
    return this.exclusively(() => this.apply(this.toCommand(request), commandId));
  }

  /** For signals: a refusal is logged, never thrown (there is no caller to tell). */
  async executeQuietly(request: CommandRequest): Promise<void> {
    try {
      await this.execute(request);
    } catch (error) {
      log.warn('Command from another workflow refused', { type: request.type, error: String(error) });
      const rejection = domainRejectionOf(error);
      if (rejection && patched(RECORD_INTERPLAY_INCIDENTS)) {
        await this.recordIncidents([interplayRefusal(request.type, request.commandId, rejection.message)]);
      }
    }
  }

  /** Incidents go through the rules like any command; one that cannot be stored is only logged (nothing to tell). */
  private async recordIncidents(incidents: readonly IncidentData[]): Promise<void> {
    for (const incident of incidents) {
      await this.execute({ type: 'RecordIncident', data: incident, commandId: `incidente:${incident.incidentId}` }).catch(
        (error: unknown) => log.error('Incident not recorded', { incident, error: String(error) }),
      );
    }
  }

  /** The deadline loop; returns the final state once the aggregate is finished. */
  async run(initialSnapshotFor: (snapshot: Snapshot<S>) => unknown[]): Promise<S> {
    this.refreshSearchAttributes();
    for (;;) {
      if (this.definition.isFinished(this.snapshot.state)) {
        await this.settle();
        if (this.definition.isFinished(this.snapshot.state)) return this.snapshot.state;
      }
      if (this.historyIsLong()) {
        await this.settle();
        return continueAsNew(...initialSnapshotFor({ ...this.snapshot, recentCommandIds: this.recentCommandIds, ...this.deadlinesSeen() }));
      }
      await this.waitForChangeOrDeadline();
    }
  }

  private async waitForChangeOrDeadline(): Promise<void> {
    this.changed = false;
    const next = earliest(this.definition.deadlines(this.snapshot.state));
    if (!next) {
      await condition(() => this.changed || this.historyIsLong());
      return;
    }
    const waitMs = Date.parse(next.dueAt) - Date.now();
    const interrupted = waitMs > 0 && (await condition(() => this.changed || this.historyIsLong(), waitMs));
    if (interrupted) return;
    const fired = await this.exclusively(async () => {
      const fire = this.toCommand({ type: 'FireDeadline', data: { deadlineId: next.id } });
      const decision = this.definition.decider.decide(fire, this.snapshot.state);
      // Another command may have settled the deadline while this one waited its turn: nothing to fire then.
      if (!isDomainError(decision)) await this.store(decision, `deadline:${next.id}`, next.id);
    }).then(
      () => true,
      (error: unknown) => {
        log.error('Deadline not fired', { deadlineId: next.id, error: String(error) });
        return false;
      },
    );
    if (!fired) await condition(() => this.changed, FAILED_DEADLINE_BACKOFF_MS);
  }

  /** Lets running handlers finish and signals arrive (and, in older runs, e-mails go out) before the run ends. */
  private async settle(): Promise<void> {
    if (patched(SETTLE_IN_ONE_CONDITION)) {
      await condition(() => allHandlersFinished() && this.background.size === 0);
      return;
    }
    await condition(allHandlersFinished);
    while (this.background.size > 0) await Promise.all(this.background);
  }

  private historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  }

  /**
   * Decides and stores; when other commands' events turn out to hold the positions, folds them (the store is the
   * truth) and decides again on the state they leave.
   */
  private async apply(command: C, commandId: string | undefined): Promise<CommandOutcome> {
    if (this.alreadyApplied(commandId)) return { version: this.snapshot.version, events: [] };
    for (let round = 1; ; round += 1) {
      const decision = this.definition.decider.decide(command, this.snapshot.state);
      if (isDomainError(decision)) throw domainRejectionFailure(decision);
      const outcome = await this.store(decision, commandId);
      if (outcome !== 'superseded') {
        this.remember(commandId);
        return { version: this.snapshot.version, events: outcome };
      }
      if (round === MAX_SUPERSEDED_ROUNDS) throw domainRejectionFailure(STREAM_IN_DISPUTE);
    }
  }

  /** The events stored for the command (its own, or its earlier attempt's), or `superseded` to decide again. */
  private async store(events: readonly E[], commandId: string | undefined, firing?: string): Promise<readonly StoredEventData[] | 'superseded'> {
    if (events.length === 0) return [];
    const state = this.fold(events);
    const { notificationIds, stored } = await this.append(appendOf<K>({
      ...this.historyOf(state, firing),
      aggregate: this.definition.aggregate,
      streamId: this.streamId,
      firstSeq: this.snapshot.version + 1,
      events,
      occurredAt: new Date().toISOString(),
      state,
      policy: this.definition.policy,
      commandId,
    }));
    if (stored) {
      const storedEvents = stored.events as unknown as readonly E[];
      await this.moveTo({ state: this.fold(storedEvents), version: this.snapshot.version + storedEvents.length }, storedEvents, notificationIds);
      log.warn('Stored events taken instead of the ones decided', { streamId: this.streamId, kind: stored.kind, commandId });
      if (stored.kind === 'already_stored') return stored.events.map(({ seq, type, data }) => ({ seq, type, data }));
      if (patched(REMEMBER_SUPERSEDING_COMMANDS)) {
        for (const other of new Set(stored.events.map((event) => event.commandId))) if (other !== commandId) this.remember(other);
      }
      const own = commandId === undefined ? [] : stored.events.filter((event) => event.commandId === commandId);
      if (own.length > 0 && patched(OWN_EVENTS_AFTER_OTHERS)) return own.map(({ seq, type, data }) => ({ seq, type, data }));
      return 'superseded';
    }
    const firstSeq = this.snapshot.version + 1;
    await this.moveTo({ state, version: this.snapshot.version + events.length }, events, notificationIds);
    return events.map(({ type, data }, index) => ({ seq: firstSeq + index, type, data }));
  }

  /**
   * A deadline already overdue the moment it first becomes pending was started by facts recorded after the fact
   * (the seed, an import, an STL installed months ago): its reminders and escalations are recorded and shown on the
   * board, but mailing them would ask people to do what can no longer be done. One that falls due while pending —
   * even if the worker was down and it fires late — is news and is mailed.
   */
  private historyOf(state: S, firing: string | undefined): Pick<AppendEventsInput, 'arrivedOverdue' | 'firesHistory'> {
    if (!patched(NO_MAIL_ABOUT_HISTORY)) return {};
    const now = Date.now();
    const arrivedOverdue = this.definition
      .deadlines(state)
      .filter((deadline) => !this.seenDeadlines.has(deadline.id) && Date.parse(deadline.dueAt) <= now);
    return {
      ...(arrivedOverdue.length > 0 ? { arrivedOverdue } : {}),
      ...(firing !== undefined && this.overdueOnArrival.has(firing) ? { firesHistory: [firing] } : {}),
    };
  }

  private noteArrivals(state: S): void {
    const now = Date.now();
    for (const deadline of this.definition.deadlines(state)) {
      if (this.seenDeadlines.has(deadline.id)) continue;
      this.seenDeadlines.add(deadline.id);
      if (Date.parse(deadline.dueAt) <= now) this.overdueOnArrival.add(deadline.id);
    }
  }

  /** What the next run must know of the deadlines already seen, so that it tells history from news as this one does. */
  private deadlinesSeen(): Pick<Snapshot<S>, 'seenDeadlines' | 'overdueOnArrival'> {
    if (patched(CARRY_SEEN_DEADLINES)) return { seenDeadlines: [...this.seenDeadlines], overdueOnArrival: [...this.overdueOnArrival] };
    return { overdueOnArrival: [...this.overdueOnArrival].filter((id) => this.isPending(id)) };
  }

  private isPending(deadlineId: string): boolean {
    return this.definition.deadlines(this.snapshot.state).some((deadline) => deadline.id === deadlineId);
  }

  private fold(events: readonly E[]): S {
    return events.reduce((folded, event) => this.definition.decider.evolve(folded, event), this.snapshot.state);
  }

  /** The append; content the database refuses is the caller's to correct, answered like a rule's refusal. */
  private async append(input: Parameters<EventStoreActivities['appendEvents']>[0]): Promise<AppendEventsResult> {
    try {
      return await this.appendOnce(input);
    } catch (error) {
      const type = failureTypeOf(error);
      if (type === EVENTS_NOT_STORABLE) throw domainRejectionFailure(EVENTS_NOT_STORABLE_REJECTION);
      // A stream with a hole in it: the command is refused, never applied on a guess, and the log says where.
      if (type === STREAM_CONFLICT) throw domainRejectionFailure(STREAM_IN_DISPUTE);
      throw error;
    }
  }

  private async appendOnce(input: AppendEventsInput): Promise<AppendEventsResult> {
    if (patched(APPENDS_OUTSIDE_THE_TASK)) return appendEventsAsActivity(input);
    if (patched(SLOW_APPEND_LEAVES_THE_TASK)) {
      try {
        return await appendEventsWithinTask(input);
      } catch (error) {
        const type = failureTypeOf(error);
        if (type === EVENTS_NOT_STORABLE || type === STREAM_CONFLICT) throw error;
        return appendEventsAsActivity(input);
      }
    }
    return patched(APPEND_AS_LOCAL_ACTIVITY) ? appendEventsLocally(input) : appendEventsAsActivity(input);
  }

  private async moveTo(snapshot: Snapshot<S>, events: readonly E[], notificationIds: readonly string[]): Promise<void> {
    this.snapshot = snapshot;
    const { state } = snapshot;
    this.noteArrivals(state);
    this.changed = true;
    this.refreshSearchAttributes();
    if (notificationIds.length > 0 && !patched(OUTBOX_DISPATCHED_BY_WORKER)) {
      this.inBackground(
        deliverNotifications({ ids: notificationIds }).catch((error: unknown) => {
          log.error('Notifications not delivered', { ids: notificationIds, error: String(error) });
        }),
      );
    }
    const reaction = this.definition.react?.(events, state, snapshot.version);
    // Signals are fire-and-forget: the caller's answer need not wait for the other workflow to receive them.
    if (reaction && patched(SIGNALS_IN_BACKGROUND)) {
      const recording = patched(RECORD_INTERPLAY_INCIDENTS);
      this.inBackground(reaction.then((undelivered) => (recording && undelivered ? this.recordIncidents(undelivered) : undefined)));
    } else await reaction;
  }

  private alreadyApplied(commandId: string | undefined): boolean {
    return commandId !== undefined && this.recentCommandIds.includes(commandId);
  }

  private remember(commandId: string | undefined): void {
    if (commandId === undefined) return;
    this.recentCommandIds.push(commandId);
    if (this.recentCommandIds.length > RECENT_COMMAND_IDS) this.recentCommandIds.shift();
  }

  /** Work that runs beside the commands: a slow SMTP server or a busy STL never holds up a caller. */
  private inBackground(work: Promise<void>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  private refreshSearchAttributes(): void {
    const values = this.definition.searchAttributes(this.snapshot.state);
    const serialized = JSON.stringify(values);
    if (serialized === this.lastSearchAttributes) return;
    this.lastSearchAttributes = serialized;
    upsertSearchAttributes(searchAttributePairs(values));
  }

  private toCommand(request: CommandRequest): C {
    const metadata = { now: new Date().toISOString(), ...(request.actor ? { actor: request.actor } : {}) };
    return { type: request.type, data: request.data, metadata } as unknown as C;
  }

  private exclusively<T>(work: () => Promise<T>): Promise<T> {
    this.commandsUnderWay += 1;
    const turn = this.queue.then(work, work).finally(() => (this.commandsUnderWay -= 1));
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}

const EVENTS_NOT_STORABLE_REJECTION = domainError(
  'invalid',
  'EVENTS_NOT_STORABLE',
  'La base de datos no admite el contenido de la solicitud (caracteres o longitudes no válidos); corrija los datos e intente de nuevo.',
);

const STREAM_IN_DISPUTE = domainError(
  'conflict',
  'STREAM_IN_DISPUTE',
  'Otro proceso escribe en el mismo expediente; la solicitud no se aplicó. Intente de nuevo en unos momentos.',
);

function failureTypeOf(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure) return cause.type ?? undefined;
  }
  return undefined;
}
