// The timeline itself: list, detail, filters, search and deep links,
// driven as a reader would, at both widths (see the projects in
// playwright.config.ts) and in both languages; overview.spec.ts has the
// overview, shell.spec.ts the layout and the page around the timeline. Every page is prerendered
// (`/`, `/en/`, `/eventos/<id>/`, `/en/events/<id>/`) and the app takes it
// over; filters live in the query.
import { expect, test, type Page } from '@playwright/test';
import { eventCount, eventOf, events, expectOnTop, hideFilters, openPage, pagePath, ready, showFilters } from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them (an
// English browser is sent on to `/en/`, see i18n.spec.ts).
test.use({ locale: 'es-MX' });

const MINISTERIAL = 'security-ministerial-washington-2026-02';
const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
const CALL_11 = 'rubio-de-la-fuente-call-2026-01-11';

const card = (page: Page, id: string) => page.locator(`#card-${id}`);
const detail = (page: Page) => page.locator('section.detail');

/** Marks the document, to tell later whether a navigation reloaded it. */
const markDocument = (page: Page) => page.evaluate(() => ((window as any).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as any).__sameDocument === true);

test.describe('the event list', () => {
  test('shows every event, in chapters by era and by year, in order, with dates and statuses', async ({ page }) => {
    await openPage(page, 'es');
    const total = await eventCount(page);
    expect(total).toBeGreaterThanOrEqual(80);
    // Each era opens its chapter, with its name and its summary.
    await expect(page.locator('ol.chapters > li.chapter > header.chapter-header h3')).toHaveText([
      'La Iniciativa Mérida',
      'El Entendimiento Bicentenario',
      'La cooperación desde 2025',
    ]);
    for (const summary of await page.locator('.chapter-summary').allInnerTexts()) {
      expect(summary.length).toBeGreaterThan(20);
    }
    const years = await page.locator('.year-heading').allInnerTexts();
    expect(years[0]).toBe('2007');
    expect(years.at(-1)).toBe('2026');
    expect([...years].sort()).toEqual(years);
    // <time datetime> in ISO order across the whole list.
    const stamps = await page.locator('ol.event-list > li .event-meta > time').evaluateAll((els) =>
      els.map((e) => e.getAttribute('datetime')!),
    );
    expect(stamps.length).toBe(total);
    expect([...stamps].sort()).toEqual(stamps);
    // Dates to their precision, in the active language.
    await expect(card(page, CALL_15).locator('time').first()).toHaveText('15 de enero de 2026');
    await expect(card(page, MINISTERIAL).locator('time').first()).toHaveText('febrero de 2026');
    await expect(card(page, MINISTERIAL).locator('time').first()).toHaveAttribute('datetime', '2026-02');
    // An announced meeting whose date has passed is never shown as held.
    await expect(card(page, MINISTERIAL).locator('.status')).toHaveText('Anunciado, sin confirmar');
    // Each card's title is a link to the event's own page.
    await expect(card(page, CALL_15).locator('h5 > a.event-link')).toHaveAttribute('href', `/eventos/${CALL_15}/`);
    await openPage(page, 'en');
    await expect(card(page, CALL_15).locator('time').first()).toHaveText('January 15, 2026');
    await expect(card(page, MINISTERIAL).locator('time').first()).toHaveText('February 2026');
    await expect(card(page, MINISTERIAL).locator('.status')).toHaveText('Announced, not confirmed');
    await expect(card(page, CALL_15).locator('a.event-link')).toHaveAttribute('href', `/en/events/${CALL_15}/`);
  });

  test('headings are in order', async ({ page }) => {
    for (const id of [undefined, CALL_15]) {
      await openPage(page, 'es', '', id);
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) =>
        els.map((e) => Number(e.tagName[1])),
      );
      expect(levels[0]).toBe(1);
      expect(levels).toContain(5);
      for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
    }
  });
});

