// The timeline itself: overview, list, detail, filters, search, deep links
// and layout, driven as a reader would, at both widths (see the projects in
// playwright.config.ts) and in both languages.
import { expect, test, type Page } from '@playwright/test';
import { eventCount, events } from '../helpers.mjs';

const MINISTERIAL = 'security-ministerial-washington-2026-02';
const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
const CALL_11 = 'rubio-de-la-fuente-call-2026-01-11';

const card = (page: Page, id: string) => page.locator(`#card-${id}`);
const detail = (page: Page) => page.locator('section.detail');

async function open(page: Page, query: string) {
  await page.goto(`/${query}`);
  await expect(events(page).first()).toBeVisible();
}

test.describe('the event list', () => {
  test('shows every event, grouped by year, in order, with dates and statuses', async ({ page }) => {
    await open(page, '?lang=es');
    const total = await eventCount(page);
    expect(total).toBeGreaterThanOrEqual(50);
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
    await open(page, '?lang=en');
    await expect(card(page, CALL_15).locator('time').first()).toHaveText('January 15, 2026');
    await expect(card(page, MINISTERIAL).locator('time').first()).toHaveText('February 2026');
    await expect(card(page, MINISTERIAL).locator('.status')).toHaveText('Announced, not confirmed');
  });

  test('headings are in order', async ({ page }) => {
    await open(page, '?lang=es');
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((els) =>
      els.map((e) => Number(e.tagName[1])),
    );
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i] - levels[i - 1]).toBeLessThanOrEqual(1);
  });
});

test.describe('the event detail', () => {
  test('opens from the list, shows sources, quotes and actors, and sets ?event=', async ({ page }) => {
    await open(page, '?lang=es');
    await card(page, CALL_15).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`[?&]event=${CALL_15}`));
    const d = detail(page);
    await expect(d.getByRole('heading', { level: 2 })).toContainText('subsisten desafíos significativos');
    await expect(d.getByRole('heading', { level: 2 })).toBeFocused();
    // Sources are real links, publisher and date beside them.
    const links = d.locator('.sources a');
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    await expect(d.locator('.sources')).toContainText('Proceso');
    // The quote keeps its original language.
    const quote = d.locator('blockquote').first();
    await expect(quote).toHaveAttribute('lang', 'es');
    await expect(quote).toHaveText('subsisten desafíos significativos');
    await expect(d.locator('.actors')).toContainText('Marco Rubio');
  });

  test('back and forward move between events; closing returns focus', async ({ page }) => {
    await open(page, '?lang=es');
    const link11 = card(page, CALL_11).getByRole('link');
    await link11.click();
    await expect(page).toHaveURL(new RegExp(`event=${CALL_11}`));
    await detail(page).getByRole('button', { name: 'Siguiente' }).click();
    const second = new URL(page.url()).searchParams.get('event');
    expect(second).not.toBe(CALL_11);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`event=${CALL_11}`));
    await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('De la Fuente');
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`event=${second}`));
    await page.goBack();
    // Close with the button: focus goes back to the link that opened it.
    await detail(page).getByRole('button', { name: 'Cerrar' }).click();
    await expect(detail(page)).toHaveCount(0);
    await expect(page).not.toHaveURL(/event=/);
    await expect(link11).toBeFocused();
  });

  test('Escape closes and returns focus', async ({ page }) => {
    await open(page, '?lang=en');
    const link = card(page, CALL_15).getByRole('link');
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(detail(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(detail(page)).toHaveCount(0);
    await expect(link).toBeFocused();
  });

  test('a deep link opens the event; an unknown id says so and the timeline stays usable', async ({ page }) => {
    await open(page, `?lang=en&event=${MINISTERIAL}`);
    await expect(detail(page).getByRole('heading', { level: 2 })).toContainText('Security Ministerial');
    await expect(detail(page).locator('.caveat')).toBeVisible();
    await open(page, '?lang=en&event=no-such-event');
    await expect(detail(page)).toContainText('We could not find the event “no-such-event”');
    expect(await eventCount(page)).toBeGreaterThanOrEqual(50);
    await detail(page).getByRole('button', { name: 'See the whole timeline' }).click();
    await expect(page).not.toHaveURL(/event=/);
  });
});

