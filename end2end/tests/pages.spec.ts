// The prerendered pages (issue 12): every language and every event has its
// own page, complete without JavaScript, valid HTML, listed in the sitemap,
// with its own title and sharing metadata; the app then takes that very
// markup over, keeping what the reader did before it started, and any
// address shows its view from the first paint.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test, type Page } from '@playwright/test';
import { HtmlValidate } from 'html-validate';

import { CARD, DATA, events, holdApp, ready, watchProblems } from '../helpers.mjs';
import { E2E_DIST as DIST } from '../nginx.mjs';

const EVENTS: { id: string; title: { es: string; en: string }; summary: { es: string; en: string }; sources: unknown[]; topics: string[]; actors?: string[]; key?: boolean; corrections?: unknown[] }[] = DATA.events;
// An event with sources, quotes and corrections: the fullest page.
const FULL = EVENTS.find((e) => e.corrections?.length && e.sources.length > 1) ?? EVENTS[0];

test.use({ locale: 'es-MX' });

/** The cards the reader can see. */
const visibleCards = (page: Page) =>
  events(page).evaluateAll((cards) => cards.filter((li) => (li as HTMLElement).offsetParent).length);

/** Console errors and warnings, and uncaught exceptions. */
const problems = (page: Page) => watchProblems(page, { warnings: true });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page lists every event as a link to its own page', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.locator(CARD)).toHaveCount(EVENTS.length);
    const hrefs = await page.locator('a.event-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(EVENTS.map((e) => `/eventos/${e.id}/`).sort());
    // The note says what is missing; the controls that need the app say so too.
    await expect(page.locator('.no-app')).toBeVisible();
    await expect(page.locator('#search')).toBeDisabled();
    // The overview is there as markup, its marks links to the events.
    await expect(page.locator('svg.axis a.mark')).toHaveCount(EVENTS.length);
  });

  test('a card leads to its page, with the event in full and its sources', async ({ page }) => {
    await page.goto('/');
    await page.locator(`#card-${FULL.id} a.event-link`).click();
    await expect(page).toHaveURL(new RegExp(`/eventos/${FULL.id}/$`));
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.es);
    await expect(page.locator('.detail .sources li a')).toHaveCount(FULL.sources.length);
    for (const href of await page.locator('.detail .sources li a').evaluateAll((a) => a.map((x) => x.getAttribute('href')))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await expect(page.locator('.detail .corrections li')).toHaveCount(FULL.corrections?.length ?? 0);
    await expect(page).toHaveTitle(new RegExp(FULL.title.es.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  test('the language links lead to the twin page', async ({ page }) => {
    await page.goto(`/eventos/${FULL.id}/`);
    await page.locator('.language-switch a[lang=en]').click();
    await expect(page).toHaveURL(new RegExp(`/en/events/${FULL.id}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.en);
    await page.locator('.language-switch a[lang=es]').click();
    await expect(page).toHaveURL(new RegExp(`/eventos/${FULL.id}/$`));
  });
});

test('each event page describes its own event to link previews and search engines', async ({ request }) => {
  const html = await (await request.get(`/en/events/${FULL.id}/`)).text();
  const meta = (attr: string, name: string) =>
    html.match(new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`))?.[1];
  const text = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  expect(text(html.match(/<title>([^<]*)<\/title>/)![1])).toContain(FULL.title.en);
  expect(text(meta('property', 'og:title')!)).toContain(FULL.title.en);
  expect(text(meta('property', 'og:description')!)).toBe(FULL.summary.en);
  expect(text(meta('name', 'description')!)).toBe(FULL.summary.en);
  expect(meta('property', 'og:url')).toMatch(new RegExp(`^https?://.+/en/events/${FULL.id}/$`));
  expect(meta('property', 'og:locale')).toBe('en_US');
  expect(meta('property', 'og:type')).toBe('article');
  expect(text(meta('name', 'twitter:title')!)).toContain(FULL.title.en);
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/en/events/${FULL.id}/">`));
  expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="es" href="https?://[^"]+/eventos/${FULL.id}/">`));
  expect(html).toMatch(/<html lang="en">/);
});

test('the sitemap lists every page, and every page is valid HTML', async () => {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(path);
    }
  };
  walk(DIST);
  const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
  const expected = ['/', '/en/', ...EVENTS.flatMap((e) => [`/eventos/${e.id}/`, `/en/events/${e.id}/`])];
  expect(listed.sort()).toEqual(expected.sort());
  for (const path of expected) expect(pages).toContain(join(DIST, path, 'index.html'));
  expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);

  const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
  const invalid: string[] = [];
  for (const file of pages) {
    const report = await validator.validateFile(file);
    for (const m of report.results.flatMap((r) => r.messages)) {
      invalid.push(`${file.slice(DIST.length)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(invalid).toEqual([]);
  expect(pages.length).toBeGreaterThanOrEqual(expected.length + 2);
});

test.describe('the app takes the page over', () => {
  test('the same nodes, with no error or warning', async ({ page }) => {
    const found = problems(page);
    const release = await holdApp(page);
    await page.goto(`/eventos/${FULL.id}/`);
    await page.evaluate((card) => {
      const w = window as unknown as Record<string, Element | null>;
      w.card = document.querySelector(card);
      w.heading = document.getElementById('detail-heading');
      w.mark = document.querySelector('a.mark');
    }, CARD);
    release();
    await ready(page);
    const same = await page.evaluate((card) => {
      const w = window as unknown as Record<string, Element | null>;
      return [
        w.card === document.querySelector(card),
        w.heading === document.getElementById('detail-heading'),
        w.mark === document.querySelector('a.mark'),
      ];
    }, CARD);
    expect(same).toEqual([true, true, true]);
    // And it is the app's now: the search filters, the language switches.
    await page.fill('#search', 'fentanilo');
    await expect.poll(() => page.locator(CARD).count()).toBeLessThan(EVENTS.length);
    expect(found).toEqual([]);
  });

  test('scroll, focus and typed text from before it started are kept', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/');
    await page.evaluate(() => window.scrollTo(0, 1200));
    const link = page.locator('a.event-link').nth(5);
    await link.focus();
    await page.evaluate(() => ((window as unknown as Record<string, unknown>).focused = document.activeElement));
    release();
    await ready(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(1200);
    expect(await page.evaluate(() => document.activeElement === (window as unknown as Record<string, unknown>).focused)).toBe(true);

    // Typing before the app starts: the app keeps and applies the text.
    const hold = await holdApp(page);
    await page.goto('/en/');
    await expect(page.locator('#search')).toBeEnabled();
    await page.locator('#search').pressSequentially('Rubio');
    hold();
    await ready(page);
    await expect(page.locator('#search')).toHaveValue('Rubio');
    await expect(page).toHaveURL(/\/en\/\?q=Rubio$/);
    const shown = await page.locator(CARD).count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(EVENTS.length);
  });

  test('switching language moves to the twin page through history, without reloading', async ({ page }) => {
    await page.goto(`/eventos/${FULL.id}/`);
    await ready(page);
    await page.evaluate(() => ((window as unknown as Record<string, unknown>).samePage = true));
    await page.locator('.language-switch a[lang=en]').click();
    await expect(page).toHaveURL(new RegExp(`/en/events/${FULL.id}/$`));
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle(new RegExp(FULL.title.en.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).samePage)).toBe(true);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/eventos/${FULL.id}/$`));
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.es);
  });
});

