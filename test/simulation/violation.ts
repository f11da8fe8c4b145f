/** A broken invariant of issue 15 (a–e), where it was seen. */
export interface Violation {
  readonly invariant: 'a' | 'b' | 'c' | 'd' | 'e';
  readonly streamId: string;
  /** The event nearest to it, when there is one. */
  readonly seq?: number;
  readonly message: string;
}
