import { type ConvocationAnswer, type Entidad, localDateAt } from '@app/domain';
import { type AnswerLinkSubject, verifyAnswerToken } from '@app/notifications';
import { StlMemberView, StlSessionView, StlView } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { ApiProblem } from '../errors/api-problem';
import { StlGateway } from './stl-gateway';

/** What the public answer page shows: whose link it is, which session, and the answer on record. */
export interface ConvocationAnswerPage {
  readonly token: string;
  readonly entidad: Entidad;
  readonly nombre: string;
  readonly session: Pick<StlSessionView, 'date' | 'kind' | 'place' | 'agenda'> & Partial<Pick<StlSessionView, 'startTime' | 'endTime'>>;
  readonly answer: ConvocationAnswer | null;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,600}\.[A-Za-z0-9_-]{43}$/;

/** The domain's refusals of an answer that mean the link has served its purpose: the page says it has expired. */
const CLOSED = new Set(['CONVOCATION_CLOSED', 'NOT_CONVENED', 'SESSION_NOT_FOUND', 'STL_NOT_FOUND', 'STL_NOT_INSTALLED']);

/**
 * Confirmations through the personal link of a convocation (issue 22): no account, the signed link is the whole
 * authority, and it speaks for one person of one session of one state's STL. The answer is the STL's command
 * `AnswerConvocation`, sent on that person's behalf, so it is in the log and the projections like any other act.
 */
@Injectable()
export class ConvocationAnswers {
  constructor(
    private readonly gateway: StlGateway,
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async open(token: string): Promise<ConvocationAnswerPage> {
    const subject = this.subjectOf(token);
    const [session, nombre] = await Promise.all([this.session(subject), this.nameOf(subject)]);
    if (session === null || nombre === null) throw expired('La convocatoria ya no existe o usted ya no figura entre los convocados del STL.');
    if (session.historicalJustification !== null) throw expired('La convocatoria se registró como acto histórico: no admite respuestas.');
    if (session.status !== 'convocada') {
      throw expired(`La sesión ${session.status === 'cancelada' ? 'se canceló' : 'ya se celebró'}: la convocatoria ya no admite respuestas.`);
    }
    if (session.date < localDateAt(new Date().toISOString())) throw expired('La sesión ya pasó: la convocatoria ya no admite respuestas.');
    const answer = session.forecast?.confirmed.includes(subject.memberId)
      ? 'asistire'
      : session.forecast?.declined.includes(subject.memberId)
        ? 'no_asistire'
        : null;
    return { token, entidad: subject.entidad, nombre, session, answer };
  }

  /** Idempotent: the same answer again stores nothing; another one replaces it (the STL decides). */
  async answer(token: string, answer: unknown): Promise<ConvocationAnswerPage> {
    const subject = this.subjectOf(token);
    if (answer !== 'asistire' && answer !== 'no_asistire') {
      throw new ApiProblem(400, 'INVALID_ANSWER', 'Elija «Asistiré» o «No podré asistir».');
    }
    const { entidad, sessionId, memberId } = subject;
    try {
      await this.gateway.execute(entidad, 'AnswerConvocation', { sessionId, memberId, answer }, `convocatoria:${memberId}`);
    } catch (error) {
      if (error instanceof ApiProblem && CLOSED.has(error.body.code)) throw expired(error.body.message);
      throw error;
    }
    return this.open(token);
  }

  private subjectOf(token: string): AnswerLinkSubject {
    const subject = TOKEN_SHAPE.test(token) ? verifyAnswerToken(token, this.config.mailLinkSecret) : undefined;
    if (subject === undefined) {
      throw new ApiProblem(
        400,
        'ANSWER_LINK_INVALID',
        'El enlace no es válido: está incompleto o fue alterado. Ábralo tal como llegó en el correo de la convocatoria.',
      );
    }
    return subject;
  }

  private session({ entidad, sessionId }: AnswerLinkSubject): Promise<StlSessionView | null> {
    return this.dataSource.getRepository(StlSessionView).findOneBy({ entidad, sessionId });
  }

  /** A current member, or the STL's facilitador. */
  private async nameOf({ entidad, memberId }: AnswerLinkSubject): Promise<string | null> {
    const member = await this.dataSource.getRepository(StlMemberView).findOneBy({ entidad, memberId });
    if (member) return member.nombre;
    const stl = await this.dataSource.getRepository(StlView).findOneBy({ entidad });
    const facilitador = stl?.summary.facilitador;
    return facilitador?.facilitadorId === memberId ? facilitador.nombre : null;
  }
}

function expired(message: string): ApiProblem {
  return new ApiProblem(410, 'ANSWER_LINK_EXPIRED', message);
}
