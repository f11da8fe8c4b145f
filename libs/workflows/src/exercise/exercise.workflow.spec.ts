import { domainRejectionOf, SEARCH_ATTRIBUTES } from '@app/contracts';
import { addDays, addMonths, STL_2017 } from '@app/domain';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually } from '@test/support/eventually';
import { InMemoryEventStore } from '@test/support/in-memory-event-store';
import { type RunningWorkflows, runWorkflows, testWorker, timeSkippingEnvironment } from '@test/support/time-skipping';
import { runFullExercise } from '../../../../test/scenarios/full-exercise';
import { ScenarioDriver } from '../../../../test/scenarios/scenario-driver';

const record = (entidad: string) => STL_2017.find((stl) => stl.entidad === entidad)!;

describe('exerciseWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let store: InMemoryEventStore;
  let workflows: RunningWorkflows | undefined;
  let driver: ScenarioDriver;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    workflows = await runWorkflows(await timeSkippingEnvironment(), store.activities);
    ({ env, driver } = workflows);
  });

  afterAll(() => workflows?.stop());

  const eventsOf = (streamId: string, type: string) => store.stream(streamId).filter((event) => event.type === type);
  const kindsOf = (streamId: string, type: string) => eventsOf(streamId, type).map((event) => event.data.kind ?? event.data.escalation?.kind);

  it('stores each accepted command and answers with the new state; a rejection reaches the caller and stores nothing', async () => {
    const today = await driver.today();
    await driver.seedStl(record('14'), { installedOn: addDays(today, -30) });
    await driver.startExercise('14', addDays(today, -5));

    const state = await driver.exercise('14', 'CompleteStage', { stage: 1, completedOn: addDays(today, -1) });
    const failure = await driver
      .exercise('14', 'CompleteStage', { stage: 2, completedOn: addDays(today, 30) })
      .catch((error: unknown) => error);

    expect(state.status).toBe('open');
    expect(domainRejectionOf(failure)).toMatchObject({ code: 'DATE_IN_FUTURE', category: 'invalid' });
    expect(store.typesOf('exercise/14/1').filter((type) => type !== 'StlStatusRecorded')).toEqual(['ExerciseStarted', 'StageCompleted']);
  });

  it('leaves FacilitadorVacante to the STL: an exercise of a state without facilitador is not listed under it', async () => {
    const attributes = (await driver.exerciseHandle('14').describe()).typedSearchAttributes;
    const stlAttributes = (await driver.stlHandle('14').describe()).typedSearchAttributes;

    expect(attributes.get(SEARCH_ATTRIBUTES.etapa)).toBe(2);
    expect(attributes.get(SEARCH_ATTRIBUTES.facilitadorVacante)).toBeUndefined();
    expect(stlAttributes.get(SEARCH_ATTRIBUTES.facilitadorVacante)).toBe(true);
  });

  it('flags the STL’s facilitador as vacant only once the exercise closes stage 7 (guia-instalacion-stl.txt, Anexo 1)', async () => {
    // Anexo 1: "7 Selección del facilitador … Facilitador definido"; before it the post is "por elegir", not vacant.
    const today = await driver.today();
    await driver.seedStl(record('20'), { installedOn: today, install: false });
    await driver.startExercise('20', addDays(today, -20));
    const vacant = async () => (await driver.stlHandle('20').describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.facilitadorVacante);

    for (const stage of [1, 2, 3, 4, 5, 6]) {
      await driver.exercise('20', 'CompleteStage', { stage, completedOn: addDays(today, -20 + stage) });
    }
    expect(await vacant()).toBe(false);
    expect(store.typesOf('stl/20')).not.toContain('FacilitadorSelectionConcluded');

    await driver.exercise('20', 'CompleteStage', { stage: 7, completedOn: addDays(today, -10) });
    await eventually(async () => expect(await vacant()).toBe(true));
    expect(eventsOf('stl/20', 'FacilitadorSelectionConcluded').map((event) => event.data)).toEqual([{ concludedOn: addDays(today, -10) }]);
  });

  it('watches the six steps’ twelve months with a durable timer: a warning in month 11, an escalation at 12', async () => {
    // seis-pasos-2016.txt: "deben seguir seis pasos mínimos a lo largo de un periodo de 12 meses".
    const today = await driver.today();
    await driver.seedStl(record('24'), { installedOn: addDays(today, -10) });
    await driver.startExercise('24', today);

    await driver.sleepUntil(addDays(addMonths(today, 11), -1), 18);
    expect(kindsOf('exercise/24/1', 'ReminderDue')).not.toContain('term_warning');
    await driver.sleepUntil(addMonths(today, 11), 18);
    await eventually(() => expect(kindsOf('exercise/24/1', 'ReminderDue')).toContain('term_warning'));
    expect(kindsOf('exercise/24/1', 'EscalationRaised')).not.toContain('term_escalation');

    await driver.sleepUntil(addMonths(today, 12), 18);
    await eventually(() => expect(kindsOf('exercise/24/1', 'EscalationRaised')).toContain('term_escalation'));
    const state = await driver.exerciseState('24');
    expect(state.status === 'open' && state.escalations.find((escalation) => escalation.kind === 'term_escalation')).toMatchObject({
      level: 'coordinador',
      status: 'abierta',
    });
  });

  it('stalls: 30 days without progress remind the garante, 45 escalate to the enlace, 60 to the coordinador; progress resets the chain', async () => {
    const today = await driver.today();
    await driver.seedStl(record('29'), { installedOn: addDays(today, -30) });
    await driver.startExercise('29', addDays(today, -1));
    const chain = () =>
      store
        .stream('exercise/29/1')
        .filter((event) => event.type === 'ReminderDue' || event.type === 'EscalationRaised')
        .map((event) => event.data.kind ?? event.data.escalation.kind);

    await driver.sleepUntil(addDays(today, 29), 18);
    expect(chain()).toEqual([]);
    await driver.sleepUntil(addDays(today, 30), 18);
    expect(chain()).toEqual(['stall_reminder']);
    await driver.sleepUntil(addDays(today, 45), 18);
    expect(chain()).toEqual(['stall_reminder', 'stall_escalation_enlace']);
    await driver.sleepUntil(addDays(today, 60), 18);
    expect(chain()).toEqual(['stall_reminder', 'stall_escalation_enlace', 'stall_escalation_coordinador']);
    expect((await driver.exerciseHandle('29').describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.escalacionesAbiertas)).toBe(2);

    await driver.exercise('29', 'CompleteStage', { stage: 1, completedOn: addDays(today, 60) });
    expect(eventsOf('exercise/29/1', 'EscalationResolved')).toHaveLength(2);
    expect((await driver.exerciseHandle('29').describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.escalacionesAbiertas)).toBe(0);
    await driver.sleepUntil(addDays(today, 89), 18);
    expect(chain()).toHaveLength(3);
    await driver.sleepUntil(addDays(today, 90), 18);
    expect(chain()).toEqual(['stall_reminder', 'stall_escalation_enlace', 'stall_escalation_coordinador', 'stall_reminder']);
  });

  it('runs a whole exercise: ten stages, six steps, PAL, six sessions, monitoring at +6 and evaluation at +12 months exactly once, then closes', async () => {
    const { launchedOn } = await runFullExercise(driver, '19');

    const final = await driver.exerciseHandle('19').result();
    expect(final.status).toBe('closed');
    expect(eventsOf('exercise/19/1', 'StageCompleted').map((event) => event.data.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(eventsOf('exercise/19/1', 'StepCompleted').map((event) => event.data.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(eventsOf('exercise/19/1', 'MonitoringDue').map((event) => event.data.dueOn)).toEqual([addMonths(launchedOn, 6)]);
    expect(eventsOf('exercise/19/1', 'EvaluationDue').map((event) => event.data.dueOn)).toEqual([addMonths(launchedOn, 12)]);
    expect(eventsOf('exercise/19/1', 'ExerciseClosed')).toHaveLength(1);
    expect(eventsOf('stl/19', 'StlInstalled')).toHaveLength(1);
    expect(eventsOf('stl/19', 'SessionConvened')).toHaveLength(6);
    expect(kindsOf('stl/19', 'EscalationRaised')).not.toContain('cadence_escalation');
    expect(eventsOf('stl/19', 'CivilSocietyRenewalStarted')).toHaveLength(1);
    for (const streamId of ['exercise/19/1', 'stl/19']) {
      expect(store.stream(streamId).map((event) => event.seq)).toEqual(store.stream(streamId).map((_, index) => index + 1));
    }
  });

  it('a worker stopped mid-scenario and a new one started: the scenario completes, no event appended twice', async () => {
    const queue = 'relevo-de-worker';
    const relay = new ScenarioDriver(env, queue);
    const today = await relay.today();
    // Without a workflow cache every task replays the history: the new worker rebuilds each workflow from it.
    // (The time-skipping server never hands a stopped worker's sticky tasks back to the shared queue.)
    const uncached = { maxCachedWorkflows: 0 };
    const first = await testWorker(env, store.activities, queue, uncached);
    const firstRun = first.run();
    await relay.seedStl(record('26'), { installedOn: addDays(today, -40), install: false });
    await relay.startExercise('26', addDays(today, -30));
    for (let stage = 1; stage <= 5; stage += 1) {
      await relay.exercise('26', 'CompleteStage', { stage, completedOn: addDays(today, -25 + stage) });
    }

    first.shutdown();
    await firstRun;
    const second = await testWorker(env, store.activities, queue, uncached);
    const secondRun = second.run();
    try {
      for (let stage = 6; stage <= 10; stage += 1) {
        await relay.exercise('26', 'CompleteStage', { stage, completedOn: addDays(today, -25 + stage) });
      }
      expect(eventsOf('exercise/26/1', 'StageCompleted').map((event) => event.data.stage)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      await eventually(() => expect(eventsOf('stl/26', 'StlInstalled')).toHaveLength(1));
      for (const streamId of ['exercise/26/1', 'stl/26']) {
        expect(store.stream(streamId).map((event) => event.seq)).toEqual(store.stream(streamId).map((_, index) => index + 1));
      }
    } finally {
      second.shutdown();
      await secondRun;
    }
  });
});
