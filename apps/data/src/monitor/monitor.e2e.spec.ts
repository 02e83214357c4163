import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { issueDevToken } from '@collab/service-kit';
import { HeadlessChromium, MovableClock } from '@collab/testing';
import { AGENT, DataApp } from '../data.e2e-app';
import { feedEvent } from '../testing/published-feed';
import { aCase, caseOpened, caseRegistered, collaborationRequested, contactAppended, taskCompleted, taskReturned } from '../testing/service-events.fixtures';

const SCREENSHOT = join(__dirname, '..', '..', '..', '..', 'reports', 'monitor.png');
/** Waits (through locators, which the page's CSP allows, unlike evaluated strings) until a figure reads `value`. */
const shows = (page: Page, id: string, value: string) => page.locator(`#${id}`).filter({ hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: 10_000 });

describe('the operations monitor page in headless Chromium', () => {
  let data: DataApp;
  const chromium = new HeadlessChromium();
  let browser: Browser;
  const first = aCase({ region: 'GD-SZ', channel: 'app', at: '2026-11-30T02:00:00.000Z' });

  beforeAll(async () => {
    data = await DataApp.start(new MovableClock('2026-11-30T02:30:00.000Z'));
    const leg = { taskId: 'task-m-1', caseId: first.caseId, fromUnit: 'gd-front', to: { kind: 'UNIT' as const, id: 'billing', region: 'GD' }, at: '2026-11-30T02:05:00.000Z' };
    await data.feed(caseOpened(first), caseRegistered(first, 'gd-billing'), collaborationRequested(leg), taskCompleted(leg, '2026-11-30T02:20:00.000Z'));
    await data.untilFacts(4);
    browser = await chromium.launch();
  }, 60_000);

  afterAll(async () => {
    await chromium.close();
    await data?.stop();
  });

  it('asks for a token when none is given', async () => {
    const page = await browser.newPage();
    await page.goto(`${data.baseUrl}/monitor`);
    await page.waitForSelector('#login', { state: 'visible' });
    expect(await page.textContent('#status')).toContain('token');
    await page.close();
  });

  it('shows the figures live as contacts arrive, draws charts and the dependency map, and saves a screenshot', async () => {
    const token = await issueDevToken('data-e2e-secret-0123456789abcdef', { sub: AGENT.sub, roles: [...(AGENT.roles ?? [])], audience: AGENT.audience });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    // A request the page itself gave up (the stream, when the page closes) is no failure.
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    await page.goto(`${data.baseUrl}/monitor#token=${token}`);
    await shows(page, 'backlog-total', '1');
    await shows(page, 'contacts-hour', '1');
    expect(page.url()).not.toContain('token');

    const second = aCase({ region: 'BJ', channel: 'web', channelKind: 'WEB', at: '2026-11-30T02:10:00.000Z' });
    const third = aCase({ region: 'GD-GZ', channel: 'gd-hotline', channelKind: 'PHONE', at: '2026-11-30T02:15:00.000Z' });
    const returned = { taskId: 'task-m-2', caseId: third.caseId, fromUnit: 'gd-front', to: { kind: 'PARTNER' as const, id: 'reseller-1', region: 'GD' }, at: '2026-11-30T02:16:00.000Z' };
    await data.feed(caseOpened(second), caseOpened(third), caseRegistered(third, 'gd-network'), contactAppended(first, { channel: 'web', channelKind: 'WEB', at: '2026-11-30T02:20:00.000Z' }),
      collaborationRequested(returned), taskReturned(returned, '2026-11-30T02:25:00.000Z'));
    await shows(page, 'backlog-total', '3');
    await shows(page, 'contacts-hour', '4');
    await page.locator('#edges tr').nth(1).waitFor({ timeout: 10_000 });
    expect(await page.locator('#edges tr').count()).toBe(2);
    expect(await page.locator('canvas').count()).toBe(3);
    expect(failures).toEqual([]);

    await mkdir(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  }, 60_000);

  it('answers the same figures once, as the document declares them (checked under NODE_ENV=test)', async () => {
    const reply = await data.call<{ backlog: { total: number }; throughput: { contactsLastHour: number } }>(AGENT, '/api/v1/data/monitor/figures');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ backlog: { total: 3 }, throughput: { contactsLastHour: 4 } });
  });

  it('shows a KPI alert read from the KPI topic (typed reader) while it stands, and drops it once it recovers', async () => {
    const alert = { kpiId: 'return-rate', version: 1, scope: 'partner:reseller-1', granularity: 'day', bucket: '2026-11-30T00:00:00Z', threshold: 'WARNING', thresholdValue: 0.05, direction: 'LOWER_IS_BETTER' };
    const stream = 'kpi-alert:return-rate:v1:day:2026-11-30T00:00:00Z:partner:reseller-1';
    const token = await issueDevToken('data-e2e-secret-0123456789abcdef', { sub: AGENT.sub, roles: [...(AGENT.roles ?? [])], audience: AGENT.audience });
    const page = await browser.newPage();
    await page.goto(`${data.baseUrl}/monitor#token=${token}`);
    await shows(page, 'kpi-alerts-open', '0');

    await data.feed(feedEvent('kpi', stream, 'KpiThresholdCrossed', { ...alert, value: 0.5, standing: 'WARNING', crossedAt: '2026-11-30T02:26:00.000Z' }));
    await shows(page, 'kpi-alerts-open', '1');
    expect(await page.locator('#kpi-alerts tr').first().textContent()).toContain('partner:reseller-1');
    const figures = await data.call<{ kpiAlerts: unknown }>(AGENT, '/api/v1/data/monitor/figures');
    expect(figures.body.kpiAlerts).toEqual({ open: 1, latest: [{ ...alert, direction: undefined, value: 0.5, standing: 'WARNING', at: '2026-11-30T02:26:00.000Z' }].map(({ direction: _d, ...line }) => line) });

    await data.feed(feedEvent('kpi', stream, 'KpiThresholdRecovered', { ...alert, value: 0.04, standing: 'MET', recoveredAt: '2026-11-30T02:28:00.000Z' }));
    await shows(page, 'kpi-alerts-open', '0');
    expect(await page.locator('#kpi-alerts tr').count()).toBe(0);
    await page.close();
  }, 60_000);
});
