const POLL_MS = 10;
const PATIENCE_MS = 5_000;

/**
 * Waits until a read model shows a stream at `version` (or later), so a command answers with what
 * it just did. Workflow's projections follow the log of this very process and are woken by its
 * appends, so this is a few milliseconds; past the patience the caller reads what is there.
 */
export const untilProjected = async (
  versionOf: () => Promise<number | undefined>,
  version: number,
): Promise<void> => {
  const deadline = Date.now() + PATIENCE_MS;
  while (Date.now() < deadline) {
    if (((await versionOf()) ?? 0) >= version) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
