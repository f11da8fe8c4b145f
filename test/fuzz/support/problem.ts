/**
 * The shape every error of the API shares (docs/DESIGN.md, "HTTP surface"): `{ statusCode, code, message, … }` with
 * a stable code, a Spanish message for people and never a stack trace. Returns what is wrong, or nothing.
 */

/** Words of the English messages of Express, Nest, class-validator and Node that must not reach a client. */
const ENGLISH =
  /\b(should|must|property|properties|nested|cannot|unexpected|invalid|internal|error|request|not found|unauthorized|forbidden|payload|exceeded|undefined|failed|the|is|of|to|be)\b/i;

/** At least one Spanish mark: an accent or ñ, or one of its most common short words. */
const SPANISH = /[áéíóúñ¿¡]|\b(de|del|la|el|los|las|no|es|en|un|una|debe|se|que|para|por|con|sin|ya|hay|al|o|y)\b/i;

const STACK_TRACE = /\n\s+at |\bat .+\.(js|ts):\d+|node_modules|\/work\/|webpack:|Error: /;

/**
 * Remove what the client sent and the API may echo, so only the API's own words remain: the invalid fields' names where
 * the message names them ("campo: motivo"), quoted values, and other texts of the request of 3 characters or more
 * (removing "de" anywhere would remove Spanish).
 */
function ownWords(message: string, fields: readonly string[], echoed: readonly string[]): string {
  const withoutFields = [...fields].sort((a, b) => b.length - a.length).reduce((rest, field) => rest.split(`${field}:`).join(' '), message);
  return echoed
    .filter((text) => text.length >= 3)
    .sort((a, b) => b.length - a.length)
    .reduce((rest, text) => rest.split(text).join(' '), withoutFields)
    .replace(/«[^»]*»|"[^"]*"|`[^`]*`/g, ' ');
}

function spanishProblems(label: string, message: unknown, fields: readonly string[], echoed: readonly string[]): string[] {
  if (typeof message !== 'string' || message.trim() === '') return [`${label} is not a non-empty string`];
  const problems: string[] = [];
  if (STACK_TRACE.test(message)) problems.push(`${label} looks like a stack trace: ${message.slice(0, 200)}`);
  const words = ownWords(message, fields, echoed);
  if (ENGLISH.test(words)) problems.push(`${label} has English in it (${ENGLISH.exec(words)?.[0]}): ${message.slice(0, 200)}`);
  if (!SPANISH.test(words)) problems.push(`${label} does not read as Spanish: ${message.slice(0, 200)}`);
  return problems;
}

export function problemShapeViolations(status: number, body: unknown, echoed: readonly string[] = []): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [`the ${status} body is not a JSON object: ${JSON.stringify(body)?.slice(0, 200)}`];
  }
  const problem = body as Record<string, unknown>;
  const violations: string[] = [];
  if (problem.statusCode !== status) violations.push(`statusCode ${JSON.stringify(problem.statusCode)} ≠ ${status}`);
  if (typeof problem.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(problem.code)) {
    violations.push(`code ${JSON.stringify(problem.code)} is not a stable UPPER_SNAKE_CASE code`);
  }
  if ('stack' in problem) violations.push('the body carries a stack');
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field?: unknown; message?: unknown }[]) : [];
  const fields = errors.flatMap((error) => (typeof error.field === 'string' ? [error.field] : []));
  violations.push(...spanishProblems('message', problem.message, fields, [...fields, ...echoed]));
  errors.forEach((error, index) => violations.push(...spanishProblems(`errors[${index}].message`, error.message, [], echoed)));
  return violations;
}
