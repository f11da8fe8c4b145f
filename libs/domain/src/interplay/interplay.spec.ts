import { type ExerciseEvent } from '../exercise/exercise-events';
import { commandOn, given, jaliscoStlInstalado, stageDate } from '../test-support/exercise-fixtures';
import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { edomexInstalled, INSTALLED_ON, stateOf } from '../stl/testing/stl-fixtures';
import { stlSummary } from '../stl/stl-summary';
import { interplayRefusal, interplayUndelivered, stlStatusReport } from './interplay';

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