test.describe('the event detail', () => {
  test('opens from the list in place, shows sources, quotes and actors, and moves to the event’s address', async ({ page }) => {
    await openPage(page, 'es');
    await markDocument(page);
    await card(page, CALL_15).getByRole('link').click();
    await expect(page).toHaveURL(pagePath('es', CALL_15));
    expect(await sameDocument(page), 'opened in place, not loaded').toBe(true);
    const d = detail(page);
    await expect(d.getByRole('heading', { level: 2 })).toContainText('subsisten desafíos significativos');
    await expect(d.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(page).toHaveTitle(/subsisten desafíos significativos.* · Cronología México–Estados Unidos$/);
    // Sources are real links, publisher and date beside them.
    const links = d.locator('.sources a');
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await expect(d.locator('.sources')).toContainText('Proceso, en español');
    // The quote keeps its original language.
    const quote = d.locator('blockquote').first();
    await expect(quote).toHaveAttribute('lang', 'es');
    await expect(quote).toHaveText('subsisten desafíos significativos');
    await expect(d.locator('.actors')).toContainText('Marco Rubio');
  });

  test('corrections are listed with their dates', async ({ page }) => {
    await openPage(page, 'en', '', CALL_15);
    const corrections = detail(page).locator('section.corrections');
    await expect(corrections.getByRole('heading', { level: 3 })).toHaveText('Corrections');
    await expect(corrections.locator('li').first()).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}: \S/);
    // An event without corrections has no such section.
    await openPage(page, 'en', '', 'merida-summit-bush-calderon-2007-03-14');
    await expect(detail(page).locator('#detail-heading')).toBeVisible();
    await expect(detail(page).locator('section.corrections')).toHaveCount(0);
  });

  test('previous, next, back and forward move between events; closing returns focus', async ({ page }) => {
    await openPage(page, 'es');
    const link11 = card(page, CALL_11).getByRole('link');
    await link11.click();
    await expect(page).toHaveURL(pagePath('es', CALL_11));
    await detail(page).getByRole('button', { name: 'Siguiente' }).click();
    await expect(page).not.toHaveURL(pagePath('es', CALL_11));
    const second = eventOf(page.url());
    expect(second).not.toBeNull();
    await expect(detail(page).locator('#detail-heading')).toHaveText(
      (await card(page, second!).locator('.event-link').innerText()).trim(),
    );
    // Previous comes back.
    await detail(page).getByRole('button', { name: 'Anterior' }).click();
    await expect(page).toHaveURL(pagePath('es', CALL_11));
    await page.goBack();
    await expect(page).toHaveURL(pagePath('es', second!));
    await page.goBack();
    await expect(page).toHaveURL(pagePath('es', CALL_11));
    await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('De la Fuente');
    await page.goForward();
    await expect(page).toHaveURL(pagePath('es', second!));
    await page.goBack();
    await expect(page).toHaveURL(pagePath('es', CALL_11));
    // Close with the button: focus goes back to the link that opened it,
    // and the address back to the home page.
    await detail(page).getByRole('button', { name: 'Cerrar' }).click();
    await expect(detail(page)).toHaveCount(0);
    await expect(page).toHaveURL(pagePath('es'));
    await expect(link11).toBeFocused();
  });

  test('Escape closes and returns focus', async ({ page }) => {
    await openPage(page, 'en');
    const link = card(page, CALL_15).getByRole('link');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(detail(page)).toBeVisible();
    await expect(page).toHaveURL(pagePath('en', CALL_15));
    await page.keyboard.press('Escape');
    await expect(detail(page)).toHaveCount(0);
    await expect(page).toHaveURL(pagePath('en'));
    await expect(link).toBeFocused();
  });

  test('an event’s page opens it; an old ?event= link leads there; an unknown id says so with a way back', async ({ page }) => {
    await openPage(page, 'en', '', MINISTERIAL);
    await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('Security Ministerial');
    await expect(detail(page).locator('.caveat')).toBeVisible();
    // The list is there too, with the event marked.
    expect(await eventCount(page)).toBeGreaterThanOrEqual(80);
    await expect(card(page, MINISTERIAL)).toHaveClass(/\bselected\b/);
    // An old link to the same event.
    await page.goto(`/?lang=en&event=${CALL_11}`);
    await expect(page).toHaveURL(pagePath('en', CALL_11));
    await ready(page);
    await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('De la Fuente');
    // No event has this id, so there is no page: the 404 page says so, in
    // both languages, and leads back to the timeline.
    await page.goto('/?lang=en&event=no-such-event');
    await expect(page).toHaveURL(pagePath('en', 'no-such-event'));
    await expect(page.locator('h1')).toHaveText(['Página no encontrada', 'Page not found']);
    await page.getByRole('link', { name: 'Go to the timeline in English' }).click();
    await expect(page).toHaveURL(pagePath('en'));
    await ready(page);
    expect(await eventCount(page)).toBeGreaterThanOrEqual(80);
  });
});

