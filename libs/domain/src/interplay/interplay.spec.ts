import { type ExerciseEvent } from '../exercise/exercise-events';
import { commandOn, given, jaliscoStlInstalado, stageDate } from '../test-support/exercise-fixtures';
import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { fold } from '../shared/decider';
import { eventsOf } from '../test-support/given-when-then';
import { STL_2017, stlSeedCommands } from '../stl/stl-seed';
import { stlDecider, stlDeciderWith } from '../stl/stl-decider';
import {
  appointFunes,
  command,
  edomexInstalled,
  edomexMembers,
  history,
  installEdomex,
  INSTALLED_ON,
  on,
  registerEdomex,
  stateOf,
} from '../stl/testing/stl-fixtures';
import { type StlEvent } from '../stl/stl-events';
import { stlSummary } from '../stl/stl-summary';
import { interplayRefusal, interplayUndelivered, stlRequestsFor, stlStatusReport } from './interplay';

const status = (stlVersion: number, nombre: string | null, on = stageDate(10)) =>
  commandOn(on, 'RecordStlStatus', { stlVersion, installedOn: stageDate(10), facilitador: nombre === null ? null : { nombre } });

describe('status reports between the workflows (issue 13, "signals between exercise and STL are lossy")', () => {
  it('ignores a report older than the one already recorded, whatever order the signals arrive in', () => {
    const newer = given(jaliscoStlInstalado).when(status(40, 'Dra. Ana Ruiz Téllez')).decision as ExerciseEvent[];

    given([...jaliscoStlInstalado, ...newer]).when(status(39, null)).then([]);
    given([...jaliscoStlInstalado, ...newer]).when(status(40, 'Dra. Ana Ruiz Téllez')).then([]);
  });

  it('records a newer report even when it repeats an earlier status, so a stale one cannot win afterwards', () => {
    const first = given(jaliscoStlInstalado).when(status(38, null)).decision as ExerciseEvent[];
    const vacantAgain = given([...jaliscoStlInstalado, ...first]).when(status(41, null)).decision as ExerciseEvent[];

    expect(vacantAgain).toHaveLength(1);
    given([...jaliscoStlInstalado, ...first, ...vacantAgain]).when(status(40, 'Dra. Ana Ruiz Téllez')).then([]);
  });
});

describe('what the STL reports to its exercise', () => {
  it('names the facilitador with the day of the appointment, which dates step 3, not the day the report arrives', () => {
    const summary = stlSummary(stateOf(edomexInstalled), DEFAULT_DEADLINE_POLICY);
    expect(summary && stlStatusReport(summary, 7)).toMatchObject({
      stlVersion: 7,
      facilitador: { nombre: 'Rafael Funes Díaz', appointedOn: INSTALLED_ON },
    });
  });
});

describe('incidents of the interplay raise one escalation to the coordinación', () => {
  const refused = interplayRefusal('InstallStl', 'exercise/14/1@31:0', 'El STL no tiene titulares registrados.');

  it('says what was not done and why, in Spanish', () => {
    expect(refused.reason).toBe(
      'No se realizó la instalación del STL al concluir la etapa 10: El STL no tiene titulares registrados. Revise el expediente y registre el acto cuando proceda.',
    );
    expect(interplayUndelivered('RenewCivilSociety', 'exercise/14/1@90:0', 'stl/14').reason).toContain('el flujo stl/14 no existe o ya concluyó');
  });

  it('raises it once, however often the same incident is recorded', () => {
    const record = commandOn(stageDate(10), 'RecordIncident', refused);
    const [raised] = given(jaliscoStlInstalado).when(record).decision as ExerciseEvent[];

    expect(raised).toMatchObject({
      type: 'EscalationRaised',
      data: { audience: ['coordinador'], escalation: { level: 'coordinador', kind: 'interplay_incident', status: 'abierta', reason: refused.reason } },
    });
    given([...jaliscoStlInstalado, raised]).when(record).then([]);
  });
});

