/**
 * The Temporal header carrying the id of the HTTP request a command came in (the API's `X-Request-Id`): the API's
 * client interceptor sets it, the workflow hands it to the activities it schedules, and every log line of the three
 * names it, so one command can be followed from the request to the e-mail.
 */
export const REQUEST_ID_HEADER = 'request-id';
