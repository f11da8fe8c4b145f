import { type DataSource } from 'typeorm';

/** The e-mails of one state that the SMTP server refused for good and the coordinación has not been told of. */
export interface UndeliverableReport {
  readonly entidad: string;
  /** The first row's id: names the report, so the same report delivered twice raises one escalation. */
  readonly reportId: string;
  readonly undeliverable: number;
  /** The server's reason for the latest of them. */
  readonly reason: string;
}

/** Tells the state's workflow (`ReportUndeliverableMail`); throws when it could not be told. */
export type ReportUndeliverable = (report: UndeliverableReport) => Promise<void>;

export interface FlushResult {
  reported: number;
  readonly failed: { readonly entidad: string; readonly error: string }[];
}

const BATCH = 500;

/**
 * Rows turned `undeliverable` by the server are flagged `escalation = 'pending'` in the transaction that records
 * the refusal, so no crash can lose them; here they are reported, one report per state, and marked `signalled`
 * once the workflow has the report. A report whose signal fails stays pending for the next round; one that was
 * signalled but not marked (a crash in between) is signalled again and changes nothing in the workflow.
 */
export class UndeliverableReports {
  constructor(private readonly dataSource: DataSource) {}

  /** Reports what is pending: how many rows are now reported, and the states whose workflow could not be told. */
  flush(report: ReportUndeliverable): Promise<FlushResult> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; entidad: string; last_error: string | null }[] = await manager.query(
        `SELECT id, entidad, last_error FROM notifications WHERE escalation = 'pending'
          ORDER BY last_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const result: FlushResult = { reported: 0, failed: [] };
      for (const [entidad, ofState] of groupBy(rows, (row) => row.entidad)) {
        try {
          await report({
            entidad,
            reportId: ofState[0].id,
            undeliverable: ofState.length,
            reason: ofState[ofState.length - 1].last_error ?? 'el servidor SMTP rechazó el correo',
          });
        } catch (error) {
          result.failed.push({ entidad, error: String(error) });
          continue;
        }
        await manager.query("UPDATE notifications SET escalation = 'signalled' WHERE id = ANY($1)", [ofState.map((row) => row.id)]);
        result.reported += ofState.length;
      }
      return result;
    });
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
