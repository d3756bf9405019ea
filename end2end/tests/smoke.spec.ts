// Smoke tests: the release build loads in both languages, reports a failed
// data load, works from a sub-path, and talks only to its own origin.
import { expect, test, type Page } from '@playwright/test';
import { ready as expectEvents } from '../helpers.mjs';

const H1 = {
  es: 'México y Estados Unidos: cooperación en seguridad',
  en: 'Mexico and the United States: security cooperation',
};

/** Records what goes wrong on a page: console errors, uncaught exceptions,
 * failed requests and error responses. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return problems;
}

for (const lang of ['es', 'en'] as const) {
  test(`loads in ${lang} with no errors`, async ({ page }) => {
    const problems = watch(page);
    await page.goto(`/?lang=${lang}`);
    await expectEvents(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1')).toHaveText(H1[lang]);
    expect(problems).toEqual([]);
  });
}

test('a failed data load shows an error with a retry button', async ({ page }) => {
  await page.route('**/data/events.json', (route) => route.fulfill({ status: 500 }));
  await page.goto('/?lang=es');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Reintentar' })).toBeVisible();
  await expect(page.locator('ol.event-list > li')).toHaveCount(0);
});

test('the sub-path build loads its data from the sub-path', async ({ page }) => {
  const problems = watch(page);
  const dataRequest = page.waitForRequest((req) => req.url().endsWith('/data/events.json'));
  await page.goto('/sub/path/?lang=es');
  expect(new URL((await dataRequest).url()).pathname).toBe('/sub/path/data/events.json');
  await expectEvents(page);
  await expect(page.locator('h1')).toHaveText(H1.es);
  expect(problems).toEqual([]);
});

test('the page requests only its own origin', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).origin;
  const foreign: string[] = [];
  // Record every request, and keep any foreign one from leaving the machine.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === own) {
      return route.continue();
    }
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== own) {
      if (!foreign.includes(url)) foreign.push(url);
    }
  });
  // Every request the page makes, until none is left in flight.
  const pending = new Set<string>();
  page.on('request', (req) => pending.add(req.url()));
  page.on('requestfinished', (req) => pending.delete(req.url()));
  page.on('requestfailed', (req) => pending.delete(req.url()));
  await page.goto('/?lang=en');
  await expectEvents(page);
  await expect.poll(() => [...pending]).toEqual([]);
  expect(foreign).toEqual([]);
});
