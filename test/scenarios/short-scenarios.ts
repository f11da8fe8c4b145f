import { addDays, STL_2017 } from '@app/domain';
import { type ScenarioDriver } from './scenario-driver';

const record = (entidad: string) => STL_2017.find((stl) => stl.entidad === entidad)!;

/** A facilitador leaves: the vacancy's reminder and weekly escalations, then a new appointment. */
export async function runVacancyScenario(driver: ScenarioDriver, entidad = '05'): Promise<void> {
  const today = await driver.today();
  await driver.seedStl(record(entidad), { installedOn: addDays(today, -20) });
  await driver.stl(entidad, 'VacateFacilitador', { vacatedOn: today, reason: 'Renuncia del facilitador' });
  await driver.sleepUntil(addDays(today, 40), 18);
  await driver.stl(entidad, 'AppointFacilitador', {
    nombre: 'Dra. Ana Ruiz',
    procedencia: 'Academia – Universidad Autónoma de Coahuila',
    appointedOn: addDays(today, 40),
    historical: { justification: 'Designada por el STL en sesión; el acta se registra aparte.' },
  });
  await driver.sleepUntil(addDays(today, 50), 18);
}

/** An exercise that stops moving: the whole stall chain, then progress that resolves it. */
export async function runStallScenario(driver: ScenarioDriver, entidad = '10'): Promise<void> {
  const today = await driver.today();
  await driver.seedStl(record(entidad), { installedOn: addDays(today, -30) });
  await driver.startExercise(entidad, addDays(today, -1));
  await driver.sleepUntil(addDays(today, 61), 18);
  await driver.exercise(entidad, 'CompleteStage', { stage: 1, completedOn: addDays(today, 61) });
  await driver.sleepUntil(addDays(today, 65), 18);
}
