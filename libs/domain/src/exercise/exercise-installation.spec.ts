import { DEFAULT_DEADLINE_POLICY } from '../shared/deadline';
import { givenWhenThen } from '../test-support/given-when-then';
import {
  commandOn,
  FACILITADOR_KNOWN_ON,
  given,
  historyOf,
  jaliscoComposicion,
  jaliscoStlInstalado,
  noonOf,
  recordAnnualAgenda,
  recordGovernanceMechanism,
  stageDate,
} from '../test-support/exercise-fixtures';
import { type SectorComposition } from './exercise-commands';
import { exerciseDeciderWith } from './exercise-decider';
import { type ExerciseEvent } from './exercise-events';

/**
 * guia-instalacion-stl.txt: "Una vez electos, los representantes … elegirán a los titulares y a los suplentes", and
 * Anexo 1, stage 10 "Instalación del STL … acta de instalación firmada". Step 3 is the STL installed with both in every
 * sector; the exercise learns it from the STL's reports, never from its own stage 10 alone.
 */
describe('Step 3 completes only with the STL installed, titulares and suplentes in every sector', () => {
  const documents = historyOf([recordGovernanceMechanism, recordAnnualAgenda], jaliscoStlInstalado);
  const report = (
    on: string,
    data: { installedOn?: string; composition?: readonly SectorComposition[]; mechanismAdoptedOn?: string | null },
    stlVersion: number,
  ) =>
    commandOn(on, 'RecordStlStatus', { stlVersion, ...data, facilitador: { nombre: 'Dra. Ana Ruiz Téllez' } });
  const withoutSuplenteGarante = jaliscoComposicion.map((sector) =>
    sector.sector === 'garante' ? { ...sector, suplentes: 0 } : sector,
  );

  it('waits while a sector has no suplente, and says which one', () => {
    const history = historyOf([report(FACILITADOR_KNOWN_ON, { installedOn: stageDate(10), composition: withoutSuplenteGarante }, 10)], documents);
    const error = given(history)
      .when(commandOn(FACILITADOR_KNOWN_ON, 'CompleteStep', { step: 3, completedOn: FACILITADOR_KNOWN_ON }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details?.missing).toEqual(['suplente:garante']);
    expect(error.message).toContain('elegir al menos un suplente de organismo garante');
  });

  it('completes by itself when the STL reports the last suplente, dated that day', () => {
    const history = historyOf([report(FACILITADOR_KNOWN_ON, { installedOn: stageDate(10), composition: withoutSuplenteGarante }, 10)], documents);
    const completed = given(history)
      .when(report('2026-03-20', { installedOn: stageDate(10), composition: jaliscoComposicion }, 11))
      .decision as ExerciseEvent[];
    expect(completed.find((event) => event.type === 'StepCompleted')).toEqual({
      type: 'StepCompleted',
      data: { step: 3, completedOn: '2026-03-20', evidence: [], automatic: true, recordedAt: noonOf('2026-03-20') },
    });
  });

  it('waits for the installation the STL refused, although the exercise concluded stage 10', () => {
    const history = historyOf([report(FACILITADOR_KNOWN_ON, { composition: jaliscoComposicion }, 10)], documents);
    const error = given(history)
      .when(commandOn(FACILITADOR_KNOWN_ON, 'CompleteStep', { step: 3, completedOn: FACILITADOR_KNOWN_ON }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.details?.missing).toEqual(['stl_instalado']);
  });

  it('counts a fourth sector under its own name (Morelos: "secretariado cuatripartita")', () => {
    // articulo-gobiernos-abiertos-subnacionales.txt: "integrado por sociedad civil, el órgano garante, organismos
    // autónomos y autoridades públicas locales".
    const morelos = [...jaliscoComposicion, { sector: 'adicional', label: 'Organismos autónomos', titulares: 1, suplentes: 0 }];
    const history = historyOf([report(FACILITADOR_KNOWN_ON, { installedOn: stageDate(10), composition: morelos }, 10)], documents);
    const error = given(history)
      .when(commandOn(FACILITADOR_KNOWN_ON, 'CompleteStep', { step: 3, completedOn: FACILITADOR_KNOWN_ON }))
      .then('STEP_REQUIREMENTS_MISSING');
    expect(error.message).toContain('elegir al menos un suplente de Organismos autónomos');
  });

  it('keeps the old rule in runs begun before it: step 3 without the STL’s composition', () => {
    const older = givenWhenThen(exerciseDeciderWith(DEFAULT_DEADLINE_POLICY, { stepsBeforeIssue17: true }));
    const decision = older(documents).when(report(FACILITADOR_KNOWN_ON, {}, 10)).decision as ExerciseEvent[];
    expect(decision.map((event) => event.type)).toEqual(['StlStatusRecorded', 'StepCompleted']);
  });

  describe('and the mechanism adopted by the STL itself, not only recorded as a document', () => {
    // guia-instalacion-stl.txt, Anexo 1, stage 9: "se acordará el mecanismo de gobernanza que regirá su actuación".
    const installed = { installedOn: stageDate(10), composition: jaliscoComposicion };
    const provisional = historyOf([report(FACILITADOR_KNOWN_ON, { ...installed, mechanismAdoptedOn: null }, 10)], documents);

    it('waits while the STL runs under its registration’s provisional mechanism, although the document is recorded', () => {
      const error = given(provisional)
        .when(commandOn(FACILITADOR_KNOWN_ON, 'CompleteStep', { step: 3, completedOn: FACILITADOR_KNOWN_ON }))
        .then('STEP_REQUIREMENTS_MISSING');
      expect(error.details?.missing).toEqual(['mecanismo_del_stl']);
      expect(error.message).toContain('adoptar en el STL su mecanismo de gobernanza (etapa 9)');
    });

    it('completes by itself when the STL reports its adoption, dated by that adoption', () => {
      const completed = given(provisional)
        .when(report('2026-03-27', { ...installed, mechanismAdoptedOn: '2026-03-25' }, 11))
        .decision as ExerciseEvent[];
      expect(completed.find((event) => event.type === 'StepCompleted')?.data).toMatchObject({ step: 3, completedOn: '2026-03-25' });
    });

    it('takes the document alone from STL runs that do not report the adoption', () => {
      const decision = given(documents).when(report(FACILITADOR_KNOWN_ON, installed, 10)).decision as ExerciseEvent[];
      expect(decision.map((event) => event.type)).toContain('StepCompleted');
    });

    it('refuses an adoption day that is no date', () => {
      given(provisional).when(report('2026-03-27', { ...installed, mechanismAdoptedOn: '2026-02-31' }, 11)).then('INVALID_DATE');
    });
  });
});
