/** A broken invariant of issue 15 (a–f), where it was seen. */
export interface Violation {
  readonly invariant: 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
  readonly streamId: string;
  /** The event nearest to it, when there is one. */
  readonly seq?: number;
  readonly message: string;
}
