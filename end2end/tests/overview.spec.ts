// The overview of the timeline (its marks, eras, zoom, dragged periods and
// keys), driven as a reader would, at both widths (see the projects in
// playwright.config.ts).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { eventCount, events, expectOnTop, openPage, pagePath, showFilters } from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them.
test.use({ locale: 'es-MX' });

const MINISTERIAL = 'security-ministerial-washington-2026-02';

const detail = (page: Page) => page.locator('section.detail');

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

test.describe('the overview', () => {
  test('has a mark per event, dimmed when filtered out; a mark opens its event', async ({ page }) => {
    await openPage(page, 'es');
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
    await openPage(page, 'en');
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
    await openPage(page, 'en');
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
    await openPage(page, 'en');
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