describe('what the exercise asks of its STL (guia-instalacion-stl.txt, Anexo 1)', () => {
  const completed = (stage: number, mergedWith?: number[]): ExerciseEvent => ({
    type: 'StageCompleted',
    data: { stage: stage as never, completedOn: '2026-10-05', evidence: [], recordedAt: '2026-10-05T16:00:00.000Z', ...(mergedWith && { mergedWith: mergedWith as never }) },
  });

  it('tells the STL when stage 7 ("Selección del facilitador") closes, completed, merged or skipped', () => {
    const skipped: ExerciseEvent = {
      type: 'StageSkipped',
      data: { stage: 7, skippedOn: '2026-10-06', justification: 'Se eligió en la etapa 8', skippedBy: 8 },
    };
    const options = { facilitadorSelection: true };

    expect(stlRequestsFor([completed(7)], options)).toEqual([{ type: 'ConcludeFacilitadorSelection', data: { concludedOn: '2026-10-05' } }]);
    expect(stlRequestsFor([completed(6, [7])], options)).toEqual([{ type: 'ConcludeFacilitadorSelection', data: { concludedOn: '2026-10-05' } }]);
    expect(stlRequestsFor([skipped], options)).toEqual([{ type: 'ConcludeFacilitadorSelection', data: { concludedOn: '2026-10-06' } }]);
    expect(stlRequestsFor([completed(7, [8, 9, 10])], options).map((request) => request.type)).toEqual(['ConcludeFacilitadorSelection', 'InstallStl']);
  });

  it('asks only for the installation in runs begun before stage 7 was told', () => {
    expect(stlRequestsFor([completed(7)])).toEqual([]);
    expect(stlRequestsFor([completed(10)])).toEqual([{ type: 'InstallStl', data: { installedOn: '2026-10-05' } }]);
  });
});

describe('the STL tells its exercise its titulares and suplentes per sector (guia-instalacion-stl.txt)', () => {
  it('reports every sector, Morelos’ fourth under its name, with the suplentes the tables mark', () => {
    // "elegirán a los titulares y a los suplentes"; articulo-gobiernos-abiertos-subnacionales.txt: Morelos
    // "secretariado cuatripartita".
    const seeded = (entidad: string) => {
      const record = STL_2017.find((candidate) => candidate.entidad === entidad)!;
      const commands = stlSeedCommands(record, { installedOn: '2026-09-01', now: '2026-09-01T16:00:00.000Z' });
      return stlSummary(fold(stlDecider, eventsOf(stlDecider, commands)), DEFAULT_DEADLINE_POLICY)!;
    };

    expect(stlStatusReport(seeded('17'), 7, { composition: true }).composition).toEqual([
      { sector: 'gobierno', label: 'gobierno', titulares: 1, suplentes: 0 },
      { sector: 'sociedad_civil', label: 'sociedad civil', titulares: 1, suplentes: 0 },
      { sector: 'garante', label: 'organismo garante', titulares: 1, suplentes: 0 },
      { sector: 'adicional', label: 'Organismos autónomos', titulares: 1, suplentes: 0 },
    ]);
    expect(stlStatusReport(seeded('25'), 7, { composition: true }).composition).toContainEqual({
      sector: 'sociedad_civil',
      label: 'sociedad civil',
      titulares: 3,
      suplentes: 3,
    });
    expect(stlStatusReport(seeded('25'), 7)).not.toHaveProperty('composition');
  });
});

describe('the STL tells its exercise how often its commitments report progress (mecanismo-gobernanza-edomex.md, cap. X, 3)', () => {
  // "Reportar periódicamente los avances de su proyecto al STL, que dará seguimiento … al igual que con los compromisos del PAL".
  const adopt = (events: readonly StlEvent[], progressReportMonths: number, adoptedOn: string, convenes: 'garante' | 'facilitador' = 'garante') =>
    eventsOf(stlDecider, [command('AdoptGovernanceMechanism', { mechanism: { template: 'minimos_guia', progressReportMonths, convenes }, adoptedOn }, on(adoptedOn))], events);
  const reportOf = (events: readonly StlEvent[]) =>
    stlStatusReport(stlSummary(fold(stlDecider, events), DEFAULT_DEADLINE_POLICY)!, 9, { progressReports: true }).progressReports;

  it('reports each change of the period with the day it took effect, and nothing for a change that keeps it', () => {
    const registered = history(registerEdomex);
    const quarterly = adopt(registered, 3, '2026-09-01');
    expect(reportOf(registered)).toEqual([{ validFrom: expect.any(String), months: 2 }]);
    expect(reportOf(quarterly)).toEqual([{ validFrom: '2026-09-01', months: 3 }]);
    expect(reportOf(adopt(quarterly, 3, '2026-09-15', 'facilitador'))).toEqual([{ validFrom: '2026-09-01', months: 3 }]);
    expect(reportOf(adopt(quarterly, 4, '2026-09-15'))).toEqual([
      { validFrom: '2026-09-01', months: 3 },
      { validFrom: '2026-09-15', months: 4 },
    ]);
  });

  it('tells nothing of it in reports of runs from before', () => {
    expect(stlStatusReport(stlSummary(stateOf(edomexInstalled), DEFAULT_DEADLINE_POLICY)!, 9)).not.toHaveProperty('progressReports');
  });
});

