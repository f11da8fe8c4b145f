import { type DecisionCode, type DecisionOutcome, type SectorTally, type Tally } from './stl-state';
import { type TieBreak } from './governance';
import { type DecisionRule, type Sector, type VoteValue } from './stl-terms';

/** One vote per seat, already checked (ballot.ts): who cast it no longer matters, only the seat's sector. */
export interface SeatVote {
  readonly seatId: string;
  readonly sector: Sector;
  readonly vote: VoteValue;
}

export function tally(votes: readonly SeatVote[]): Tally {
  const bySector: Partial<Record<Sector, SectorTally>> = {};
  for (const { sector, vote } of votes) {
    const current = bySector[sector] ?? { favor: 0, contra: 0, impedimento: 0 };
    bySector[sector] = { ...current, [vote]: current[vote] + 1 };
  }
  const count = (value: VoteValue) => votes.filter((seatVote) => seatVote.vote === value).length;
  return { favor: count('favor'), contra: count('contra'), impedimento: count('impedimento'), bySector };
}

/**
 * The STL's rule decides (guia-instalacion-stl.txt, tabla 2; mecanismo-gobernanza-edomex.md, cap. VIII):
 * - consensus always approves;
 * - without consensus, `consensus_only` and `consensus_by_thematic_tables` do not approve (Veracruz decides "por
 *   consenso y a través de mesas temáticas": without consensus in plenary the matter goes back to the tables,
 *   there is no majority fallback);
 * - the majority rules count the votes cast: favour must exceed contra, impediments are justified non-votes;
 * - a tie is broken only by the casting vote the STL's mechanism names (voto de calidad: EdoMex gives it to civil
 *   society): the side that sector's seats, or that seat, voted for; without one, or when that sector split evenly
 *   or did not vote, the tie stands and nothing is approved (tabla 2's plain "regla de mayoría" has none);
 * - `…_with_civil_society_vote` also needs a civil-society vote in favour, `…_with_each_sector_vote` one in
 *   favour from every sector that has active seats.
 */
export function decideOutcome(
  rule: DecisionRule,
  consensus: boolean,
  votes: readonly SeatVote[],
  sectorsWithSeats: readonly Sector[],
  tieBreak: TieBreak,
): DecisionOutcome {
  const counted = tally(votes);
  if (consensus) return { approved: true, rule, via: 'consenso', tally: counted };
  if (rule === 'consensus_only' || rule === 'consensus_by_thematic_tables') {
    return rejected(rule, 'NO_CONSENSUS', counted);
  }
  const majority = majorityOf(counted, votes, tieBreak);
  if (!majority.approved) return { rule, tally: counted, ...majority };
  const missing = missingSectors(rule, counted, sectorsWithSeats);
  if (missing === 'sociedad_civil') return rejected(rule, 'NO_CIVIL_SOCIETY_VOTE', counted);
  if (missing === 'each_sector') return rejected(rule, 'NO_EACH_SECTOR_VOTE', counted);
  return { rule, tally: counted, ...majority };
}

/** Sectors without a vote in favour, for the rule's extra requirement (none for plain majority). */
export function sectorsWithoutFavor(counted: Tally, sectors: readonly Sector[]): Sector[] {
  return sectors.filter((sector) => (counted.bySector[sector]?.favor ?? 0) === 0);
}

type MajorityResult = Pick<DecisionOutcome, 'approved' | 'via' | 'code'>;

function majorityOf(counted: Tally, votes: readonly SeatVote[], tieBreak: TieBreak): MajorityResult {
  if (counted.favor > counted.contra) return { approved: true, via: 'mayoria' };
  if (counted.favor < counted.contra || counted.favor === 0) return { approved: false, code: 'NO_MAJORITY' };
  const casting = castingVotes(votes, tieBreak);
  if (casting === undefined || casting.favor === casting.contra) return { approved: false, code: 'TIE_UNRESOLVED' };
  return casting.favor > casting.contra
    ? { approved: true, via: 'voto_de_calidad', code: 'TIE_CASTING_VOTE' }
    : { approved: false, code: 'TIE_CASTING_VOTE' };
}

/** The votes that hold the casting vote under the mechanism, or none. */
function castingVotes(votes: readonly SeatVote[], tieBreak: TieBreak): SectorTally | undefined {
  if (tieBreak.kind === 'none') return undefined;
  const holders = votes.filter((vote) =>
    tieBreak.kind === 'sector' ? vote.sector === tieBreak.sector : vote.seatId === tieBreak.seatId,
  );
  return tally(holders);
}

function missingSectors(
  rule: DecisionRule,
  counted: Tally,
  sectorsWithSeats: readonly Sector[],
): 'sociedad_civil' | 'each_sector' | undefined {
  if (rule === 'consensus_then_majority_with_civil_society_vote') {
    return sectorsWithoutFavor(counted, ['sociedad_civil']).length > 0 ? 'sociedad_civil' : undefined;
  }
  if (rule === 'consensus_then_majority_with_each_sector_vote') {
    return sectorsWithoutFavor(counted, sectorsWithSeats).length > 0 ? 'each_sector' : undefined;
  }
  return undefined;
}

function rejected(rule: DecisionRule, code: DecisionCode, counted: Tally): DecisionOutcome {
  return { approved: false, rule, code, tally: counted };
}
