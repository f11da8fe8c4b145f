import { jaliscoExercise, stlFixture } from '../testing/dashboard-fixtures';
import { ENTIDADES_EN_ORDEN } from './entidades';
import { boardRow, filterAndSort, parseBoardFilter, statesByStep, upcomingDates } from './country-board';

const TODAY = '2026-11-20';

const jalisco = boardRow({ entidad: '14', exercise: jaliscoExercise(10), stl: stlFixture(), openEscalations: 2 }, TODAY);
const oaxaca = boardRow(
  {
    entidad: '20',
    exercise: { ...jaliscoExercise(3), entidad: '20', entidadName: 'Oaxaca' },
    stl: stlFixture({ entidad: '20', facilitadorVacante: false, facilitador: { facilitadorId: 'f', nombre: 'Ana', procedencia: 'Academia', appointedOn: '2026-04-01' }, nextSessionDueOn: '2026-11-01', warnings: [] }),
    openEscalations: 0,
  },
  TODAY,
);
const puebla = boardRow({ entidad: '21', openEscalations: 0 }, TODAY);

describe('national board rows', () => {
  it('names the problems a coordinator acts on', () => {
    expect(jalisco.problems).toEqual(['facilitador_vacante', 'escalamientos', 'sin_avance']);
    expect(oaxaca.problems).toEqual(['sesion_vencida', 'sin_avance']);
    expect(puebla.problems).toEqual([]);
    expect(boardRow({ entidad: '14', stl: stlFixture({ nextSessionDueOn: '2026-11-30', cadenceReminderOn: '2026-11-13' }), openEscalations: 0 }, TODAY).problems).toEqual([
      'facilitador_vacante',
      'sesion_por_vencer',
    ]);
  });

  it('reports a stall from the reminder date the exercise\'s own policy gave, not from a default', () => {
    const exercise = jaliscoExercise(3);
    const stalledLater = { ...exercise, stallReminderOn: '2026-11-21' };
    const stalledEarlier = { ...exercise, stallReminderOn: '2026-11-20' };

    expect(boardRow({ entidad: '14', exercise: stalledLater, openEscalations: 0 }, TODAY).problems).not.toContain('sin_avance');
    expect(boardRow({ entidad: '14', exercise: stalledEarlier, openEscalations: 0 }, TODAY).problems).toContain('sin_avance');
  });

  it('counts a composition warning other than the vacancy as its own problem', () => {
    const imbalanced = stlFixture({ warnings: [{ code: 'SECTOR_IMBALANCE', message: 'Desequilibrio' }] });

    expect(boardRow({ entidad: '14', stl: imbalanced, openEscalations: 0 }, TODAY).problems).toContain('advertencias');
  });

  it('filters by step, problem and name (accents ignored) and sorts', () => {
    const rows = [puebla, oaxaca, jalisco];

    expect(filterAndSort(rows, { orden: 'entidad' }).map((row) => row.entidad)).toEqual(['14', '20', '21']);
    expect(filterAndSort(rows, { orden: 'problemas' }).map((row) => row.entidad)).toEqual(['14', '20', '21']);
    expect(filterAndSort(rows, { orden: 'paso' }).map((row) => row.entidad)).toEqual(['21', '20', '14']);
    expect(filterAndSort(rows, { orden: 'entidad', paso: 0 }).map((row) => row.entidad)).toEqual(['21']);
    expect(filterAndSort(rows, { orden: 'entidad', problema: 'sesion_vencida' }).map((row) => row.entidad)).toEqual(['20']);
    expect(filterAndSort(rows, { orden: 'entidad', texto: 'oáxa' }).map((row) => row.entidad)).toEqual(['20']);
  });

  it('reads the filter leniently from the query string', () => {
    expect(parseBoardFilter({ orden: 'paso', paso: '3', problema: 'facilitador_vacante', texto: ' Jal ' })).toEqual({
      orden: 'paso',
      paso: 3,
      problema: 'facilitador_vacante',
      texto: 'Jal',
    });
    expect(parseBoardFilter({ orden: 'x', paso: '9', problema: 'otro', texto: ['a'] })).toEqual({ orden: 'entidad' });
  });

  it('counts states per step for the chart, 0 for those without exercise', () => {
    expect(statesByStep([puebla, oaxaca, jalisco])).toEqual([1, 0, 1, 1, 0, 0, 0]);
  });

  it('lists what falls due next, from today on, the twelve months of the six steps among it (found in the replay of #17)', () => {
    expect(upcomingDates([jalisco, oaxaca, puebla], TODAY)).toEqual([
      { entidad: '14', nombre: 'Jalisco', what: 'Límite de la sesión bimestral', on: '2026-12-23' },
      { entidad: '14', nombre: 'Jalisco', what: 'Fin de los doce meses para los seis pasos', on: '2027-01-12' },
      { entidad: '20', nombre: 'Oaxaca', what: 'Fin de los doce meses para los seis pasos', on: '2027-01-12' },
    ]);
  });

  it('lists the end of the next progress period once the PAL is launched, and no longer the twelve months', () => {
    const launched = boardRow(
      {
        entidad: '14',
        exercise: { ...jaliscoExercise(10), palLaunchedOn: '2026-10-01', nextDeadline: { id: 'avance:1', kind: 'progress_reminder', dueOn: '2026-12-01' } },
        openEscalations: 0,
      },
      TODAY,
    );

    expect(upcomingDates([launched], TODAY)).toEqual([{ entidad: '14', nombre: 'Jalisco', what: 'Fin del periodo de reporte de avance', on: '2026-12-01' }]);
  });

  it('walks the states in the order of their codes', () => {
    expect(ENTIDADES_EN_ORDEN.slice(0, 3)).toEqual(['01', '02', '03']);
    expect(ENTIDADES_EN_ORDEN).toHaveLength(32);
  });
});
