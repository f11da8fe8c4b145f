/** What an entity workflow carries across continue-as-new: the folded state and how many events it has stored. */
export interface Snapshot<S> {
  readonly state: S;
  readonly version: number;
  /**
   * Ids of the latest commands applied (Update ids, hence the clients' Idempotency-Keys): Temporal recognises a
   * repeated Update id only within one run, so the workflow remembers them across continue-as-new itself.
   */
  readonly recentCommandIds?: readonly string[];
  /** Pending deadlines that were already overdue when they arrived (history): their firing is not mailed in the next run either. */
  readonly overdueOnArrival?: readonly string[];
}
