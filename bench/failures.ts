function messages(error: unknown): string[] {
  const chain: string[] = [];
  for (let cause = error; cause !== undefined && chain.length < 5; cause = cause instanceof Error ? cause.cause : undefined) {
    chain.push(cause instanceof Error ? `${cause.name}: ${cause.message}` : JSON.stringify(cause));
  }
  return chain;
}

/** What a failure is, for grouping: its innermost cause, with ids and numbers masked. */
function causeOf(error: unknown): string {
  const innermost = messages(error).at(-1) ?? 'desconocida';
  return innermost.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>').replace(/\d+/g, 'N');
}

/**
 * The failures of a benchmark, grouped by cause, most frequent first, each with its first example whole: a run that
 * counts failures also says what they were.
 */
export function failureLines(failures: readonly unknown[]): string[] {
  if (failures.length === 0) return ['  fallas: ninguna'];
  const groups = new Map<string, { count: number; first: unknown }>();
  for (const failure of failures) {
    const group = groups.get(causeOf(failure)) ?? { count: 0, first: failure };
    group.count += 1;
    groups.set(causeOf(failure), group);
  }
  return [
    `  fallas: ${failures.length}, por causa (con el primer ejemplo de cada una):`,
    ...[...groups.entries()]
      .sort(([, a], [, b]) => b.count - a.count)
      .flatMap(([cause, { count, first }]) => [`    ${count} × ${cause}`, `      p. ej.: ${messages(first).join(' ← ')}`]),
  ];
}
