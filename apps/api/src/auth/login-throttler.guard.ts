import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { tooManyLoginAttempts } from './auth-problems';

const MINUTE_MS = 60_000;

/** Attempts per minute at one account, from anywhere: enough for typos, too few for guessing from many addresses. */
export const LOGIN_ATTEMPTS_PER_ACCOUNT = 10;
/**
 * Attempts per minute from one address over every account and every credential route (API login, board login,
 * password links and resets): password spraying, and bcrypt's CPU cost.
 */
export const LOGIN_ATTEMPTS_PER_ADDRESS = 60;

function attemptedUsername(context: ExecutionContext): string {
  const body = context.switchToHttp().getRequest<Request>().body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
}

/**
 * In-memory counters, per API process: with several replicas each one counts on its own (a shared store, e.g.
 * Redis, would make the limit cluster-wide). The keys name neither the route nor the handler, so every route under
 * this guard draws on the same two budgets. Behind a proxy, TRUST_PROXY makes `req.ip` the client's address.
 */
export const LOGIN_THROTTLING: ThrottlerModuleOptions = {
  throttlers: [
    {
      name: 'account',
      ttl: MINUTE_MS,
      limit: LOGIN_ATTEMPTS_PER_ACCOUNT,
      // Routes without a username (a password link) count per address here too.
      generateKey: (context, tracker) => {
        const username = attemptedUsername(context);
        return username ? `credentials:account:${username}` : `credentials:account-less:${tracker}`;
      },
    },
    {
      name: 'address',
      ttl: MINUTE_MS,
      limit: LOGIN_ATTEMPTS_PER_ADDRESS,
      generateKey: (_context, tracker) => `credentials:address:${tracker}`,
    },
  ],
};

/** 429 TOO_MANY_REQUESTS in the API's shape, with a standard Retry-After header. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    return Promise.reject(tooManyLoginAttempts(retryAfterSeconds));
  }
}
