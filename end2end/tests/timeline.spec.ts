// The timeline itself: overview, list, detail, filters, search, deep links
// and layout, driven as a reader would, at both widths (see the projects in
// playwright.config.ts) and in both languages. Every page is prerendered
// (`/`, `/en/`, `/eventos/<id>/`, `/en/events/<id>/`) and the app takes it
// over; filters live in the query.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { eventCount, eventOf, events, expectOnTop, hideFilters, pagePath, ready, showFilters } from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them (an
// English browser is sent on to `/en/`, see i18n.spec.ts).
test.use({ locale: 'es-MX' });

const MINISTERIAL = 'security-ministerial-washington-2026-02';
const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
const CALL_11 = 'rubio-de-la-fuente-call-2026-01-11';
// How current the record is, as public/data/events.json says it: the newest
// held event (the USMCA review), the review day, and where the sources stop.
const RECORD_DATES_ES = 'Hechos hasta el 1 de julio de 2026 · revisado el 7 de diciembre de 2026';
const SOURCES_UNTIL_ES =
  'Las fuentes de prensa consultadas llegan hasta julio de 2026; lo ocurrido después no está registrado aquí.';

const card = (page: Page, id: string) => page.locator(`#card-${id}`);
const detail = (page: Page) => page.locator('section.detail');

/** Opens a page (`pagePath`) and waits for the app to take it over. */
async function open(page: Page, lang: 'es' | 'en', query = '', id?: string) {
  await page.goto(pagePath(lang, id, query));
  await ready(page);
}

/** Marks the document, to tell later whether a navigation reloaded it. */
const markDocument = (page: Page) => page.evaluate(() => ((window as any).__sameDocument = true));
const sameDocument = (page: Page) => page.evaluate(() => (window as any).__sameDocument === true);

/** Clicks an overview mark where it shows: where events are dense (and on
 * phones, everywhere) each mark's hit circle overlaps its neighbours', so
 * a reader presses the part of it that is on top, the point nearest its
 * centre that is. */
