// Smoke tests: the release build loads in both languages, reports a failed
// data load while its prerendered page stays readable, works from a
// sub-path, and talks only to its own origin.
import { expect, test, type Page } from '@playwright/test';
import { CARD, DATA_ROUTE, events, pagePath, ready, watchProblems } from '../helpers.mjs';

const H1 = {
  es: 'México y Estados Unidos: cooperación en seguridad',
  en: 'Mexico and the United States: security cooperation',
};

/** Records what goes wrong on a page: console errors, uncaught exceptions,
 * failed requests and error responses. */
const watch = (page: Page) => watchProblems(page, { requests: true });

for (const [lang, locale] of [
  ['es', 'es-MX'],
  ['en', 'en-US'],
] as const) {
  test.describe(`a reader whose browser is set to ${locale}`, () => {
    test.use({ locale });
    test(`loads in ${lang} with no errors`, async ({ page }) => {
      const problems = watch(page);
      await page.goto('/');
      await expect(page).toHaveURL(pagePath(lang));
      await ready(page);
      await expect(events(page).first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('h1')).toHaveText(H1[lang]);
      expect(problems).toEqual([]);
    });
  });
}

test.describe('a failed data load', () => {
  test.use({ locale: 'es-MX' });
  // What stays readable: the whole list, or the part a topic link asks for
  // (filtered by route.js's style rule, which needs no app). A view only
  // the app can apply (a search) shows the list as it is, as when the
  // WebAssembly cannot run (boot.js).
  for (const [query, shown] of [
    ['', 'li'],
    ['?q=armas', 'li'],
    ['?topic=fentanyl', 'li[data-topics~="fentanyl"]'],
  ] as const) {
    test(`shows an error with a retry button; the page stays readable (${query || 'no view'})`, async ({ page }) => {
      await page.route(DATA_ROUTE, (route) => route.fulfill({ status: 500 }));
      await page.goto(`/${query}`);
      const alert = page.getByRole('alert');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('No pudimos cargar la cronología');
      await expect(alert.getByRole('button', { name: 'Reintentar' })).toBeVisible();
      // The prerendered events are still there to read, each a link to its
      // page; the app never took the page over.
      const first = page.locator(`ol.event-list > ${shown}`).first();
      await expect(first).toBeVisible();
      await expect(first.locator('a.event-link')).toHaveAttribute('href', /^\/eventos\/[^/]+\/$/);
      if (shown !== 'li') await expect(page.locator(`${CARD}:not([data-topics~="fentanyl"])`).first()).toBeHidden();
      await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
      await expect(page.locator('button.filter-toggle')).toBeDisabled();
    });
  }
});

test.describe('the sub-path build', () => {
  test.use({ locale: 'es-MX' });
  test('loads its data from the sub-path, and links within it', async ({ page }) => {
    const problems = watch(page);
    const dataRequest = page.waitForRequest((req) => req.url().endsWith('/data/events.json'));
    await page.goto('/sub/path/');
    expect(new URL((await dataRequest).url()).pathname).toBe('/sub/path/data/events.json');
    await ready(page);
    await expect(page.locator('h1')).toHaveText(H1.es);
    await expect(events(page).first().locator('a.event-link')).toHaveAttribute('href', /^\/sub\/path\/eventos\/[^/]+\/$/);
    await expect(page.locator('nav.language-switch a[hreflang=en]')).toHaveAttribute('href', '/sub/path/en/');
    // Opening an event moves to its page under the sub-path.
    await events(page).first().locator('a.event-link').click();
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/sub\/path\/eventos\/[^/]+\/$/);
    await expect(page.locator('section.detail')).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test('the page requests only its own origin', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const isForeign = (url: string) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== own;
  // The Content Security Policy blocks a request to another origin before
  // it is made, so the request events never see it: its violation reports do.
  await page.exposeFunction('__foreign', (url: string) => foreign.push(`blocked by the CSP: ${url}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__foreign(e.blockedURI)),
  );
  // Any that the policy let through is recorded, and kept from leaving the machine.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!isForeign(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Every request the page makes, until none is left in flight.
  const pending = new Set<string>();
  page.on('request', (req) => pending.add(req.url()));
  page.on('requestfinished', (req) => pending.delete(req.url()));
  page.on('requestfailed', (req) => pending.delete(req.url()));
  await page.goto(pagePath('en'));
  await ready(page);
  await expect.poll(() => [...pending]).toEqual([]);
  expect(foreign).toEqual([]);
  // The same watch sees a request to another origin when the page makes one.
  await page.evaluate(() => {
    new Image().src = 'http://127.0.0.2:9/pixel.png';
  });
  // Reported once by each policy, the header's and the <meta>'s.
  await expect.poll(() => [...new Set(foreign)]).toEqual(['blocked by the CSP: http://127.0.0.2:9/pixel.png']);
});
