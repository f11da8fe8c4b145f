import { businessCalendar, type CastVote, type CoreSector, DECISION_RULES, STL_2017 } from '@app/domain';
import { type ExerciseOutline } from './exercise-behaviour';
import { type StateTimeline } from './scenario';
import { type SeededRandom } from './seeded-random';

interface Seat {
  /** The id of the titular who opened it: it outlives the people in it. */
  seatId: string;
  titular: string;
  suplente?: string;
  sector: CoreSector;
}

const calendar = businessCalendar();

const ORGANIZACION: Record<CoreSector, string> = {
  gobierno: 'Secretaría de la Función Pública estatal',
  sociedad_civil: 'Colectivo ciudadano local',
  garante: 'Organismo garante estatal',
};

/**
 * The STL's people over the years (guia-instalacion-stl.txt; mecanismo-gobernanza-edomex.md): registration and
 * composition (the 2017 counts where the state had an STL), a facilitador who now and then leaves and is replaced
 * weeks later, titulares who resign (the suplente succeeds) or are replaced by a newcomer in the vacant seat. The
 * facilitador's appointment is the STL's own act: it comes with the justification of a decision taken in a session
 * kept on paper (a historical act), as a person registering it would.
 */
export class StlPeople {
  private readonly seats: Seat[] = [];
  /** Who held a titular's vote from which day (and until which): sessions see the members of their day. */
  private readonly tenures: { memberId: string; from: number; to?: number }[] = [];
  private joined = 0;

  constructor(
    private readonly timeline: StateTimeline,
    private readonly random: SeededRandom,
  ) {}

  titularesOn(day: number): string[] {
    return this.tenures.filter((tenure) => tenure.from <= day && (tenure.to === undefined || day < tenure.to)).map((tenure) => tenure.memberId);
  }

  register(day: number): void {
    const record = STL_2017.find((stl) => stl.entidad === this.timeline.entidad);
    const decisionRule = record?.decisionRule ?? this.random.pick(DECISION_RULES);
    this.timeline.stl(day, 8, { type: 'RegisterStl', data: { entidad: this.timeline.entidad, decisionRule } });
    const counts = record?.titulares ?? { gobierno: this.random.int(1, 4), sociedad_civil: this.random.int(1, 3), garante: 1 };
    for (const sector of ['gobierno', 'sociedad_civil', 'garante'] as const) {
      for (let index = 0; index < counts[sector]; index += 1) this.addTitular(day, sector);
    }
    // A quarter start with the post vacant (Jalisco, Oaxaca, Tlaxcala in 2017) and fill it months later.
    this.appoint(day + (this.random.chance(0.75) ? this.random.int(0, 20) : this.random.int(40, 150)));
  }

  /** A new seat, or (`vacantSeatId`) the seat a titular left without suplente: succession, no decision of the STL. */
  private addTitular(day: number, sector: CoreSector, vacantSeatId?: string): void {
    this.joined += 1;
    const titular = `${this.timeline.entidad}-${sector}-${this.joined}`;
    const joinedOn = this.timeline.dateOf(day);
    const common = { sector, organizacion: ORGANIZACION[sector], joinedOn };
    const seatRef = vacantSeatId === undefined ? {} : { seatId: vacantSeatId };
    this.timeline.stl(day, 8, {
      type: 'AddMember',
      data: { ...common, ...seatRef, memberId: titular, role: 'titular', nombre: `Titular ${this.joined}` },
    });
    const seat: Seat = { seatId: vacantSeatId ?? titular, titular, sector };
    this.tenures.push({ memberId: titular, from: day });
    this.seats.push(seat);
    // "Elegirán a los titulares y a los suplentes" (guia-instalacion-stl.txt): step 3 of each exercise needs both.
    this.addSuplente(day, seat);
  }

  private addSuplente(day: number, seat: Seat): void {
    const suplente = `${seat.titular}-suplente`;
    seat.suplente = suplente;
    this.timeline.stl(day, 8, {
      type: 'AddMember',
      data: {
        sector: seat.sector,
        organizacion: ORGANIZACION[seat.sector],
        joinedOn: this.timeline.dateOf(day),
        memberId: suplente,
        role: 'suplente',
        nombre: `Suplente de ${seat.titular}`,
        titularId: seat.titular,
      },
    });
  }

  private appoint(day: number): void {
    this.timeline.stl(day, 9, {
      type: 'AppointFacilitador',
      data: {
        nombre: `Facilitadora ${day}`,
        procedencia: 'academia',
        organizacion: 'Universidad estatal',
        appointedOn: this.timeline.dateOf(day),
        historical: { justification: 'Designada por el STL en sesión; el acta se conserva en papel.' },
      },
    });
  }

  /** About once a year each: a facilitador leaves, and a titular resigns. */
  changesOverTime(fromDay: number): void {
    for (let year = fromDay; year <= this.timeline.lastDay; year += 365) {
      if (this.random.chance(0.35)) {
        const day = year + this.random.int(30, 330);
        this.timeline.stl(day, 16, { type: 'VacateFacilitador', data: { vacatedOn: this.timeline.dateOf(day), reason: 'Renuncia por motivos personales' } });
        this.appoint(day + this.random.int(5, 60));
      }
      if (this.random.chance(0.6) && this.seats.length > 0) this.resign(year + this.random.int(30, 330));
    }
  }

