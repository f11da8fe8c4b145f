import { addDays, addMonths } from '@app/domain';
import { cincoCompromisosOf } from '../libs/domain/src/test-support/exercise-fixtures';
import { authenticatedApi } from './support/auth';
import { todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { eventually } from './support/eventually';
import { e2eApi } from './support/http';

/**
 * Issue 21: a state records the PAL it already ran. Sonora was seeded installed eight months ago with its
 * steps 1 and 2 done and no PAL; step 3 waits for a suplente in each sector (issue 17), elected at its installation; its mesas, launch and monitoring are recorded today with their own dates, as
 * historical acts, and each still obeys the order and the dates of the method.
 */
const { sonora: ENTIDAD } = statesOf('pal-history', __filename);
const coordinador = authenticatedApi(e2eApi(), 'coordinador');
const path = (suffix: string) => `/api/exercises/${ENTIDAD}-1${suffix}`;
const today = todayInMexicoCity();
const installedOn = addMonths(today, -8);
const definedOn = addDays(installedOn, 5);
const mesasOn = addDays(installedOn, 10);
const launchedOn = addDays(installedOn, 15);
const monitoringDueOn = addMonths(launchedOn, 6);
const historical = { justification: 'El PAL se ejecutó antes de usar el sistema; se registra con sus actas.' };

const commitments = cincoCompromisosOf([`${ENTIDAD}-gobierno-1`, `${ENTIDAD}-sociedadcivil-1`]);

interface Exercise {
  readonly currentStep: number;
  readonly palLaunchedOn?: string;
  readonly monitoringCompletedOn?: string;
  readonly historicalActs?: readonly { act: string; on: string; justification: string }[];
}

interface StlMembers {
  readonly members: readonly { memberId: string; role: string; sector: string; seatId: string | null }[];
}

describe('the acts of a PAL recorded after their day, through HTTP', () => {
  beforeAll(async () => {
    // "Elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt): the suplentes elected at installation.
    const { body } = await coordinador.get<StlMembers>(`/api/stls/${ENTIDAD}`);
    const seatsWithSuplente = new Set(body.members.filter((member) => member.role === 'suplente').map((member) => member.seatId));
    for (const titular of body.members.filter((member) => member.role === 'titular' && !seatsWithSuplente.has(member.seatId))) {
      const added = await coordinador.post(`/api/stls/${ENTIDAD}/members`, {
        memberId: `${titular.memberId}-suplente`,
        sector: titular.sector,
        role: 'suplente',
        nombre: `Suplente de ${titular.memberId}`,
        organizacion: 'Suplencia electa en la instalación',
        titularId: titular.memberId,
        joinedOn: installedOn,
      });
      expect(added.status).toBe(201);
    }
    // The STL reports its complete composition to the exercise, whose step 3 then completes by itself.
    await eventually(async () => expect((await coordinador.get<Exercise>(path(''))).body.currentStep).toBe(4), 30_000);
  });

  it('refuses the mesas’ commitments dated months ago without a justification: 422 PAL_ACT_BACKDATED, nothing stored', async () => {
    const refused = await coordinador.put(path('/commitments'), { commitments, definedOn });

    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PAL_ACT_BACKDATED');
    expect(refused.body.message).toContain('regístrelo como acto histórico con su justificación');
    expect((await coordinador.get<Exercise>(path(''))).body.historicalActs).toBeUndefined();
  });

  it('takes them as a historical act, and dates the mesas no earlier than the commitments', async () => {
    const defined = await coordinador.put(path('/commitments'), { commitments, definedOn, historical });
    expect(defined.status).toBe(200);

    const tooEarly = await coordinador.post(path('/steps/4/complete'), { completedOn: addDays(definedOn, -1) });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.code).toBe('DATE_BEFORE_PREVIOUS');
    const mesas = await coordinador.post(path('/steps/4/complete'), { completedOn: mesasOn });
    expect(mesas.status).toBe(200);
  });

  it('launches the PAL on its day, so that its six months are already past', async () => {
    const launched = await coordinador.post<Exercise>(path('/pal'), { launchedOn, historical });

    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ palLaunchedOn: launchedOn, monitoringDueOn });
  });

  it('refuses a monitoring dated before its six months, then records it on its day', async () => {
    const early = await coordinador.post(path('/monitoring'), {
      completedOn: addDays(monitoringDueOn, -1),
      summary: 'Los cinco compromisos avanzan.',
      historical,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MONITORING_NOT_DUE');

    const recorded = await coordinador.post<Exercise>(path('/monitoring'), {
      completedOn: monitoringDueOn,
      summary: 'Los cinco compromisos avanzan.',
      historical,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.monitoringCompletedOn).toBe(monitoringDueOn);
  });

  it('refuses the evaluation before the PAL’s year ends, and lists every historical act with its justification', async () => {
    const evaluation = await coordinador.post(path('/evaluation'), { completedOn: today, summary: 'Logro alto.' });
    expect(evaluation.status).toBe(409);
    expect(evaluation.body.code).toBe('EVALUATION_NOT_DUE');

    const exercise = (await coordinador.get<Exercise>(path(''))).body;
    expect(exercise.historicalActs).toEqual([
      { act: 'compromisos', on: definedOn, justification: historical.justification },
      { act: 'lanzamiento', on: launchedOn, justification: historical.justification },
      { act: 'monitoreo', on: monitoringDueOn, justification: historical.justification },
    ]);
  });

  it('shows each of those acts as historical on the public page, with its justification, as the private board does', async () => {
    const page = await e2eApi().get<string>(`/tablero/publico/${ENTIDAD}`);

    expect(page.status).toBe(200);
    const acts = [...page.body.matchAll(/<li data-historical-act="([a-z]+)">([\s\S]*?)<\/li>/g)].map(([, act, text]) => ({
      act,
      marked: text.includes('Acto histórico'),
      justified: text.includes(historical.justification),
    }));
    expect(acts).toEqual(['compromisos', 'lanzamiento', 'monitoreo'].map((act) => ({ act, marked: true, justified: true })));
  });
});
