import { DEFAULT_DEADLINE_POLICY } from '../../shared/deadline';
import { fold } from '../../shared/decider';
import { isDomainError } from '../../shared/domain-error';
import { addDays, instantAt, type Instant, type LocalDate } from '../../shared/local-date';
import { givenWhenThen } from '../../test-support';
import { edomex2019 } from '../governance';
import { type StlCommand } from '../stl-commands';
import { type DecisionRule } from '../stl-terms';
import { stlDecider } from '../stl-decider';
import { type StlEvent } from '../stl-events';
import { type StlState } from '../stl-state';
import { stlDeadlines } from '../stl-deadlines';

/** Monday 23 November 2026, 10:00 in Mexico City: the "today" of most tests. */
export const NOW: Instant = '2026-11-23T16:00:00.000Z';
export const INSTALLED_ON: LocalDate = '2026-09-01';

export const given = givenWhenThen(stlDecider);

/** 10:00 in Mexico City on a date (when people usually record things). */
export function on(date: LocalDate, hour = 10): Instant {
  return instantAt(date, hour);
}

type CommandOf<T extends StlCommand['type']> = Extract<StlCommand, { type: T }>;

export function command<T extends StlCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  now: Instant = NOW,
): CommandOf<T> {
  return { type, data, metadata: { now, actor: 'coordinador@inai.org.mx' } } as CommandOf<T>;
}

/** A history built by the decider itself, so fixtures can never hold events the rules would refuse. */
export function history(...commands: readonly StlCommand[]): StlEvent[] {
  return commands.reduce<StlEvent[]>((events, next) => {
    const decision = stlDecider.decide(next, fold(stlDecider, events));
    if (isDomainError(decision)) throw new Error(`${next.type}: ${decision.code} ${decision.message}`);
    return [...events, ...decision];
  }, []);
}

export function stateOf(events: readonly StlEvent[]): StlState {
  return fold(stlDecider, events);
}

const SETUP = on(INSTALLED_ON);

export const registerEdomex = command('RegisterStl', { entidad: '15', decisionRule: 'consensus_then_majority' }, SETUP);

function titular(memberId: string, sector: 'gobierno' | 'sociedad_civil' | 'garante', organizacion: string) {
  return command(
    'AddMember',
    { memberId, sector, role: 'titular', nombre: `Titular ${memberId}`, organizacion, joinedOn: INSTALLED_ON },
    SETUP,
  );
}

function substitute(
  memberId: string,
  role: 'suplente' | 'enlace',
  titularId: string,
  sector: 'gobierno' | 'sociedad_civil' | 'garante',
) {
  return command(
    'AddMember',
    {
      memberId,
      sector,
      role,
      nombre: `${role} ${memberId}`,
      organizacion: `Organización de ${titularId}`,
      titularId,
      joinedOn: INSTALLED_ON,
    },
    SETUP,
  );
}

/**
 * Estado de México, modelled on its mecanismo de gobernanza: two government seats (one with suplente and enlace),
 * two civil-society seats (one with suplente), the garante with suplente, an invitado and an academic facilitador.
 * Five active seats: quorum is three, one of them civil society.
 */
export const edomexMembers: readonly StlCommand[] = [
  titular('gob-1', 'gobierno', 'Secretaría de la Contraloría'),
  substitute('sup-gob-1', 'suplente', 'gob-1', 'gobierno'),
  substitute('enl-gob-1', 'enlace', 'gob-1', 'gobierno'),
  titular('gob-2', 'gobierno', 'Poder Judicial del Estado de México'),
  titular('sc-1', 'sociedad_civil', 'Ciudadanos por la Transparencia, A.C.'),
  substitute('sup-sc-1', 'suplente', 'sc-1', 'sociedad_civil'),
  titular('sc-2', 'sociedad_civil', 'Observatorio Ciudadano, A.C.'),
  titular('gar-1', 'garante', 'INFOEM'),
  substitute('sup-gar-1', 'suplente', 'gar-1', 'garante'),
  command(
    'AddMember',
    {
      memberId: 'inv-1',
      sector: 'gobierno',
      role: 'invitado',
      nombre: 'Invitada inv-1',
      organizacion: 'Ayuntamiento de Toluca',
      joinedOn: INSTALLED_ON,
    },
    SETUP,
  ),
];

export const appointFunes = command(
  'AppointFacilitador',
  {
    facilitadorId: 'fac-1',
    nombre: 'Rafael Funes Díaz',
    procedencia: 'Academia – UAEMéx',
    organizacion: 'UAEMéx',
    appointedOn: INSTALLED_ON,
  },
  SETUP,
);

