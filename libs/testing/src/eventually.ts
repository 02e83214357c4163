/** Polls until the probe stops throwing, or fails with the last error after the bound. */
export const eventually = async <T>(probe: () => Promise<T>, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
};
