/**
 * The SLA dispatcher's wait for the clock keeper: a pass may claim timers once the keeper has
 * followed the log past the head as it was when the wait began, so every stop recorded before then
 * is on the SLA streams. The head is noted once and kept until the keeper passes it: noted afresh
 * at every poll it would be the live head, which under sustained load the keeper never catches —
 * and no timer would fire until the load stopped.
 */
export class HeadAsFirstSeen {
  private awaited: bigint | undefined;

  constructor(
    private readonly head: () => Promise<bigint>,
    private readonly keeperPosition: () => Promise<bigint>,
  ) {}

  /** True once the keeper has passed the head noted when this wait began; then the next wait notes a new head. */
  async passed(): Promise<boolean> {
    this.awaited ??= await this.head();
    if ((await this.keeperPosition()) < this.awaited) return false;
    this.awaited = undefined;
    return true;
  }
}
