import { type StoredEventData } from '@app/contracts';
import { type Entidad } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { ApiProblem } from '../errors/api-problem';
import { choiceKeptAcrossRetries, replaceChoice } from '../idempotency/command-scope';
import { nextSessionId } from './session-ids';
import { type StlCommandData, StlGateway } from './stl-gateway';
import { withSessionNotFoundAs404 } from './stl-problems';
import { StlReadModel } from './stl-read-model';
import {
  type ApproveMinutesDto,
  type CancelSessionDto,
  type RescheduleSessionDto,
  type ConveneSessionDto,
  type RecordAttendanceDto,
  type RecordDecisionDto,
} from './stl-sessions.dto';
import {
  type AttendanceOutcome,
  type DecisionOutcomeResponse,
  presentAttendance,
  presentDecision,
  storedDecisionSeq,
} from './stl-session-views';
import { sessionFromRow, type StlSessionResponse } from './stl-views';

/** Two convocations for the same date at the same moment: the second takes the next number. */
const CONVENE_ATTEMPTS = 3;

/** Sessions of an STL: convocation (with its notice), attendance and quorum, decisions, minutes, cancellation. */
@Injectable()
export class StlSessionsService {
  constructor(
    private readonly gateway: StlGateway,
    private readonly readModel: StlReadModel,
  ) {}

  /** A retry under the same Idempotency-Key sends the number its first attempt chose, not the next free one. */
  async convene(entidad: Entidad, dto: ConveneSessionDto, actor: string): Promise<StlSessionResponse> {
    const taken = await this.readModel.sessionIdsOn(entidad, dto.date);
    let sessionId = await choiceKeptAcrossRetries('sessionId', nextSessionId(dto.date, taken));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.gateway.execute(entidad, 'ConveneSession', { sessionId, ...dto }, actor);
        return sessionFromRow(await this.readModel.session(entidad, sessionId));
      } catch (error) {
        const collided = error instanceof ApiProblem && error.body.code === 'SESSION_ALREADY_EXISTS';
        if (!collided || attempt >= CONVENE_ATTEMPTS) throw error;
        taken.push(sessionId);
        sessionId = nextSessionId(dto.date, taken);
        await replaceChoice('sessionId', sessionId);
      }
    }
  }

  async recordAttendance(entidad: Entidad, sessionId: string, dto: RecordAttendanceDto, actor: string): Promise<AttendanceOutcome> {
    const confirmed = dto.withoutAttendees === true ? { withoutAttendees: true } : {};
    const events = await this.onSession(entidad, 'RecordAttendance', { sessionId, present: dto.present, ...confirmed }, actor);
    return presentAttendance(await this.readModel.session(entidad, sessionId), events);
  }

  async recordDecision(entidad: Entidad, sessionId: string, dto: RecordDecisionDto, actor: string): Promise<DecisionOutcomeResponse> {
    const votes = dto.votes.map(({ memberId, vote, reason }) => ({ memberId, vote, ...(reason === undefined ? {} : { reason }) }));
    // `null` is a client's way of saying "none", as an absent field.
    const act = dto.act == null ? {} : { act: { kind: dto.act.kind, ...(dto.act.memberId == null ? {} : { memberId: dto.act.memberId }) } };
    const data = { sessionId, subject: dto.subject, consensus: dto.consensus, votes, ...act };
    const events = await this.onSession(entidad, 'RecordDecision', data, actor);
    const number = await this.gateway.decisionNumber(entidad, sessionId, storedDecisionSeq(sessionId, events));
    return presentDecision(await this.readModel.session(entidad, sessionId), number);
  }

  async approveMinutes(entidad: Entidad, sessionId: string, dto: ApproveMinutesDto, actor: string): Promise<StlSessionResponse> {
    const data = { sessionId, approvedOn: dto.approvedOn, signedBy: dto.signedBy };
    await this.onSession(entidad, 'ApproveMinutes', data, actor);
    return sessionFromRow(await this.readModel.session(entidad, sessionId));
  }

  async cancel(entidad: Entidad, sessionId: string, dto: CancelSessionDto, actor: string): Promise<StlSessionResponse> {
    await this.onSession(entidad, 'CancelSession', { sessionId, reason: dto.reason }, actor);
    return sessionFromRow(await this.readModel.session(entidad, sessionId));
  }

  async reschedule(entidad: Entidad, sessionId: string, dto: RescheduleSessionDto, actor: string): Promise<StlSessionResponse> {
    await this.onSession(entidad, 'RescheduleSession', { sessionId, date: dto.date, reason: dto.reason }, actor);
    return sessionFromRow(await this.readModel.session(entidad, sessionId));
  }

  /** A command on the session named in the URL: an unknown session is a 404 there. */
  private async onSession<T extends SessionCommandType>(
    entidad: Entidad,
    type: T,
    data: StlCommandData<T>,
    actor: string,
  ): Promise<readonly StoredEventData[]> {
    try {
      return await this.gateway.execute(entidad, type, data, actor);
    } catch (error) {
      throw withSessionNotFoundAs404(error);
    }
  }
}

type SessionCommandType = 'RecordAttendance' | 'RecordDecision' | 'ApproveMinutes' | 'CancelSession' | 'RescheduleSession';