async function clickMark(page: Page, mark: Locator) {
  await mark.evaluate((m) => m.scrollIntoView({ block: 'center' }));
  const point = await mark.evaluate((m) => {
    const r = m.querySelector('circle.hit')!.getBoundingClientRect();
    const [cx, cy, radius] = [r.left + r.width / 2, r.top + r.height / 2, r.width / 2];
    let best: { x: number; y: number; d: number } | null = null;
    for (let x = r.left; x <= r.right; x++) {
      for (let y = r.top; y <= r.bottom; y++) {
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (d > radius ** 2 || (best && best.d <= d)) continue;
        if (document.elementFromPoint(x, y)?.closest('a.mark') === m) best = { x, y, d };
      }
    }
    return best;
  });
  expect(point, 'some of the mark can be pressed').not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

test.describe('the event list', () => {
  test('shows every event, in chapters by era and by year, in order, with dates and statuses', async ({ page }) => {
    await open(page, 'es');
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
    await open(page, 'en');
    await expect(card(page, CALL_15).locator('time').first()).toHaveText('January 15, 2026');
    await expect(card(page, MINISTERIAL).locator('time').first()).toHaveText('February 2026');
    await expect(card(page, MINISTERIAL).locator('.status')).toHaveText('Announced, not confirmed');
    await expect(card(page, CALL_15).locator('a.event-link')).toHaveAttribute('href', `/en/events/${CALL_15}/`);
  });

  test('headings are in order', async ({ page }) => {
    for (const id of [undefined, CALL_15]) {
      await open(page, 'es', '', id);
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
    await open(page, 'es');
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
    await open(page, 'en', '', CALL_15);
    const corrections = detail(page).locator('section.corrections');
    await expect(corrections.getByRole('heading', { level: 3 })).toHaveText('Corrections');
    await expect(corrections.locator('li').first()).toHaveText(/^[A-Z][a-z]+ \d{1,2}, \d{4}: \S/);
    // An event without corrections has no such section.
    await open(page, 'en', '', 'merida-summit-bush-calderon-2007-03-14');
    await expect(detail(page).locator('#detail-heading')).toBeVisible();
    await expect(detail(page).locator('section.corrections')).toHaveCount(0);
  });

  test('previous, next, back and forward move between events; closing returns focus', async ({ page }) => {
    await open(page, 'es');
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
    await open(page, 'en');
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
    await open(page, 'en', '', MINISTERIAL);
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
    await open(page, 'es');
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
    await open(page, 'es');
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
    await open(page, 'en', '?key=1');
    await expect(events(page)).toHaveCount(key);
  });

  test('search ignores accents and case, in the active language', async ({ page }) => {
    await open(page, 'es');
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
    await open(page, 'en', '?q=SECURITY%20ministerial%20washington');
    await expect(card(page, MINISTERIAL)).toBeVisible();
    await expect(card(page, CALL_15)).toHaveCount(0);
  });

  test('an empty result says so and offers to clear the filters', async ({ page }) => {
    await open(page, 'en');
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
    await open(page, 'en');
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

test.describe('the overview', () => {
  test('has a mark per event, dimmed when filtered out; a mark opens its event', async ({ page }) => {
    await open(page, 'es');
    const total = await eventCount(page);
    await showFilters(page);
    const marks = page.locator('svg.axis g.marks a.mark');
    await expect(marks).toHaveCount(total);
    await expect(page.locator('svg.axis a.mark.dim')).toHaveCount(0);
    // Filtered out: dimmed, and out of the accessibility tree.
    await page.getByRole('checkbox', { name: 'Extradiciones y traslados' }).check();
    const shown = await eventCount(page);
    await expect(page.locator('svg.axis a.mark:not(.dim)')).toHaveCount(shown);
    await expect(page.locator('svg.axis a.mark.dim[aria-hidden="true"]')).toHaveCount(total - shown);
    await page.getByRole('checkbox', { name: 'Extradiciones y traslados' }).uncheck();
    await expect(page.locator('svg.axis a.mark.dim')).toHaveCount(0);
    // Each mark is a link to its event's page, opened in place.
    const mark = page.locator(`svg.axis a.mark[href="/eventos/${MINISTERIAL}/"]`);
    await expect(mark).toHaveAttribute('aria-label', /^febrero de 2026: /);
    await clickMark(page, mark);
    await expect(page).toHaveURL(pagePath('es', MINISTERIAL));
    // The reader sees the event open, on phones too, where the overview is
    // in the filter sheet.
    await expectOnTop(detail(page).locator('#detail-heading'));
    await expect(mark).toHaveClass(/\bcurrent\b/);
  });

  test('an era, zoom and "whole period" choose the range and the list follows', async ({ page }) => {
    await open(page, 'en');
    const total = await eventCount(page);
    await showFilters(page);
    await page.getByRole('button', { name: 'The Bicentennial Framework' }).click();
    await expect(page).toHaveURL(/\?from=2021-10-08&to=2025-01-19$/);
    await expect(page.getByRole('button', { name: 'The Bicentennial Framework' })).toHaveAttribute('aria-pressed', 'true');
    const era = await eventCount(page);
    expect(era).toBeGreaterThan(0);
    expect(era).toBeLessThan(total);
    await expect(page.locator('.range')).toHaveText('Period: October 8, 2021 to January 19, 2025');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    // Half the era, around its middle (timeline.rs, `zoom`): a new range,
    // and fewer events.
    await expect(page).not.toHaveURL(/from=2021-10-08&to=2025-01-19/);
    await expect(page).toHaveURL(/from=2022-\d{2}-\d{2}&to=2024-\d{2}-\d{2}/);
    await expect.poll(() => eventCount(page)).toBeLessThan(era);
    await page.getByRole('button', { name: 'Whole period' }).click();
    await expect(events(page)).toHaveCount(total);
    await expect(page).not.toHaveURL(/from=/);
    await expect(page.locator('.range')).toHaveText('Whole period');
  });

  test('dragging across the axis chooses a period', async ({ page }) => {
    await open(page, 'en');
    const total = await eventCount(page);
    await showFilters(page);
    const box = (await page.locator('svg.axis').boundingBox())!;
    const y = box.y + 12; // on the era band, above the marks
    await page.mouse.move(box.x + box.width * 0.05, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await page.mouse.up();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const n = await eventCount(page);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    const years = (await page.locator('.year-heading').allInnerTexts()).map(Number);
    expect(Math.max(...years)).toBeLessThan(2015);
  });

  test('arrow keys move between marks and Enter opens one', async ({ page }) => {
    await open(page, 'en');
    await showFilters(page);
    const first = page.locator('svg.axis a.mark[tabindex="0"]');
    await expect(first).toHaveCount(1);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = page.locator('svg.axis a.mark:focus');
    await expect(focused).toHaveCount(1);
    const href = await focused.getAttribute('href');
    expect(href).not.toBe(await first.getAttribute('href'));
    const label = await focused.getAttribute('aria-label');
    expect(label).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}: /);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(href!);
    await expect(detail(page).locator('#detail-heading')).toBeFocused();
    await expectOnTop(detail(page).locator('#detail-heading'));
  });
});

test.describe('layout and shell', () => {
  test('fits the viewport; on wide screens the detail sits beside the list', async ({ page, viewport }) => {
    await open(page, 'es', '', CALL_15);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(viewport!.width);
    const list = (await page.locator('section.events').boundingBox())!;
    const d = (await detail(page).boundingBox())!;
    if (viewport!.width >= 1000) {
      expect(d.x).toBeGreaterThan(list.x + list.width - 1);
    } else {
      // On phones the detail covers the screen, with its close button in reach.
      expect(d.width).toBeGreaterThanOrEqual(viewport!.width - 1);
      await expect(detail(page).getByRole('button', { name: 'Cerrar' })).toBeInViewport();
    }
  });

  test('the app taking the page over does not push it around (layout shift under 0.1)', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!e.hadRecentInput) w.shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/');
    await ready(page);
    // Until the page is still, five frames in a row with no new shift, so
    // that a late jump is counted.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const w = window as unknown as { shift: number };
          let last = w.shift;
          let still = 0;
          const frame = () => {
            still = w.shift === last ? still + 1 : 0;
            last = w.shift;
            if (still >= 5) done();
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    expect(shift).toBeLessThan(0.1);
  });

  test('what is scrolled into view stays there', async ({ page }) => {
    await open(page, 'es');
    // The foot of the page, past every card: it must not move once there
    // (as when a reader follows a link to it or finds it in the page).
    const target = page.locator('.embed-generator summary');
    const tops = await target.evaluate(async (el) => {
      el.scrollIntoView({ block: 'center' });
      const out: number[] = [];
      for (let i = 0; i < 10; i++) {
        await new Promise((done) => requestAnimationFrame(done));
        out.push(Math.round(el.getBoundingClientRect().top));
      }
      return out;
    });
    for (const top of tops) expect(Math.abs(top - tops[0]), `tops: ${tops.join(', ')}`).toBeLessThanOrEqual(2);
    await expectOnTop(target);
  });

  test('shell: title, short introduction with more behind it, data date, footer, and the note for no app', async ({ page }) => {
    await open(page, 'es');
    await expect(page).toHaveTitle('México y Estados Unidos: cooperación en seguridad, 2007–2026');
    await expect(page.locator('.page-header h1')).toHaveText('México y Estados Unidos: cooperación en seguridad');
    await expect(page.locator('.page-header .lead')).toHaveText(
      'Acuerdos, tensiones y operaciones de 2007 a 2026, con fuentes para cada hecho.',
    );
    await expect(page.locator('.updated')).toHaveText(RECORD_DATES_ES);
    await expect(page.locator('.sources-until')).toHaveText(SOURCES_UNTIL_ES);
    // The rest of the introduction waits behind "more".
    const more = page.locator('details.intro-more');
    await expect(more.getByText(/^De la Iniciativa Mérida de 2007/)).toBeHidden();
    await more.locator('summary').click();
    await expect(more.getByText(/^De la Iniciativa Mérida de 2007/)).toBeVisible();
    await expect(page.locator('footer.page-footer')).toContainText('Cada hecho cita al menos una fuente');
    await expect(page.locator('footer.page-footer a[href="/data/events.json"]')).toBeVisible();
    // The note for readers without the app is in the page, and hidden
    // when the app runs.
    await expect(page.locator('p.no-app')).toHaveText(/^Los filtros, la búsqueda y la vista interactiva no están disponibles/);
    await expect(page.locator('p.no-app')).toBeHidden();
    await expect(page.locator('noscript')).toHaveCount(0);
  });

  test('dark theme follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, 'es');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 23)');
  });

  test('print shows the events with their sources and hides the controls', async ({ page }) => {
    await open(page, 'es', '?topic=extradition');
    const shown = await eventCount(page);
    // The sources are rendered only for printing.
    await expect(page.locator('.print-sources')).toHaveCount(0);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-sources')).toHaveCount(shown);
    await expect(page.locator('.filters')).toBeHidden();
    await expect(page.locator('.overview')).toBeHidden();
    await expect(page.locator('.print-sources').first()).toBeVisible();
    await expect(page.locator('.print-sources').first()).toContainText('https://');
    // After printing, they go.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.print-sources')).toHaveCount(0);
  });
});
