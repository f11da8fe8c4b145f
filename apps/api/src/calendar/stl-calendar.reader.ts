import { stlWorkflowId } from '@app/contracts';
import { type Entidad, type LocalDate, NOTICE_BUSINESS_DAYS, versionOn } from '@app/domain';
import { DomainEventRecord, StlView } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

/** The events that set an STL's own non-working days: its registration, then each replacement of the list. */
export const NON_WORKING_DAY_EVENTS = ['StlRegistered', 'NonWorkingDaysSet'] as const;

/** The list a non-working-day event leaves in force. */
export function nonWorkingDaysOf(event: { readonly type: string; readonly data: unknown }): LocalDate[] {
  const data = event.data as { extraNonWorkingDays?: readonly LocalDate[]; dates?: readonly LocalDate[] } | null;
  const dates = event.type === 'StlRegistered' ? data?.extraNonWorkingDays : data?.dates;
  return [...(dates ?? [])];
}

/**
 * An STL's own non-working days, read from its event log: the summary projection does not carry them, and asking
 * the workflow would put a Temporal query behind a public endpoint. The latest of the stream's registration and
 * replacements is the list in force.
 */
@Injectable()
export class StlCalendarReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined when the state has no registered STL. */
  async extraNonWorkingDays(entidad: Entidad): Promise<LocalDate[] | undefined> {
    const latest = await this.dataSource.getRepository(DomainEventRecord).findOne({
      select: { type: true, data: true },
      where: { streamId: stlWorkflowId(entidad), type: In([...NON_WORKING_DAY_EVENTS]) },
      order: { seq: 'DESC' },
    });
    return latest ? nonWorkingDaysOf(latest) : undefined;
  }

  /**
   * The business days of notice asked by the STL's governance mechanism in force on the session's date (the rule the
   * convocation is judged by); undefined when the state has no registered STL.
   */
  async noticeBusinessDays(entidad: Entidad, sessionDate: LocalDate): Promise<number | undefined> {
    const row = await this.dataSource.getRepository(StlView).findOne({ select: { summary: true }, where: { entidad } });
    if (!row) return undefined;
    // Rows projected before the mechanisms existed carry no history: DOMAIN.md's five days were their rule.
    const history = row.summary.governance?.history ?? [];
    return versionOn(history, sessionDate)?.mechanism.notice.businessDays ?? NOTICE_BUSINESS_DAYS;
  }
}