test.describe('an address shows its view from the first paint', () => {
  const topic = DATA.topics[3].id as string;
  const actor = 'marco-rubio';
  const cases = [
    { query: `?topic=${topic}`, expected: EVENTS.filter((e) => e.topics.includes(topic)).length },
    { query: `?actor=${actor}`, expected: EVENTS.filter((e) => e.actors?.includes(actor)).length },
    { query: '?key=1', expected: EVENTS.filter((e) => e.key).length },
    {
      query: `?topic=${topic}&key=1&embed=1`,
      expected: EVENTS.filter((e) => e.key && e.topics.includes(topic)).length,
    },
  ];
  for (const { query, expected } of cases) {
    test(`${query}: the prerendered list is filtered before the app starts`, async ({ page }) => {
      expect(expected).toBeGreaterThan(0);
      const release = await holdApp(page);
      await page.goto(`/en/${query}`);
      expect(await visibleCards(page)).toBe(expected);
      release();
      await ready(page);
      expect(await visibleCards(page)).toBe(expected);
      await expect(page.locator(CARD)).toHaveCount(expected);
      await expect(page.locator('.result-count')).toContainText(`${expected} of ${EVENTS.length}`);
    });
  }

  for (const query of ['?q=rubio', '?from=2010&to=2012', '?q=rubio&embed=1']) {
    test(`${query}: the list waits for the app rather than show the wrong events`, async ({ page }) => {
      const release = await holdApp(page);
      await page.goto(`/en/${query}`);
      await expect(page.locator('section.events')).toBeHidden();
      // The rest of the page is there already.
      await expect(page.locator('svg.axis')).toHaveCount(1);
      release();
      await ready(page);
      await expect(page.locator('section.events')).toBeVisible();
      const shown = await page.locator(CARD).count();
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(EVENTS.length);
    });
  }

  test('?embed=1 is the compact layout from the first paint', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(`/en/events/${FULL.id}/?embed=1`);
    await expect(page.locator('html')).toHaveClass(/\bembed\b/);
    await expect(page.locator('.page-header')).toBeHidden();
    await expect(page.locator('.embed-attribution')).toBeVisible();
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.en);
    release();
    await ready(page);
    await expect(page.locator('.embed-attribution a')).toHaveAttribute('href', `/en/events/${FULL.id}/`);
  });

  test('old links move to the page they name, keeping the view', async ({ page }) => {
    await page.goto(`/?lang=en&event=${FULL.id}&topic=${topic}&embed=1`);
    await expect(page).toHaveURL(new RegExp(`/en/events/${FULL.id}/\\?topic=${topic}&embed=1$`));
    await expect(page.locator('#detail-heading')).toHaveText(FULL.title.en);
    await page.goto(`/?event=${FULL.id}`);
    await expect(page).toHaveURL(new RegExp(`/eventos/${FULL.id}/$`));
  });

  test("the home page follows the reader's language, and their own choice first", async ({ browser }) => {
    const english = await browser.newContext({ locale: 'en-US' });
    const page = await english.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await ready(page);
    // Choosing Spanish is remembered for the next visit to the home page.
    await page.locator('.language-switch a[lang=es]').click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/');
    await expect(page).toHaveURL(/:\d+\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await english.close();
  });
});

test('when the WebAssembly cannot run, the page stays readable and says so', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto('/?q=rubio');
  await expect(page.locator('html')).toHaveClass(/\bno-wasm\b/);
  await expect(page.locator('.no-app')).toBeVisible();
  await expect(page.locator('.no-app')).toContainText('no están disponibles');
  // The view the app would have filtered shows everything instead.
  expect(await visibleCards(page)).toBe(EVENTS.length);
  await expect(page.locator('#search')).toBeDisabled();
});
