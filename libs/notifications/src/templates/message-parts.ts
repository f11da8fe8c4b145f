import { type LocalDate } from '@app/domain';

/** What every e-mail says, before it is laid out as text and HTML. */
export interface MessageParts {
  readonly subject: string;
  /** What happened, one idea per paragraph. */
  readonly paragraphs: readonly string[];
  /** A numbered list under the paragraphs (the order of the day). */
  readonly list?: { readonly title: string; readonly items: readonly string[] };
  /** What to do: always one clear instruction. */
  readonly action: string;
  /** By when; null when there is no date to meet (then the action says so). */
  readonly deadline: LocalDate | null;
}
