/**
 * Retries an assertion until it holds, for effects that travel asynchronously between workflows (a signal's
 * command lands in the other workflow's next task). Bounded; never used to wait for timers, which tests skip.
 */
export async function eventually(assertion: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
