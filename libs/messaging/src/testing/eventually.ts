// messaging (type:infra) may not import @collab/testing, so its tests keep this small helper.

/** Polls until the probe stops throwing, or rethrows its last error after the bound. */
export const eventually = async <T>(probe: () => T | Promise<T>, { timeoutMs = 15_000, intervalMs = 25 } = {}): Promise<T> => {
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

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
