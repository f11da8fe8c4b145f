import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { requestIdClientInterceptor } from '../observability/request-id.client-interceptor';

/**
 * A lazy connection: the API starts (and answers /api/health with 503) while Temporal is still coming up or down,
 * and connects on first use.
 */
@Global()
@Module({
  providers: [
    {
      provide: Connection,
      useFactory: (config: ApiConfig) => Connection.lazy({ address: config.temporalAddress }),
      inject: [API_CONFIG],
    },
    {
      provide: Client,
      useFactory: (connection: Connection, config: ApiConfig) =>
        new Client({ connection, namespace: config.temporalNamespace, interceptors: { workflow: [requestIdClientInterceptor] } }),
      inject: [Connection, API_CONFIG],
    },
  ],
  exports: [Connection, Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
