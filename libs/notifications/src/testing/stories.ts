import {
  DEFAULT_DEADLINE_POLICY,
  type Decider,
  type ExerciseCommand,
  exerciseDecider,
  type EventOf,
  type ExerciseEvent,
  type Instant,
  instantAt,
  isDomainError,
  type LocalDate,
  STL_2017,
  type StlCommand,
  stlDecider,
  stlSeedCommands,
  type StateOf,
  type StlEvent,
} from '@app/domain';
import { type AggregateKind, type AppendOf } from '@app/contracts';

/**
 * A stream told command by command through the real decider, so fixtures never hold events the rules would refuse.
 * Each step answers what the event-store activity would receive for it.
 */
export class Story<
  C extends { type: string; data: unknown },
  E extends EventOf<K>,
  K extends AggregateKind,
  S extends StateOf<K> = StateOf<K>,
> {
  private readonly events: E[] = [];
  /** Every step so far, in order, as the event-store activity would have received it. */
  readonly appends: (AppendOf<K> & { events: E[] })[] = [];
  state: S;

  constructor(
    private readonly decider: Decider<C & { metadata: { now: Instant; actor?: string } }, E, S>,
    readonly aggregate: K,
    readonly streamId: string,
    past: readonly E[] = [],
  ) {
    this.events.push(...past);
    this.state = past.reduce((state, event) => decider.evolve(state, event), decider.initialState());
  }

  run(command: C, now: Instant): AppendOf<K> & { events: E[] } {
    const decision = this.decider.decide({ ...command, metadata: { now, actor: 'coordinador' } }, this.state);
    if (isDomainError(decision)) throw new Error(`${command.type}: ${decision.code} ${decision.message}`);
    const firstSeq = this.events.length + 1;
    this.events.push(...decision);
    this.state = decision.reduce((state, event) => this.decider.evolve(state, event), this.state);
    const appended = { aggregate: this.aggregate, streamId: this.streamId, firstSeq, events: [...decision], state: this.state, occurredAt: now, policy: DEFAULT_DEADLINE_POLICY };
    this.appends.push(appended);
    return appended;
  }

  /** Fires the pending deadline of that kind, as the workflow's timer loop would at its due time. */
  fire(deadlines: (state: S) => readonly { id: string; kind: string; dueAt: Instant }[], kind: string) {
    const deadline = deadlines(this.state).find((candidate) => candidate.kind === kind);
    if (!deadline) throw new Error(`No hay plazo pendiente de tipo ${kind}`);
    return this.run({ type: 'FireDeadline', data: { deadlineId: deadline.id } } as C, deadline.dueAt);
  }
}

type StlStory = Story<Omit<StlCommand, 'metadata'>, StlEvent, 'stl'>;
type ExerciseStory = Story<Omit<ExerciseCommand, 'metadata'>, ExerciseEvent, 'exercise'>;

export const JALISCO_INSTALLED_ON: LocalDate = '2026-09-01';
export const at = (date: LocalDate, hour = 10): Instant => instantAt(date, hour);

export const FACILITADORA = {
  facilitadorId: '14-facilitadora',
  nombre: 'Dra. Mariana Ruiz Cortés',
  procedencia: 'Academia – Universidad de Guadalajara',
  organizacion: 'Universidad de Guadalajara',
  email: 'mariana.ruiz@udg.ejemplo.mx',
  appointedOn: JALISCO_INSTALLED_ON,
};

/**
 * Jalisco's STL of 2017 as the seed builds it (4 government, 4 civil-society titulares and the garante, with
 * example addresses), installed on 1 September 2026 with an academic facilitadora.
 */
export function jaliscoInstalado(options: { withoutAddress?: string[] } = {}): StlStory {
  const story: StlStory = new Story(stlDecider, 'stl', 'stl/14');
  const record = STL_2017.find((candidate) => candidate.entidad === '14')!;
  const now = at(JALISCO_INSTALLED_ON);
  for (const command of stlSeedCommands(record, { installedOn: JALISCO_INSTALLED_ON, now })) {
    const data = command.type === 'AddMember' && options.withoutAddress?.includes(command.data.memberId)
      ? { ...command.data, email: undefined }
      : command.data;
    if (command.type === 'InstallStl') story.run({ type: 'AppointFacilitador', data: FACILITADORA }, now);
    story.run({ type: command.type, data }, now);
  }
  return story;
}

/** Exercise 1 of Jalisco, started on 12 January 2026 and left without progress. */
export function jaliscoEjercicio(startedOn: LocalDate = '2026-01-12'): ExerciseStory {
  const story: ExerciseStory = new Story(exerciseDecider, 'exercise', 'exercise/14/1');
  story.run({ type: 'StartExercise', data: { entidad: '14', number: 1, startedOn } }, at(startedOn));
  return story;
}

/** An exercise resumed from a history (e.g. the domain's own fixtures up to the PAL's launch). */
export function exerciseFrom(events: readonly ExerciseEvent[]): ExerciseStory {
  return new Story(exerciseDecider, 'exercise', 'exercise/14/1', events);
}
