import {
  addDays,
  addMonths,
  businessCalendar,
  type CommitmentInput,
  type LocalDate,
  STL_2017,
  type StlState,
} from '@app/domain';
import { cincoCompromisosOf } from '../../libs/domain/src/test-support/exercise-fixtures';
import { type ScenarioDriver } from './scenario-driver';

const MICROSITIO = 'https://micrositio.ejemplo.org.mx/gobierno-abierto';

/** The 2015 minimum (articulo-gobiernos-abiertos-subnacionales.txt): 2 national agenda, 2 local, 1 Follow the Money. */
export const CINCO_COMPROMISOS: readonly CommitmentInput[] = cincoCompromisosOf(['Dependencia 1 del Gobierno', 'Organización de la sociedad civil 1']);

function titularesOf(state: StlState): string[] {
  if (state.status === 'unregistered') return [];
  return Object.values(state.members)
    .filter((member) => member.role === 'titular')
    .map((member) => member.memberId);
}

/** Convenes a session with exactly the notice the rule asks for, holds it with every titular and signs the minutes. */
export async function holdBimonthlySession(driver: ScenarioDriver, entidad: string, sessionId: string): Promise<LocalDate> {
  const today = await driver.today();
  const date = businessCalendar().addBusinessDays(today, 7);
  await driver.stl(entidad, 'ConveneSession', {
    sessionId,
    date,
    kind: 'ordinaria',
    convokedOn: today,
    agenda: ['Seguimiento de compromisos del PAL', 'Asuntos generales'],
    link: 'https://reuniones.ejemplo.org.mx/stl',
  });
  await driver.sleepUntil(date, 11);
  const present = titularesOf(await driver.stlState(entidad));
  await driver.stl(entidad, 'RecordAttendance', { sessionId, present });
  await driver.stl(entidad, 'ApproveMinutes', { sessionId, approvedOn: date, signedBy: present });
  return date;
}

/**
 * "Una vez electos, los representantes … elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt): a
 * suplente for every seat the 2017 tables leave without one, before the installation (step 3 needs them).
 */
export async function electSuplentes(driver: ScenarioDriver, entidad: string, joinedOn: LocalDate): Promise<void> {
  const state = await driver.stlState(entidad);
  if (state.status === 'unregistered') return;
  for (const seat of Object.values(state.seats)) {
    if (seat.titularId === null || seat.suplenteId !== null) continue;
    const titular = state.members[seat.titularId];
    await driver.stl(entidad, 'AddMember', {
      memberId: `${seat.titularId}-suplente`,
      sector: seat.sector,
      role: 'suplente',
      nombre: `Suplente de ${titular.nombre}`,
      organizacion: titular.organizacion,
      titularId: seat.titularId,
      joinedOn,
    });
  }
}

export interface FullExerciseResult {
  readonly launchedOn: LocalDate;
  readonly sessionDates: readonly LocalDate[];
}

/**
 * One state's exercise up to its PAL, launched today (seis-pasos-2016.txt): the STL integrated through the ten stages
 * (guia-instalacion-stl.txt, Anexo 1), its mechanism, agenda and commitments, and the launch. Answers the launch and
 * the day stage 10 installed the STL.
 */
export async function launchPalOf(driver: ScenarioDriver, entidad: string): Promise<{ launchedOn: LocalDate; installedOn: LocalDate }> {
  const record = STL_2017.find((stl) => stl.entidad === entidad)!;
  const today = await driver.today();
  await driver.seedStl(record, { installedOn: addDays(today, -20), install: false });
  await electSuplentes(driver, entidad, addDays(today, -20));
  await driver.startExercise(entidad, addDays(today, -70));
  await driver.exercise(entidad, 'CompleteStep', { step: 1, completedOn: addDays(today, -65), evidence: [`${MICROSITIO}/declaracion.pdf`] });
  const stageDate = (stage: number) => addDays(today, -60 + 5 * stage);
  for (let stage = 1; stage <= 10; stage += 1) {
    await driver.exercise(entidad, 'CompleteStage', {
      stage,
      completedOn: stageDate(stage),
      evidence: [`${MICROSITIO}/etapa-${stage}.pdf`],
    });
  }
  await driver.exercise(entidad, 'RecordGovernanceMechanism', { adoptedOn: addDays(today, -8), documentUrl: `${MICROSITIO}/mg.pdf` });
  await driver.exercise(entidad, 'RecordAnnualAgenda', { adoptedOn: addDays(today, -6), documentUrl: `${MICROSITIO}/agenda.pdf` });
  await driver.exercise(entidad, 'DefineCommitments', { commitments: CINCO_COMPROMISOS });
  // Defining the commitments is recorded today: the mesas conclude and the PAL is launched the same day.
  await driver.exercise(entidad, 'CompleteStep', { step: 4, completedOn: today, evidence: [`${MICROSITIO}/mesas.pdf`] });
  const launchedOn = today;
  await driver.exercise(entidad, 'LaunchPal', { launchedOn, evidence: [`${MICROSITIO}/pal.pdf`] });
  return { launchedOn, installedOn: stageDate(10) };
}

/**
 * One state's whole exercise (seis-pasos-2016.txt): the PAL launched as `launchPalOf` does, six bimonthly sessions,
 * the six-month monitoring and the evaluation at twelve months, which closes the exercise.
 */
export async function runFullExercise(driver: ScenarioDriver, entidad = '19'): Promise<FullExerciseResult> {
  const { launchedOn, installedOn } = await launchPalOf(driver, entidad);

  // Each session is convened about seven weeks after the previous one (the first after the installation at
  // stage 10): well inside the two-month cadence.
  const sessionDates: LocalDate[] = [];
  let previous = installedOn;
  for (let session = 1; session <= 6; session += 1) {
    await driver.sleepUntil(addDays(previous, 45), 10);
    previous = await holdBimonthlySession(driver, entidad, `sesion-${session}`);
    sessionDates.push(previous);
    if (session === 3) {
      await driver.sleepUntil(addMonths(launchedOn, 6), 12);
      await driver.exercise(entidad, 'RecordMonitoring', { completedOn: await driver.today(), summary: 'Avance conforme al PAL.', micrositioUrl: MICROSITIO });
    }
  }
  await driver.sleepUntil(addMonths(launchedOn, 12), 12);
  await driver.exercise(entidad, 'RecordEvaluation', { completedOn: await driver.today(), summary: 'Evaluación de desempeño.' });
  return { launchedOn, sessionDates };
}