test.describe('filters and search', () => {
  test('topics combine, live in the URL, and the count is announced', async ({ page }) => {
    await open(page, '?lang=es');
    const total = await eventCount(page);
    await page.getByRole('checkbox', { name: 'Tráfico de armas' }).check();
    await expect(page).toHaveURL(/topic=arms-trafficking/);
    const arms = await eventCount(page);
    expect(arms).toBeGreaterThan(0);
    expect(arms).toBeLessThan(total);
    await page.getByRole('checkbox', { name: 'Fentanilo' }).check();
    await expect(page).toHaveURL(/topic=arms-trafficking,fentanyl/);
    expect(await eventCount(page)).toBeGreaterThan(arms);
    const status = page.getByRole('status').filter({ hasText: 'coincid' });
    await expect(status).toHaveText(new RegExp(`^${await eventCount(page)} de ${total} eventos coinciden`));
    // The filtered view can be shared: the same URL gives the same list.
    const shown = await events(page).count();
    await page.goto(page.url());
    await expect(events(page)).toHaveCount(shown);
    await expect(page.getByRole('checkbox', { name: 'Fentanilo' })).toBeChecked();
  });

  test('search ignores accents and case, in the active language', async ({ page }) => {
    await open(page, '?lang=es');
    const search = page.getByRole('searchbox', { name: 'Buscar en la cronología' });
    await search.fill('rapido y furioso');
    await expect(page).toHaveURL(/q=rapido%20y%20furioso/);
    expect(await eventCount(page)).toBeGreaterThan(0);
    await expect(card(page, 'fast-and-furious-atf-phoenix-2009-10')).toBeVisible();
    for (const text of await events(page).allInnerTexts()) {
      expect(text).toMatch(/Rápido y Furioso/i);
    }
    await search.fill('REUNION MINISTERIAL');
    await expect(card(page, MINISTERIAL)).toBeVisible();
    await open(page, '?lang=en&q=SECURITY%20ministerial%20washington');
    await expect(card(page, MINISTERIAL)).toBeVisible();
  });

  test('an empty result says so and offers to clear the filters', async ({ page }) => {
    await open(page, '?lang=en');
    const total = await eventCount(page);
    await page.getByRole('searchbox').fill('zzzz no such thing');
    await expect(events(page)).toHaveCount(0);
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`None of ${total} events match the filters`);
    await page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
    await expect(events(page)).toHaveCount(total);
    await expect(page).not.toHaveURL(/q=/);
  });

  test('an actor narrows the list', async ({ page }) => {
    await open(page, '?lang=en');
    await page.getByLabel('Actor').selectOption('marco-rubio');
    await expect(page).toHaveURL(/actor=marco-rubio/);
    await expect(card(page, CALL_15)).toBeVisible();
    const years = await page.locator('.year-heading').allInnerTexts();
    expect(years.every((y) => Number(y) >= 2025)).toBe(true);
  });
});

test.describe('the overview', () => {
  test('has a mark per event; a mark opens its event', async ({ page }) => {
    await open(page, '?lang=es');
    await expect(page.locator('.axis .mark')).toHaveCount(await eventCount(page));
    await page.locator(`.axis .mark[href*="event=${MINISTERIAL}"]`).click();
    await expect(page).toHaveURL(new RegExp(`event=${MINISTERIAL}`));
    await expect(detail(page)).toBeVisible();
  });

  test('an era, zoom and "whole period" choose the range and the list follows', async ({ page }) => {
    await open(page, '?lang=en');
    const total = await eventCount(page);
    await page.getByRole('button', { name: 'The Bicentennial Framework' }).click();
    await expect(page).toHaveURL(/from=2021-10-08&to=2025-01-19/);
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
  });

  test('dragging across the axis chooses a period', async ({ page }) => {
    await open(page, '?lang=en');
    const total = await eventCount(page);
    const box = (await page.locator('.axis').boundingBox())!;
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
    await open(page, '?lang=en');
    const first = page.locator('.axis .mark[tabindex="0"]');
    await expect(first).toHaveCount(1);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = page.locator('.axis .mark:focus');
    const href = await focused.getAttribute('href');
    const label = await focused.getAttribute('aria-label');
    expect(label).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}: /);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`event=${new URLSearchParams(href!.split('?')[1]).get('event')}`));
  });
});

test.describe('layout and shell', () => {
  test('fits the viewport; on wide screens the detail sits beside the list', async ({ page, viewport }) => {
    await open(page, `?lang=es&event=${CALL_15}`);
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

  test('the events arriving do not push the page around (layout shift under 0.1)', async ({ page }) => {
    // Without the loading placeholder's height, the footer jumped down when
    // the events arrived: 0.15 here, 0.21 in Lighthouse's mobile run.
    await page.addInitScript(() => {
      const w = window as unknown as { shift: number };
      w.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!e.hadRecentInput) w.shift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/?lang=es');
    await expect(events(page).first()).toBeVisible();
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

  test('shell: title, introduction, data date, footer and noscript', async ({ page }) => {
    await open(page, '?lang=es');
    await expect(page.locator('.intro')).toContainText('Iniciativa Mérida');
    await expect(page.locator('.updated')).toHaveText('Datos revisados al 15 de marzo de 2026');
    await expect(page.locator('footer')).toContainText('Cada hecho cita al menos una fuente');
    await expect(page.locator('footer a[href="data/events.json"]')).toBeVisible();
    const noscript = await page.locator('noscript').evaluate((n) => n.textContent);
    expect(noscript).toContain('data/events.json');
  });

  test('dark theme follows the system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, '?lang=es');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 23)');
  });

  test('print shows the events with their sources and hides the controls', async ({ page }) => {
    await open(page, '?lang=es&topic=extradition');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.filters')).toBeHidden();
    await expect(page.locator('.overview')).toBeHidden();
    await expect(page.locator('.print-sources').first()).toBeVisible();
    await expect(page.locator('.print-sources').first()).toContainText('https://');
  });
});
