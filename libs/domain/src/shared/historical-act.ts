/**
 * An act recorded after its day (paper, another system, a state registering an exercise it already ran): accepted
 * with its justification, shown as such, and never mailed as news. A convocation before today and the acts of a PAL
 * dated before today are only accepted this way.
 */
export interface HistoricalAct {
  readonly justification: string;
}
