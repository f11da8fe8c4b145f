import { requestContext, requestIdFromHeaders } from '@app/observability';
import { type ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * An activity scheduled while the workflow handled a request runs inside that request's context: its log lines, and
 * the SDK's own for it, name the request id the API gave the command, and one line says how it ended; so a command
 * can be followed from the API's log to the worker's.
 */
export const requestIdActivityInterceptors: ActivityInterceptorsFactory = (context) => {
  let requestId: string | undefined;
  return {
    inbound: {
      execute: async (input, next) => {
        requestId = requestIdFromHeaders(input.headers);
        if (requestId === undefined) return next(input);
        const { activityType } = context.info;
        return requestContext.run({ requestId }, async () => {
          try {
            const result = await next(input);
            context.log.info(`Actividad ${activityType} completada`);
            return result;
          } catch (error) {
            context.log.warn(`Actividad ${activityType} falló: ${error instanceof Error ? error.message : String(error)}`);
            throw error;
          }
        });
      },
    },
    outbound: {
      getLogAttributes: (input, next) => next(requestId === undefined ? input : { ...input, requestId }),
    },
  };
};
