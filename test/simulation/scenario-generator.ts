import { ENTIDAD_CODES, type Entidad, type LocalDate } from '@app/domain';
import { exercisesOfState } from './exercise-behaviour';
import { type Scenario, type ScenarioStep, StateTimeline } from './scenario';
import { SeededRandom } from './seeded-random';
import { adoptMechanism, sessionsOfState, StlPeople } from './stl-behaviour';

/**
 * A fixed Monday far enough ahead of any machine's clock: the run first skips to it, so the calendar (holidays,
 * business days) and hence the scenario depend on the seed alone, not on the day it runs.
 */
export const SIMULATION_ORIGIN: LocalDate = '2031-01-06';

export interface ScenarioOptions {
  readonly seed: number;
  readonly states: number;
  /**
   * Only these states, instead of the first `states`: each state's draws depend on the seed and its code alone, so a
   * violation found in one state of a long run is replayed by that state on its own, in a fraction of the time.
   */
  readonly entidades?: readonly Entidad[];
  readonly years: number;
  /** The first day (a Monday is best); SIMULATION_ORIGIN by default. The chaos run ends its scenario today. */
  readonly origin?: LocalDate;
}

function stepsOfState(seed: number, entidad: Entidad, origin: LocalDate, lastDay: number): (ScenarioStep & { day: number })[] {
  const random = SeededRandom.forPart(seed, entidad);
  const timeline = new StateTimeline(entidad, origin, lastDay);
  const people = new StlPeople(timeline, random);
  const registeredDay = random.int(0, 30);
  people.register(registeredDay);
  // Drawn apart, so that the rest of the state's scenario is the one the same seed gave before mechanisms were drawn.
  adoptMechanism(timeline, SeededRandom.forPart(seed, `${entidad}/mecanismo`), registeredDay);
  const exercises = exercisesOfState(timeline, random, registeredDay + random.int(5, 40));
  people.changesOverTime(registeredDay);
  people.renewals(exercises);
  sessionsOfState(timeline, random, people, exercises);
  return timeline.sorted();
}

/** Every state's behaviour over `years`, merged in calendar order; the same options give the same scenario. */
export function generateScenario({ seed, states, entidades: only, years, origin = SIMULATION_ORIGIN }: ScenarioOptions): Scenario {
  const entidades = only ?? ENTIDAD_CODES.slice(0, states);
  const lastDay = Math.round(years * 365.25);
  const steps = entidades
    .flatMap((entidad) => stepsOfState(seed, entidad, origin, lastDay))
    .sort((a, b) => a.day - b.day || a.hour - b.hour)
    .map(({ day: _day, ...step }) => step);
  const until = new StateTimeline(entidades[0], origin, lastDay).dateOf(lastDay);
  return { seed, origin, until, states: entidades, steps };
}