export const installEdomex = command(
  'InstallStl',
  { installedOn: INSTALLED_ON, actaUrl: 'https://infoem.org.mx/acta.pdf' },
  SETUP,
);

/**
 * Stage 9: the Estado de México 2019 mechanism (notice, civil society in the quorum, casting vote, three absences in
 * a row), keeping the plain majority the tests vary with `ChangeDecisionRule`.
 */
export const adoptEdomexMechanism = command(
  'AdoptGovernanceMechanism',
  { mechanism: { template: 'edomex_2019', decisionRule: 'consensus_then_majority' }, adoptedOn: INSTALLED_ON },
  SETUP,
);

export const edomexInstalled: readonly StlEvent[] = history(
  registerEdomex,
  ...edomexMembers,
  appointFunes,
  adoptEdomexMechanism,
  installEdomex,
);

/** A session convened with the notice and attendance taken, appended to a history. */
export function heldSession(
  events: readonly StlEvent[],
  sessionId: string,
  date: LocalDate,
  present: readonly string[],
  convokedOn: LocalDate = addNotice(date),
): StlEvent[] {
  return [
    ...events,
    ...decideOn(events, [
      command(
        'ConveneSession',
        { sessionId, date, kind: 'ordinaria', convokedOn, agenda: ['Seguimiento del PAL'] },
        on(convokedOn),
      ),
      command('RecordAttendance', { sessionId, present, withoutAttendees: present.length === 0 }, on(date, 18)),
    ]),
  ];
}

/** Commands decided one after another on top of a history; returns only the new events. */
export function decideOn(events: readonly StlEvent[], commands: readonly StlCommand[]): StlEvent[] {
  return commands.reduce<StlEvent[]>((added, next) => {
    const decision = stlDecider.decide(next, fold(stlDecider, [...events, ...added]));
    if (isDomainError(decision)) throw new Error(`${next.type}: ${decision.code} ${decision.message}`);
    return [...added, ...decision];
  }, []);
}

/** Two calendar weeks before: always more than five business days of notice. */
function addNotice(date: LocalDate): LocalDate {
  return addDays(date, -14);
}

/** gob-1's enlace replaced by one named with voice and no vote (mecanismo-gobernanza-edomex.md, cap. IV, I). */
export function withEnlaceSinVoto(events: readonly StlEvent[]): StlEvent[] {
  return [
    ...events,
    ...decideOn(events, [
      command('ResignMember', { memberId: 'enl-gob-1', on: INSTALLED_ON }, SETUP),
      command(
        'AddMember',
        {
          memberId: 'enl-gob-1b',
          sector: 'gobierno',
          role: 'enlace',
          nombre: 'Enlace técnico sin voto',
          organizacion: 'Secretaría de la Contraloría',
          titularId: 'gob-1',
          hasVote: false,
          joinedOn: INSTALLED_ON,
        },
        SETUP,
      ),
    ]),
  ];
}

export const ALL_PRESENT = ['gob-1', 'gob-2', 'sc-1', 'sc-2', 'gar-1'];

/** Jalisco 2017: installed without facilitador (guia-instalacion-stl.txt, tabla 5: "Vacante"). */
export const jaliscoSinFacilitador = history(
  command('RegisterStl', { entidad: '14', decisionRule: 'consensus_then_majority_with_civil_society_vote' }, SETUP),
  ...(['gobierno', 'sociedad_civil', 'garante'] as const).map((sector) =>
    command(
      'AddMember',
      {
        memberId: sector,
        sector,
        role: 'titular',
        nombre: `Titular de ${sector}`,
        organizacion: `Org ${sector}`,
        joinedOn: INSTALLED_ON,
      },
      SETUP,
    ),
  ),
  command('InstallStl', { installedOn: INSTALLED_ON }, SETUP),
);

export const deadlinesOf = (events: readonly StlEvent[]) => stlDeadlines(stateOf(events), DEFAULT_DEADLINE_POLICY);
export const ids = (events: readonly StlEvent[]) => deadlinesOf(events).map((deadline) => deadline.id);
export const fire = (deadlineId: string, now: Instant) => command('FireDeadline', { deadlineId }, now);
export const fired = (events: readonly StlEvent[], deadlineId: string, now: Instant) => [
  ...events,
  ...decideOn(events, [fire(deadlineId, now)]),
];

/** The Estado de México mechanism with another decision rule, in force since the installation. */
export function ruledBy(rule: DecisionRule): StlEvent {
  return {
    type: 'GovernanceMechanismAdopted',
    data: {
      version: 3,
      mechanism: edomex2019(rule),
      validFrom: INSTALLED_ON,
      basis: { kind: 'historico', justification: 'Regla acordada en la instalación.' },
    },
  };
}
