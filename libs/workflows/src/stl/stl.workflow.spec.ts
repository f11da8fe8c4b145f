import { domainRejectionOf, SEARCH_ATTRIBUTES } from '@app/contracts';
import { addDays, addMonths, businessCalendar, noticeDeadline, STL_2017, type StlSeedRecord } from '@app/domain';
import { InMemoryEventStore } from '@test/support/in-memory-event-store';
import { type RunningWorkflows, runWorkflows, timeSkippingEnvironment } from '@test/support/time-skipping';
import { type ScenarioDriver } from '../../../../test/scenarios/scenario-driver';
import { holdBimonthlySession } from '../../../../test/scenarios/full-exercise';
import { historyLengthsOfEveryRun } from '@test/support/run-histories';

const record = (entidad: string): StlSeedRecord => STL_2017.find((stl) => stl.entidad === entidad)!;

describe('stlWorkflow on the time-skipping server', () => {
  let store: InMemoryEventStore;
  let workflows: RunningWorkflows | undefined;
  let driver: ScenarioDriver;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    workflows = await runWorkflows(await timeSkippingEnvironment(), store.activities);
    driver = workflows.driver;
  });

  afterAll(() => workflows?.stop());

  const dataOf = (streamId: string, type: string, kind?: string) =>
    store
      .stream(streamId)
      .filter((event) => event.type === type && (kind === undefined || event.data.kind === kind || event.data.escalation?.kind === kind))
      .map((event) => event.data);

  it('a vacant facilitador is flagged at once, reminded at 15 days, escalated at 30 and weekly after, until appointed (DOMAIN.md)', async () => {
    const today = await driver.today();
    await driver.seedStl(record('02'), { installedOn: addDays(today, -20) });

    await driver.stl('02', 'VacateFacilitador', { vacatedOn: today, reason: 'Renuncia del facilitador' });
    const description = await driver.stlHandle('02').describe();
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.facilitadorVacante)).toBe(true);
    expect(store.typesOf('stl/02')).toContain('FacilitadorVacated');

    await driver.sleepUntil(addDays(today, 14), 18);
    expect(dataOf('stl/02', 'ReminderDue', 'vacancy_reminder')).toEqual([]);
    await driver.sleepUntil(addDays(today, 15), 18);
    expect(dataOf('stl/02', 'ReminderDue', 'vacancy_reminder')).toEqual([
      expect.objectContaining({ dueOn: addDays(today, 15), audience: expect.arrayContaining(['garante']) }),
    ]);

    await driver.sleepUntil(addDays(today, 30), 18);
    expect(dataOf('stl/02', 'EscalationRaised', 'vacancy_escalation')).toHaveLength(1);
    await driver.sleepUntil(addDays(today, 44), 18);
    expect(dataOf('stl/02', 'EscalationRaised', 'vacancy_escalation')).toHaveLength(3);

    await driver.stl('02', 'AppointFacilitador', {
      nombre: 'Dra. Ana Ruiz',
      procedencia: 'Academia – UABC',
      appointedOn: addDays(today, 44),
      historical: { justification: 'Designada en sesión del STL; el acta se registra aparte.' },
    });
    await driver.sleepUntil(addDays(today, 80), 18);
    expect(dataOf('stl/02', 'EscalationRaised', 'vacancy_escalation')).toHaveLength(3);
    const state = await driver.stlState('02');
    const vacancyEscalations = state.status === 'unregistered' ? [] : state.escalations.filter((e) => e.kind === 'vacancy_escalation');
    expect(vacancyEscalations.map((escalation) => escalation.status)).toEqual(['resuelta', 'resuelta', 'resuelta']);
    expect((await driver.stlHandle('02').describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.facilitadorVacante)).toBe(false);
  });

  it('refuses a convocation with four business days of notice: NOTICE_TOO_SHORT to the caller, no event (mecanismo-gobernanza-edomex.md)', async () => {
    const today = await driver.today();
    await driver.seedStl(record('16'), { installedOn: addDays(today, -10) });
    const calendar = businessCalendar();
    const sessionDate = calendar.addBusinessDays(today, 4);
    const before = store.typesOf('stl/16').length;

    const failure = await driver
      .stl('16', 'ConveneSession', { sessionId: 's1', date: sessionDate, kind: 'ordinaria', convokedOn: today, agenda: ['Informe'] })
      .catch((error: unknown) => error);

    expect(domainRejectionOf(failure)).toMatchObject({
      code: 'NOTICE_TOO_SHORT',
      details: expect.objectContaining({ deadline: noticeDeadline(sessionDate, calendar) }),
    });
    expect(store.typesOf('stl/16')).toHaveLength(before);
  });

  it('cadence: reminds to convene 10 business days before the two-month mark and escalates at the mark (mecanismo-gobernanza-edomex.md)', async () => {
    const today = await driver.today();
    await driver.seedStl(record('27'), { installedOn: today });
    const mark = addMonths(today, 2);
    const reminderOn = businessCalendar().addBusinessDays(mark, -10);

    await driver.sleepUntil(addDays(reminderOn, -1), 18);
    expect(dataOf('stl/27', 'ReminderDue', 'cadence_reminder')).toEqual([]);
    await driver.sleepUntil(reminderOn, 18);
    expect(dataOf('stl/27', 'ReminderDue', 'cadence_reminder')).toEqual([expect.objectContaining({ dueOn: reminderOn })]);
    await driver.sleepUntil(addDays(mark, -1), 18);
    expect(dataOf('stl/27', 'EscalationRaised', 'cadence_escalation')).toEqual([]);
    await driver.sleepUntil(mark, 18);
    expect(dataOf('stl/27', 'EscalationRaised', 'cadence_escalation')).toHaveLength(1);
  });

  it('ten simulated years: continue-as-new keeps every run under 1,000 history events, with state and deadlines carried over', async () => {
    const today = await driver.today();
    await driver.seedStl(record('24'), { installedOn: today });
    let previous = today;
    for (let session = 1; session <= 66; session += 1) {
      await driver.sleepUntil(addDays(previous, 45), 10);
      previous = await holdBimonthlySession(driver, '24', `sesion-${session}`);
    }

    const runs = await historyLengthsOfEveryRun(driver.client, 'stl/24');
    expect(runs.length).toBeGreaterThan(2);
    expect(Math.max(...runs)).toBeLessThan(1_000);
    const state = await driver.stlState('24');
    expect(state.status === 'instalado' && Object.keys(state.sessions)).toHaveLength(66);
    expect(dataOf('stl/24', 'EscalationRaised', 'cadence_escalation')).toEqual([]);

    const mark = addMonths(previous, 2);
    await driver.sleepUntil(mark, 18);
    expect(dataOf('stl/24', 'EscalationRaised', 'cadence_escalation')).toEqual([
      expect.objectContaining({ escalation: expect.objectContaining({ kind: 'cadence_escalation' }) }),
    ]);
    expect(store.stream('stl/24').map((event) => event.seq)).toEqual(store.stream('stl/24').map((_, index) => index + 1));
  });
});
