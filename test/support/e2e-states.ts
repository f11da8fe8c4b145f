import { basename } from 'node:path';
import { type Entidad } from '@app/domain';

/** The states one file uses, by the name it gives each. */
export type StateAllocation = Readonly<Record<string, Entidad>>;

/**
 * Refuses a table in which two files (or one file twice) hold the same state. Every e2e file of a run talks to one
 * running system, so a state is the unit of isolation: a file that changes or asserts a state's data must be its only
 * user. Reading the seed as a whole (lists, open data) and the demo accounts' scopes needs no allocation.
 */
export function allocateStates<T extends Readonly<Record<string, StateAllocation>>>(table: T): T {
  const holders = new Map<Entidad, string>();
  const clashes: string[] = [];
  for (const [file, states] of Object.entries(table)) {
    for (const [name, entidad] of Object.entries(states)) {
      const holder = holders.get(entidad);
      if (holder) clashes.push(`${entidad} (${holder} and ${file}.${name})`);
      else holders.set(entidad, `${file}.${name}`);
    }
  }
  if (clashes.length > 0) throw new Error(`States allocated to more than one e2e file: ${clashes.join(', ')}`);
  return table;
}

/**
 * Each e2e file (`test/<name>.e2e-spec.ts`) and browser file (`test/browser/<name>.browser-spec.ts`) and the states it
 * alone may use on the shared system.
 */
export const E2E_STATES = allocateStates({
  'authorization-matrix': { own: '20', foreign: '04' },
  calendar: { durango: '10', noStl: '09' },
  escalations: { tlaxcala: '29', notFollowed: '02' },
  'exercise-slice': { exercise: '31' },
  'exercises-bad-input': { seeded: '24' },
  exercises: { newStl: '06', registeredStl: '07', raced: '03' },
  idempotency: { sinaloa: '25' },
  metrics: { tamaulipas: '28' },
  'pal-history': { sonora: '26' },
  'stls-bad-input': { seeded: '16' },
  stls: { aguascalientes: '01', jalisco: '14', zacatecas: '32', nuevoLeon: '19', coahuila: '05', tabasco: '27' },
  'stl-installation': { puebla: '21' },
  'stl-installation-board': { queretaro: '22' },
  'stl-removal': { morelos: '17' },
  widths: { veracruz: '30' },
} as const);

export type E2eFile = keyof typeof E2E_STATES;

/** The states allocated to the calling file: `statesOf('stls', __filename)`; another file's name is refused. */
export function statesOf<F extends E2eFile>(file: F, callerPath: string): (typeof E2E_STATES)[F] {
  const caller = basename(callerPath).replace(/\.(e2e|browser)-spec\.ts$/, '');
  if (caller !== file) throw new Error(`${caller} asked for the states of ${file}: each e2e file uses only its own`);
  return E2E_STATES[file];
}