describe('the STL tells its exercise the day it adopted its own mechanism (guia-instalacion-stl.txt, stage 9)', () => {
  // "se acordará el mecanismo de gobernanza que regirá su actuación": the registration's provisional version is not it.
  const adoptionOf = (events: readonly StlEvent[]) =>
    stlStatusReport(stlSummary(fold(stlDecider, events), DEFAULT_DEADLINE_POLICY)!, 9, { mechanismAdoption: true });
  const adopt = (events: readonly StlEvent[], adoptedOn: string, progressReportMonths: number) =>
    eventsOf(stlDecider, [command('AdoptGovernanceMechanism', { mechanism: { template: 'minimos_guia', progressReportMonths }, adoptedOn }, on(adoptedOn))], events);

  it('says null under the provisional version, then the day of the first adoption, which a later change keeps', () => {
    const registered = history(registerEdomex);
    const adopted = adopt(registered, '2026-09-01', 2);
    expect(adoptionOf(registered).mechanismAdoptedOn).toBeNull();
    expect(adoptionOf(adopted).mechanismAdoptedOn).toBe('2026-09-01');
    expect(adoptionOf(adopt(adopted, '2026-09-15', 3)).mechanismAdoptedOn).toBe('2026-09-01');
  });

  it('tells nothing of it in reports of runs from before', () => {
    expect(stlStatusReport(stlSummary(stateOf(edomexInstalled), DEFAULT_DEADLINE_POLICY)!, 9)).not.toHaveProperty('mechanismAdoptedOn');
  });
});

describe('the STL’s own installation resolves the escalation of the one it refused at stage 10', () => {
  // guia-instalacion-stl.txt, Anexo 1, stage 10: "Instalación del STL … acta de instalación firmada"; the STL refused it
  // while a sector had no titular, and the coordinación was told (issue 17, item 2).
  const refusal = command('RecordIncident', interplayRefusal('InstallStl', 'exercise/15/1@31:0', 'Para instalar el STL falta al menos un titular.'));
  const refused = history(registerEdomex, refusal, ...edomexMembers, appointFunes);

  it('resolves it in the same decision, saying when the STL was installed', () => {
    const decision = stlDecider.decide(installEdomex, stateOf(refused)) as StlEvent[];

    expect(decision.find((event) => event.type === 'EscalationResolved')).toEqual({
      type: 'EscalationResolved',
      data: { escalationId: 'incidente:rechazo:exercise/15/1@31:0', at: installEdomex.metadata.now, resolution: 'El STL quedó instalado el martes 1 de septiembre de 2026.' },
    });
  });

  it('leaves other incidents open, and runs begun before it keep the refusal open too', () => {
    const other = command('RecordIncident', interplayRefusal('RenewCivilSociety', 'exercise/15/1@90:0', 'El STL no está instalado.'));
    const decision = stlDecider.decide(installEdomex, stateOf(eventsOf(stlDecider, [other], refused))) as StlEvent[];
    expect(decision.filter((event) => event.type === 'EscalationResolved')).toHaveLength(1);

    const older = stlDeciderWith(DEFAULT_DEADLINE_POLICY, { refusedInstallationStaysOpen: true });
    expect((older.decide(installEdomex, stateOf(refused)) as StlEvent[]).map((event) => event.type)).not.toContain('EscalationResolved');
  });
});