  /** The civil-society representation is renewed at the end of each PAL (DOMAIN.md): done some weeks after. */
  renewals(exercises: readonly ExerciseOutline[]): void {
    for (const { endDay } of exercises) {
      const day = endDay + this.random.int(20, 90);
      this.timeline.stl(day, 16, { type: 'CompleteCivilSocietyRenewal', data: { completedOn: this.timeline.dateOf(day) } });
    }
  }

  private resign(day: number): void {
    const index = this.random.int(0, this.seats.length - 1);
    const seat = this.seats[index];
    this.timeline.stl(day, 17, { type: 'ResignMember', data: { memberId: seat.titular, on: this.timeline.dateOf(day) } });
    const tenure = this.tenures.find((held) => held.memberId === seat.titular && held.to === undefined);
    if (tenure) tenure.to = day;
    if (seat.suplente) {
      const promoted: Seat = { seatId: seat.seatId, titular: seat.suplente, sector: seat.sector };
      this.seats[index] = promoted;
      this.tenures.push({ memberId: seat.suplente, from: day });
      // The seat's new titular invites a new suplente some weeks later, as the next exercise's step 3 needs one.
      this.addSuplente(day + this.random.int(7, 45), promoted);
    } else {
      this.seats.splice(index, 1);
      this.addTitular(day + this.random.int(7, 45), seat.sector, seat.seatId);
    }
  }
}

/**
 * Stage 9 ("se acordará el mecanismo de gobernanza", guia-instalacion-stl.txt): every STL adopts the guide's minimum
 * over its own rule while it is integrated, since its exercise's step 3 waits for it, and most set their own period
 * of progress reports ("Reportar periódicamente los avances … al igual que con los compromisos del PAL",
 * mecanismo-gobernanza-edomex.md, cap. X, 3), so that the oracle checks progress reminders of every length.
 */
export function adoptMechanism(timeline: StateTimeline, random: SeededRandom, day: number): void {
  const progressReportMonths = random.chance(0.4) ? undefined : random.pick([1, 3, 4, 6]);
  const mechanism = { template: 'minimos_guia' as const, ...(progressReportMonths !== undefined && { progressReportMonths }) };
  timeline.stl(day, 8, { type: 'AdoptGovernanceMechanism', data: { mechanism, adoptedOn: timeline.dateOf(day) } });
}

/**
 * Bimonthly sessions once the STL is installed (stage 10 of the current exercise): mostly convened with the five
 * business days of notice, sometimes with too little (refused, then convened again properly); attendance with
 * absences, a decision, the minutes; and now and then a long silence so the cadence reminder and escalation fire.
 */
export function sessionsOfState(timeline: StateTimeline, random: SeededRandom, people: StlPeople, exercises: readonly ExerciseOutline[]): void {
  const firstDay = exercises[0]?.installedOnDay;
  if (firstDay === undefined) return;
  let number = 0;
  for (let day = firstDay + random.int(10, 40); day <= timeline.lastDay; ) {
    number += 1;
    const sessionId = `sesion-${number}`;
    const convokedOn = timeline.dateOf(day);
    const agenda = ['Seguimiento de compromisos del PAL', 'Asuntos generales'];
    if (random.chance(0.1)) {
      const tooSoon = calendar.addBusinessDays(convokedOn, 2);
      timeline.stl(day, 10, { type: 'ConveneSession', data: { sessionId, date: tooSoon, kind: 'ordinaria', convokedOn, agenda } });
    }
    const date = calendar.addBusinessDays(convokedOn, random.int(5, 9));
    const sessionDay = day + Math.round((Date.parse(date) - Date.parse(convokedOn)) / 86_400_000);
    timeline.stl(day, 11, { type: 'ConveneSession', data: { sessionId, date, kind: 'ordinaria', convokedOn, agenda } });
    holdSession(timeline, random, people, sessionId, sessionDay);
    day = sessionDay + (random.chance(0.1) ? random.int(70, 100) : random.int(35, 55));
  }
}

function holdSession(timeline: StateTimeline, random: SeededRandom, people: StlPeople, sessionId: string, day: number): void {
  const present = random.subset(people.titularesOn(day), 0.8);
  timeline.stl(day, 11, { type: 'RecordAttendance', data: { sessionId, present, ...(present.length === 0 && { withoutAttendees: true }) } });
  const consensus = random.chance(0.5);
  const votes: CastVote[] = consensus ? [] : present.map((memberId) => ({ memberId, vote: random.chance(0.75) ? 'favor' : 'contra' }));
  timeline.stl(day, 12, { type: 'RecordDecision', data: { sessionId, subject: 'Aprobación del informe de avance', consensus, votes } });
  timeline.stl(day, 13, { type: 'ApproveMinutes', data: { sessionId, approvedOn: timeline.dateOf(day), signedBy: present } });
}
