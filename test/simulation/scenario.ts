import { addDays, type Command, type Entidad, type ExerciseCommand, type LocalDate, type StlCommand } from '@app/domain';

/** A command as a person sends it: the workflow adds the metadata (clock, actor, id). */
export type Intent<C> = C extends Command<infer T, infer D> ? { readonly type: T; readonly data: D } : never;

export type StlIntent = Intent<StlCommand>;
export type ExerciseIntent = Intent<ExerciseCommand>;

export type ScenarioCommand =
  | { readonly aggregate: 'stl'; readonly entidad: Entidad; readonly command: StlIntent }
  | { readonly aggregate: 'exercise'; readonly entidad: Entidad; readonly number: number; readonly command: ExerciseIntent };

/** One command at a moment of the simulated calendar (Mexico City time). */
export type ScenarioStep = ScenarioCommand & { readonly on: LocalDate; readonly hour: number };

export interface Scenario {
  readonly seed: number;
  readonly origin: LocalDate;
  readonly until: LocalDate;
  readonly states: readonly Entidad[];
  /** Every state's steps merged in calendar order. */
  readonly steps: readonly ScenarioStep[];
}

/**
 * Builds one state's steps in day offsets from the scenario's origin; the behaviours write into it in any order and
 * it sorts them once (stable: two steps at the same moment keep the order they were written in).
 */
export class StateTimeline {
  private readonly steps: { day: number; hour: number; order: number; command: ScenarioCommand }[] = [];

  constructor(
    readonly entidad: Entidad,
    readonly origin: LocalDate,
    readonly lastDay: number,
  ) {}

  dateOf(day: number): LocalDate {
    return addDays(this.origin, day);
  }

  stl(day: number, hour: number, command: StlIntent): void {
    this.add(day, hour, { aggregate: 'stl', entidad: this.entidad, command });
  }

  exercise(day: number, hour: number, number: number, command: ExerciseIntent): void {
    this.add(day, hour, { aggregate: 'exercise', entidad: this.entidad, number, command });
  }

  private add(day: number, hour: number, command: ScenarioCommand): void {
    if (day > this.lastDay) return;
    this.steps.push({ day, hour, order: this.steps.length, command });
  }

  sorted(): (ScenarioStep & { day: number })[] {
    return [...this.steps]
      .sort((a, b) => a.day - b.day || a.hour - b.hour || a.order - b.order)
      .map(({ day, hour, command }) => ({ ...command, day, on: this.dateOf(day), hour }));
  }
}
