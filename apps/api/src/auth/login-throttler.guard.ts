import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import { tooManyLoginAttempts } from './auth-problems';

const MINUTE_MS = 60_000;

/** Attempts per minute at one account from one address: enough for typos, too few for guessing. */
export const LOGIN_ATTEMPTS_PER_ACCOUNT = 10;
/** Attempts per minute from one address over every account (password spraying, and bcrypt's CPU cost). */
export const LOGIN_ATTEMPTS_PER_ADDRESS = 60;

function attemptedUsername(context: ExecutionContext): string {
  const body = context.switchToHttp().getRequest<Request>().body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 64) : '';
}

/**
 * In-memory counters, per API process: with several replicas each one counts on its own (a shared store, e.g.
 * Redis, would make the limit cluster-wide). Behind a proxy, set Express' `trust proxy` so `req.ip` is the client.
 */
export const LOGIN_THROTTLING: ThrottlerModuleOptions = {
  throttlers: [
    {
      name: 'default',
      ttl: MINUTE_MS,
      limit: LOGIN_ATTEMPTS_PER_ACCOUNT,
      generateKey: (context, tracker, name) => `login:${name}:${tracker}:${attemptedUsername(context)}`,
    },
    { name: 'address', ttl: MINUTE_MS, limit: LOGIN_ATTEMPTS_PER_ADDRESS },
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
