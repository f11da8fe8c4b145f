/**
 * The queue the worker polls and the API sends to, unless TEMPORAL_TASK_QUEUE names another. Free of imports:
 * tools/stack reads it where the path aliases do not reach (Jest's global set-ups).
 */
export const TASK_QUEUE = 'cocreacion';
