/** What an entity workflow carries across continue-as-new: the folded state and how many events it has stored. */
export interface Snapshot<S> {
  readonly state: S;
  readonly version: number;
  /**
   * Ids of the latest commands applied (Update ids, hence the clients' Idempotency-Keys): Temporal recognises a
   * repeated Update id only within one run, so the workflow remembers them across continue-as-new itself.
   */
  readonly recentCommandIds?: readonly string[];
  /**
   * Every deadline id pending at some point of the earlier runs: one that is not pending when a run ends may return in
   * the next (a cadence hidden by a convened session that is then held without quorum), and is not new then.
   */
  readonly seenDeadlines?: readonly string[];
  /** Deadlines that were already overdue when they arrived (history): their firing is not mailed in the next run either. */
  readonly overdueOnArrival?: readonly string[];
}
