import { Global, Module } from '@nestjs/common';
import { IdempotencyKeys } from './idempotency-keys';
import { IdempotencyPurge } from './idempotency-purge';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Global, so `@IdempotentCommand()` works in every feature module's controllers. */
@Global()
@Module({
  providers: [IdempotencyKeys, IdempotencyInterceptor, IdempotencyPurge],
  exports: [IdempotencyKeys, IdempotencyInterceptor],
})
export class IdempotencyModule {}