test.describe('filters and search', () => {
  test('topics combine, live in the URL, and the count is announced', async ({ page }) => {
    await openPage(page, 'es');
    const total = await eventCount(page);
    await showFilters(page);
    await page.getByRole('checkbox', { name: 'Tráfico de armas' }).check();
    await expect(page).toHaveURL(pagePath('es', undefined, '?topic=arms-trafficking'));
    const arms = await eventCount(page);
    expect(arms).toBeGreaterThan(0);
    expect(arms).toBeLessThan(total);
    // Every event shown is about it.
    for (const topics of await events(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-topics')!))) {
      expect(topics.split(' ')).toContain('arms-trafficking');
    }
    await page.getByRole('checkbox', { name: 'Fentanilo' }).check();
    await expect(page).toHaveURL(/\?topic=arms-trafficking,fentanyl$/);
    expect(await eventCount(page)).toBeGreaterThan(arms);
    const status = page.getByRole('status').filter({ hasText: 'coincid' });
    await expect(status).toHaveText(`${await eventCount(page)} de ${total} eventos coinciden con los filtros`);
    // The filtered view can be shared: the same URL gives the same list.
    const shown = await events(page).count();
    await page.goto(page.url());
    await ready(page);
    await expect(events(page)).toHaveCount(shown);
    await showFilters(page);
    await expect(page.getByRole('checkbox', { name: 'Fentanilo' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Tráfico de armas' })).toBeChecked();
  });

  test('key moments: a view of their own, linked from the header, in the URL', async ({ page }) => {
    await openPage(page, 'es');
    const total = await eventCount(page);
    const link = page.locator('.key-moments-link a');
    await expect(link).toHaveAttribute('href', '/?key=1');
    await link.click();
    await expect(page).toHaveURL(pagePath('es', undefined, '?key=1'));
    await expect.poll(() => eventCount(page)).toBeLessThan(total);
    const key = await eventCount(page);
    expect(key).toBeGreaterThanOrEqual(10);
    expect(key).toBeLessThanOrEqual(15);
    // Each shown event is a key moment, and says so.
    await expect(page.locator('ol.event-list > li:not(.key)')).toHaveCount(0);
    await expect(page.locator('ol.event-list > li .key-badge')).toHaveCount(key);
    await expect(page.locator('ol.event-list > li .key-badge').first()).toHaveText('Momento clave');
    // The toggle among the filters says the same, and turns it off.
    await showFilters(page);
    const toggle = page.getByRole('checkbox', { name: 'Solo los momentos clave' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(events(page)).toHaveCount(total);
    await expect(page).toHaveURL(pagePath('es'));
    // The link works when opened as a page.
    await openPage(page, 'en', '?key=1');
    await expect(events(page)).toHaveCount(key);
  });

  test('search ignores accents and case, in the active language', async ({ page }) => {
    await openPage(page, 'es');
    await showFilters(page);
    const search = page.getByRole('searchbox', { name: 'Buscar en la cronología' });
    await search.fill('rapido y furioso');
    await expect(page).toHaveURL(/\?q=rapido%20y%20furioso$/);
    await expect(card(page, 'fast-and-furious-atf-phoenix-2009-10')).toBeVisible();
    expect(await eventCount(page)).toBeGreaterThan(0);
    for (const text of await events(page).allInnerTexts()) {
      expect(text).toMatch(/Rápido y Furioso/i);
    }
    await search.fill('REUNION MINISTERIAL');
    await expect(card(page, MINISTERIAL)).toBeVisible();
    await expect(card(page, 'fast-and-furious-atf-phoenix-2009-10')).toHaveCount(0);
    await openPage(page, 'en', '?q=SECURITY%20ministerial%20washington');
    await expect(card(page, MINISTERIAL)).toBeVisible();
    await expect(card(page, CALL_15)).toHaveCount(0);
  });

  test('an empty result says so and offers to clear the filters', async ({ page }) => {
    await openPage(page, 'en');
    const total = await eventCount(page);
    await showFilters(page);
    await page.getByRole('searchbox').fill('zzzz no such thing');
    await expect(events(page)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`None of ${total} events match the filters`);
    await hideFilters(page);
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
    await expect(events(page)).toHaveCount(total);
    await expect(page).toHaveURL(pagePath('en'));
  });

  test('one actor narrows the list', async ({ page }) => {
    await openPage(page, 'en');
    await showFilters(page);
    await page.getByLabel('Actor').selectOption('marco-rubio');
    await expect(page).toHaveURL(pagePath('en', undefined, '?actor=marco-rubio'));
    await expect(card(page, CALL_15)).toBeVisible();
    const years = await page.locator('.year-heading').allInnerTexts();
    expect(years.every((y) => Number(y) >= 2025)).toBe(true);
    for (const actors of await events(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-actors')!))) {
      expect(actors.split(' ')).toContain('marco-rubio');
    }
    // An old link with two actors keeps the first, and the select says so.
    const rubio = await eventCount(page);
    await page.goto(pagePath('en', undefined, '?actor=marco-rubio,claudia-sheinbaum'));
    await ready(page);
    await expect(page).toHaveURL(pagePath('en', undefined, '?actor=marco-rubio'));
    await expect(events(page)).toHaveCount(rubio);
    await expect(page.getByLabel('Actor')).toHaveValue('marco-rubio');
  });
});
