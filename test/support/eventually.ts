/**
 * Polls until `attempt` answers something other than null: for what happens on another instance
 * or a subscription, whose moment cannot be awaited directly. The limit only ends a hung test.
 */
export const eventually = async <T>(attempt: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== null) return result;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
