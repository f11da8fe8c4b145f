import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { type Response } from 'express';
import { lastValueFrom, type Observable, of } from 'rxjs';
import { type AuthenticatedRequest } from '../auth/authenticated-user';
import { ApiProblem } from '../errors/api-problem';
import { withinCommandScope } from './command-scope';
import { answerNotKept, idempotencyKeyOf } from './idempotency-key';
import { IdempotencyKeys, type KeyedRequest, type Lease } from './idempotency-keys';
import { requestFingerprint } from './request-fingerprint';

function keyedRequest(request: AuthenticatedRequest, key: string): KeyedRequest {
  const account = request.user?.username;
  // Only protected routes are commands; reaching here without an account is a programming error.
  if (!account) throw new Error('An idempotent route must be protected: the key is scoped by account');
  const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
  const fingerprint = requestFingerprint({ method: request.method, route, params: request.params, query: request.query, body: request.body });
  return { account, key, fingerprint, method: request.method, path: request.originalUrl };
}

/**
 * `Idempotency-Key` on a command route (IETF draft, Stripe's behaviour): a repeated request gets the kept answer,
 * the key becomes the Temporal Update id so a retry after a 503 reaches the same Update, and answers are kept only
 * when final — a success or a refusal by the rules, not a malformed request (400) nor a 5xx.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly keys: IdempotencyKeys) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    if (key === undefined) return next.handle();
    const claim = await this.keys.claim(keyedRequest(request, key));
    if (claim.kind === 'replay') {
      // Nest sends it with res.json, as it sent the first answer: the same bytes.
      response.status(claim.status);
      return of(claim.body === null ? undefined : JSON.parse(claim.body));
    }
    let result: unknown;
    try {
      const scope = {
        updateId: claim.updateId,
        retry: !claim.fresh,
        choices: { ...claim.choices },
        keep: (choices: Record<string, unknown>) => this.keys.keepChoices(claim, choices),
      };
      result = await withinCommandScope(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (error) {
      throw await this.settleFailure(claim, error);
    }
    await this.keys.complete(claim, response.statusCode, result === undefined ? null : JSON.stringify(result));
    return of(result);
  }

  /** Tells the key how the attempt ended, and answers what the client hears of it. */
  private async settleFailure(lease: Lease, error: unknown): Promise<unknown> {
    const status = error instanceof ApiProblem ? error.getStatus() : 500;
    try {
      if (status === 400) await this.keys.forget(lease);
      else if (status < 500) await this.keys.complete(lease, status, JSON.stringify((error as ApiProblem).body));
      else await this.keys.release(lease);
      return error;
    } catch (failure) {
      // The key is freed when its lease ends. A 400 comes back the same for the same request, and a 5xx is no answer.
      this.logger.warn(`No se pudo registrar el resultado de la clave ${lease.key}: ${String(failure)}`);
      return status === 400 || status >= 500 ? error : answerNotKept();
    }
  }
}
