import type { Browser } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless Chromium for a spec. The launch is kept, not only its browser: when a `beforeAll` passes
 * its bound while the launch is still pending, `afterAll` finds no browser yet, and a browser that
 * starts afterwards would outlive the run. `close` waits for the launch and closes what it gives.
 */
export class HeadlessChromium {
  private launching: Promise<Browser> | undefined;

  launch(): Promise<Browser> {
    // Loaded here so the specs that import @collab/testing without a browser do not load playwright.
    // Kept before anything is awaited, so a `close` that comes at any moment finds the launch.
    this.launching = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] }));
    return this.launching;
  }

  async close(): Promise<void> {
    const browser = await this.launching?.catch(() => undefined);
    await browser?.close();
  }
}
