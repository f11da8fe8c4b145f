import { domainRejectionOf, exerciseWorkflowId, stlWorkflowId } from '@app/contracts';
import { yearOf } from '@app/domain';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { type ScenarioDriver } from '../scenarios/scenario-driver';
import { type Scenario, type ScenarioStep } from './scenario';

export interface RunCounts {
  commands: number;
  /** Refusals by the rules, by command and code: expected, the generator sends wrong commands on purpose. */
  refusals: Record<string, number>;
  /** The first refusal of each kind, in the rules' words, to judge whether the generator behaves plausibly. */
  refusalExamples: Record<string, string>;
  /** Commands that reached no running workflow (an exercise already closed, or never started because refused). */
  unreachable: number;
  /** Anything else: the workflow or the store failed a command. */
  failures: { step: ScenarioStep; error: string }[];
  /** Wall time spent skipping the clock (timers firing on the way), and sending the days' commands. */
  skipMs: number;
  commandMs: number;
}

/**
 * Consecutive steps of the same day: one skip of the clock to the day's first hour, then their commands, each state's
 * in the order of their hours. A skip per hour cost as much as the commands themselves (about 17 ms against 30 ms
 * per Update here), and every command carries its date in its data, so only the order within the day matters.
 */
function* days(steps: readonly ScenarioStep[]): Generator<ScenarioStep[]> {
  let group: ScenarioStep[] = [];
  for (const step of steps) {
    if (group.length > 0 && group[0].on !== step.on) {
      yield group;
      group = [];
    }
    group.push(step);
  }
  if (group.length > 0) yield group;
}

async function startWorkflow(driver: ScenarioDriver, step: ScenarioStep): Promise<void> {
  const start =
    step.aggregate === 'stl'
      ? { type: 'stlWorkflow', workflowId: stlWorkflowId(step.entidad), args: [{ entidad: step.entidad }] }
      : { type: 'exerciseWorkflow', workflowId: exerciseWorkflowId(step.entidad, step.number), args: [{ entidad: step.entidad, number: step.number }] };
  try {
    await driver.client.workflow.start(start.type, { workflowId: start.workflowId, taskQueue: driver.taskQueue, args: start.args });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

async function send(driver: ScenarioDriver, step: ScenarioStep): Promise<void> {
  if (step.command.type === 'RegisterStl' || step.command.type === 'StartExercise') await startWorkflow(driver, step);
  const { type, data } = step.command;
  if (step.aggregate === 'stl') await driver.sendToStl(step.entidad, type as never, data as never);
  else await driver.sendToExercise(step.entidad, type as never, data as never, step.number);
}

const UNREACHABLE = /workflow (execution )?(already completed|not found)|WorkflowNotFound/i;

async function sendCounted(driver: ScenarioDriver, step: ScenarioStep, counts: RunCounts): Promise<void> {
  counts.commands += 1;
  try {
    await send(driver, step);
  } catch (error) {
    const rejection = domainRejectionOf(error);
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const key = `${step.command.type} ${rejection?.code}`;
    if (rejection) {
      counts.refusals[key] = (counts.refusals[key] ?? 0) + 1;
      counts.refusalExamples[key] ??= `${step.on} ${step.entidad}: ${rejection.message}`;
    }
    else if (UNREACHABLE.test(text)) counts.unreachable += 1;
    else counts.failures.push({ step, error: text });
  }
}

/**
 * The minute a day's commands are sent at, away from the policy's due time (09:00): a skip landing exactly on a due
 * instant sent the day's first Update while that deadline's timer fired, and the time-skipping server refuses a
 * workflow task cancelling a timer that fired meanwhile ("invalid history builder state for action",
 * temporalio/sdk-java#3088) and never hands the task out again, so that workflow's next Update waits for ever (logged
 * with seed 2, and by a 32 × 2 run that then never finished). Deadlines due at the hour fire during the skip, before
 * the commands of that hour.
 */
const OFF_THE_HOUR = 30;

/**
 * Plays the scenario on the driver's environment: the clock skips to each day (the timers due meanwhile fire on the
 * way), then each state sends its commands of that day in order, the states side by side. `eachYear` runs
 * when a simulated year is over, the clock standing still meanwhile.
 */
export async function runScenario(
  driver: ScenarioDriver,
  scenario: Scenario,
  eachYear: (year: number, counts: RunCounts) => Promise<void> = () => Promise.resolve(),
): Promise<RunCounts> {
  const counts: RunCounts = { commands: 0, refusals: {}, refusalExamples: {}, unreachable: 0, failures: [], skipMs: 0, commandMs: 0 };
  if ((await driver.today()) >= scenario.origin) throw new Error(`the simulation starts on ${scenario.origin}, already past on this clock`);
  let year = yearOf(scenario.origin);
  for (const group of days(scenario.steps)) {
    if (yearOf(group[0].on) !== year) {
      await eachYear(year, counts);
      year = yearOf(group[0].on);
    }
    const skipping = performance.now();
    await driver.sleepUntil(group[0].on, Math.min(...group.map((step) => step.hour)), OFF_THE_HOUR);
    const sending = performance.now();
    counts.skipMs += sending - skipping;
    const byState = new Map<string, ScenarioStep[]>();
    for (const step of group) byState.set(step.entidad, [...(byState.get(step.entidad) ?? []), step]);
    await Promise.all(
      [...byState.values()].map(async (steps) => {
        for (const step of steps) await sendCounted(driver, step, counts);
      }),
    );
    counts.commandMs += performance.now() - sending;
  }
  await driver.sleepUntil(scenario.until, 23, 59);
  await eachYear(year, counts);
  return counts;
}
