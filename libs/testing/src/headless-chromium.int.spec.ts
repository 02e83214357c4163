import { HeadlessChromium } from './headless-chromium';

describe('headless Chromium for a spec', () => {
  it('closes a browser whose launch was still pending when the spec gave up on it', async () => {
    const chromium = new HeadlessChromium();
    const launching = chromium.launch();

    await chromium.close();

    const browser = await launching;
    expect(browser.isConnected()).toBe(false);
  }, 60_000);

  it('closes nothing, and does not fail, when nothing was launched', async () => {
    await expect(new HeadlessChromium().close()).resolves.toBeUndefined();
  });
});
