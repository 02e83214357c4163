import type { Browser } from 'playwright-core';
import { HeadlessChromium, TEST_MONDAY_MORNING } from '@collab/testing';
import { EmbeddedPlatform, MovableClock } from '../embedded-platform';

/** The API docs page under its Content-Security-Policy (issue 13): the header is there and Swagger UI still works under it. */
describe('the API docs page, embedded platform, in headless Chromium', () => {
  let platform: EmbeddedPlatform;
  const chromium = new HeadlessChromium();
  let browser: Browser;

  beforeAll(async () => {
    platform = await EmbeddedPlatform.start({}, new MovableClock(TEST_MONDAY_MORNING));
    browser = await chromium.launch();
  }, 120_000);
  afterAll(async () => {
    await chromium.close();
    await platform?.stop();
  });

  it('is served with a policy that allows no inline script and nothing from elsewhere', async () => {
    const answer = await fetch(`${platform.baseUrl}/api/docs/`);
    await answer.arrayBuffer();
    const policy = answer.headers.get('content-security-policy') ?? '';
    const directives = new Map(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('renders the operations under that policy, with no violation reported', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${platform.baseUrl}/api/docs/`);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Service collaboration platform' }).waitFor({ timeout: 30_000 });
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/contacts' }).first().waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    await page.close();
  });
});
