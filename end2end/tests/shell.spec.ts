// The page around the timeline: layout at both widths (see the projects in
// playwright.config.ts), the take-over without shifting the page, the
// shell's texts, the theme and printing.
import { expect, test, type Page } from '@playwright/test';
import { eventCount, events, expectOnTop, openPage, ready } from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them.
test.use({ locale: 'es-MX' });

const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
// How current the record is, as public/data/events.json says it: the newest
// held event (the USMCA review), the review day, and where the sources stop.
const RECORD_DATES_ES = 'Hechos hasta el 1 de julio de 2026 · revisado el 7 de diciembre de 2026';
const SOURCES_UNTIL_ES =
  'Las fuentes de prensa consultadas llegan hasta julio de 2026; lo ocurrido después no está registrado aquí.';

const card = (page: Page, id: string) => page.locator(`#card-${id}`);
const detail = (page: Page) => page.locator('section.detail');

test.describe('layout and shell', () => {
  test('fits the viewport; on wide screens the detail sits beside the list', async ({ page, viewport }) => {
    await openPage(page, 'es', '', CALL_15);
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
    await openPage(page, 'es');
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
    await openPage(page, 'es');
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
    await openPage(page, 'es');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(bg).toBe('rgb(17, 20, 23)');
  });

  test('print shows the events with their sources and hides the controls', async ({ page }) => {
    await openPage(page, 'es', '?topic=extradition');
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
