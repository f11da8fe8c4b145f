/** What an entity workflow carries across continue-as-new: the folded state and how many events it has stored. */
export interface Snapshot<S> {
  readonly state: S;
  readonly version: number;
}
