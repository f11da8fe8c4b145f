import { randomUUID } from 'node:crypto';
import { cincoCompromisosOf } from '../libs/domain/src/test-support/exercise-fixtures';
import { authenticatedApi } from './support/auth';
import { daysFromToday, todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { eventually } from './support/eventually';
import { e2eApi } from './support/http';

/**
 * Issue 21, case 2, through HTTP: a state that concludes stage 10 before electing its titulares has its STL refuse
 * the installation the stage asks for, and concluding the stage again is impossible. Recording the installation on
 * the STL itself (`POST /api/stls/:entidad/installation`) is the way out: the STL reports it to the exercise, and
 * step 3 completes.
 */
const { puebla: entidad } = statesOf('stl-installation', __filename);
const MICROSITIO = `https://micrositio.ejemplo.org.mx/${entidad}`;
const SECTORS = ['gobierno', 'sociedad_civil', 'garante'] as const;

describe('installing an STL whose stage 10 came before its titulares', () => {
  const coordinador = authenticatedApi(e2eApi(), 'coordinador');
  const exercise = (suffix = '') => `/api/exercises/${entidad}-1${suffix}`;
  const installation = `/api/stls/${entidad}/installation`;

  it('concludes the ten stages with no titular: the STL refuses its installation and an escalation says so', async () => {
    const started = await coordinador.post('/api/exercises', { entidad, startedOn: daysFromToday(-60) });
    const step1 = await coordinador.post(exercise('/steps/1/complete'), {
      completedOn: daysFromToday(-58),
      evidence: [`${MICROSITIO}/declaracion-conjunta.pdf`],
    });
    expect([started.status, step1.status]).toEqual([201, 200]);
    for (let stage = 1; stage <= 10; stage += 1) {
      const response = await coordinador.post(exercise(`/stages/${stage}/complete`), { completedOn: daysFromToday(-56 + stage) });
      expect({ stage, status: response.status }).toEqual({ stage, status: 200 });
    }

    await eventually(async () => {
      const escalations = await coordinador.get(`/api/escalations?entidad=${entidad}`);
      expect(escalations.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ reason: expect.stringContaining('la instalación del STL al concluir la etapa 10') })]),
      );
    });
    const stl = await coordinador.get(`/api/stls/${entidad}`);
    expect(stl.body.summary).toMatchObject({ status: 'en_integracion' });
    expect(stl.body.summary.installedOn).toBeUndefined();
    // Stage 10 is concluded: the exercise cannot ask again.
    const again = await coordinador.post(exercise('/stages/10/complete'), { completedOn: daysFromToday(-45) });
    expect(again.status).toBe(409);
  });

  it('refuses the installation while a sector has no titular, naming the sectors (409 MISSING_SECTOR_TITULAR)', async () => {
    const response = await coordinador.post(installation, { installedOn: daysFromToday(-30) });

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'MISSING_SECTOR_TITULAR', missing: [...SECTORS] });
    expect(response.body.message).toMatch(/^Para instalar el STL falta al menos un titular de/);
  });

  it('refuses a malformed body with 400 naming the fields, before any workflow hears of it', async () => {
    const response = await coordinador.post<{ code: string; errors: { field: string }[] }>(installation, {
      installedOn: '2026-02-30',
      actaUrl: 'javascript:alert(1)',
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((error) => error.field).sort()).toEqual(['actaUrl', 'installedOn']);
  });

  it('elects titulares and suplentes, the facilitador, adopts the mecanismo, records it and the agenda: step 3 lacks only the installation', async () => {
    for (const sector of SECTORS) {
      const seat = { sector, organizacion: `Representación de ${sector} (Puebla)`, joinedOn: daysFromToday(-40) };
      const titular = await coordinador.post(`/api/stls/${entidad}/members`, { ...seat, memberId: `${entidad}-${sector}-1`, role: 'titular', nombre: `Titular de ${sector}` });
      const suplente = await coordinador.post(`/api/stls/${entidad}/members`, {
        ...seat,
        memberId: `${entidad}-${sector}-1-suplente`,
        role: 'suplente',
        nombre: `Suplente de ${sector}`,
        titularId: `${entidad}-${sector}-1`,
      });
      expect({ sector, statuses: [titular.status, suplente.status] }).toEqual({ sector, statuses: [201, 201] });
    }
    const facilitador = await coordinador.put(`/api/stls/${entidad}/facilitador`, {
      nombre: 'Dra. Lucía Méndez Arroyo',
      procedencia: 'Academia – Benemérita Universidad Autónoma de Puebla',
      appointedOn: daysFromToday(-38),
    });
    // Stage 9 on the STL itself ("se acordará el mecanismo de gobernanza"), while it is integrated: no decision needed.
    const adopted = await coordinador.put(`/api/stls/${entidad}/governance`, { mechanism: { template: 'minimos_guia' }, adoptedOn: daysFromToday(-37) });
    const mecanismo = await coordinador.post(exercise('/governance-mechanism'), { adoptedOn: daysFromToday(-36), documentUrl: `${MICROSITIO}/mecanismo.pdf` });
    const agenda = await coordinador.post(exercise('/annual-agenda'), { adoptedOn: daysFromToday(-36), documentUrl: `${MICROSITIO}/agenda-anual.pdf` });
    expect([facilitador.status, adopted.status, mecanismo.status, agenda.status]).toEqual([200, 200, 200, 200]);

    await eventually(async () => {
      const current = await coordinador.get(exercise());
      expect(current.body).toMatchObject({ currentStep: 3, missingForCurrentStep: [{ code: 'stl_instalado' }] });
    });
    const step4 = await coordinador.post(exercise('/steps/4/complete'), { completedOn: todayInMexicoCity() });
    expect(step4.status).toBe(409);
  });

  it('refuses an installation dated in the future (422 DATE_IN_FUTURE)', async () => {
    const response = await coordinador.post(installation, { installedOn: daysFromToday(2) });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'DATE_IN_FUTURE' });
  });

  it('installs the STL with its acta, answers the STL, and a retry under the same Idempotency-Key answers the same', async () => {
    const key = randomUUID();
    const body = { installedOn: daysFromToday(-30), actaUrl: `${MICROSITIO}/acta-de-instalacion.pdf` };

    const installed = await coordinador.post(installation, body, { 'idempotency-key': key });
    const retried = await coordinador.post(installation, body, { 'idempotency-key': key });

    expect(installed.status).toBe(200);
    expect(installed.body.summary).toMatchObject({ entidad, status: 'instalado', installedOn: daysFromToday(-30) });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(installed.body);
  });

  it('resolves the escalation of the installation it refused, saying when it was installed', async () => {
    await eventually(async () => {
      const escalations = await coordinador.get(`/api/escalations?entidad=${entidad}`);
      const refusal = (escalations.body as { reason: string }[]).find((escalation) => escalation.reason.includes('la instalación del STL al concluir la etapa 10'));
      expect(refusal).toMatchObject({ status: 'resuelta', resolution: expect.stringContaining('El STL quedó instalado el') });
    });
  });

  it('tells the exercise: step 3 completes by itself, dated by the installation, and step 4 can then be concluded', async () => {
    await eventually(async () => {
      const current = await coordinador.get(exercise());
      expect(current.body).toMatchObject({ completedSteps: [1, 2, 3], currentStep: 4, stl: { installedOn: daysFromToday(-30) } });
      expect(current.body.steps[2]).toMatchObject({ number: 3, status: 'concluido', completedOn: daysFromToday(-30) });
    });

    const commitments = await coordinador.put(exercise('/commitments'), {
      commitments: cincoCompromisosOf([`${entidad}-gobierno-1`, `${entidad}-sociedad_civil-1`]),
    });
    const step4 = await coordinador.post(exercise('/steps/4/complete'), { completedOn: todayInMexicoCity(), evidence: [`${MICROSITIO}/mesas.pdf`] });

    expect(commitments.status).toBe(200);
    expect(step4.status).toBe(200);
    expect(step4.body).toMatchObject({ completedSteps: [1, 2, 3, 4], currentStep: 5 });
  });

  it('leaves an installed STL as it is when asked again', async () => {
    const response = await coordinador.post(installation, { installedOn: daysFromToday(-1) });

    expect(response.status).toBe(200);
    expect(response.body.summary).toMatchObject({ status: 'instalado', installedOn: daysFromToday(-30) });
  });
});
