// Reading on a phone and inside an article (issue 17): events on the first
// screen, the filters in a sheet that the keyboard can use, the key moments
// as a view of their own, eras as chapters, an overview whose every mark
// can be reached, and year headings that never sit over a card.
import { expect, test, type Page } from '@playwright/test';

import { CARD, DATA, ready } from '../helpers.mjs';

const KEY_IDS: string[] = DATA.events.filter((e: { key?: boolean }) => e.key).map((e: { id: string }) => e.id);

test.use({ locale: 'es-MX' });

/** The top of the first event's card, in CSS pixels from the top of the page. */
const firstEventTop = (page: Page) =>
  page.locator(CARD).first().evaluate((li) => li.getBoundingClientRect().top + window.scrollY);

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test('the first event starts on the first screen', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    expect(await firstEventTop(page)).toBeLessThan(740);
    // The rest of the introduction is one tap away.
    await expect(page.locator('.intro-more p').first()).toBeHidden();
    await page.locator('.intro-more summary').click();
    await expect(page.locator('.intro-more p').first()).toBeVisible();
  });

  test('the filters open in a sheet that the keyboard can use, and give focus back', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const toggle = page.locator('button.filter-toggle');
    const panel = page.locator('#filter-panel');
    await expect(panel).toBeHidden();
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('role', 'dialog');
    await expect(panel).toHaveAttribute('aria-modal', 'true');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // Focus moves in, and Tab keeps it there.
    await expect(page.locator('.panel-close')).toBeFocused();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('#filter-panel'));
      expect(inside, `Tab ${i + 1} left the sheet`).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#filter-panel'))).toBe(true);
    // Filter with the keyboard: a topic.
    await page.locator('#filter-panel .topics input').first().focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\?topic=/);
    const shown = await page.locator(CARD).count();
    await expect(page.locator('.panel-close')).toContainText(String(shown));
    // Escape closes it and focus returns to the button, which counts the filter.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(toggle).toContainText('(1)');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  test('the open event covers the list and closes back to its card', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const card = page.locator('a.event-link').nth(2);
    await card.click();
    await expect(page.locator('#detail-heading')).toBeFocused();
    await expect(page.locator('.detail')).toBeInViewport();
    await page.keyboard.press('Escape');
    await expect(card).toBeFocused();
  });
});

test.describe('inside an article', () => {
  test.use({ viewport: { width: 375, height: 600 }, hasTouch: true });

  test('an embed shows events at once, in a frame of 600 px', async ({ page }) => {
    await page.goto('/?embed=1');
    await ready(page);
    expect(await firstEventTop(page)).toBeLessThan(600);
    await expect(page.locator('.page-header')).toBeHidden();
    await expect(page.locator('button.filter-toggle')).toBeVisible();
    await expect(page.locator('.embed-attribution')).toBeAttached();
  });
});

test('the key moments are a view of their own, with an address', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.locator('.key-moments-link a').click();
  await expect(page).toHaveURL(/\/\?key=1$/);
  await expect(page.locator(CARD)).toHaveCount(KEY_IDS.length);
  const shown = await page.locator(CARD).evaluateAll((cards) => cards.map((c) => c.id.replace(/^card-/, '')));
  expect(shown.sort()).toEqual([...KEY_IDS].sort());
  // Each says so in words, not only a star.
  await expect(page.locator('li.event .key-badge')).toHaveCount(KEY_IDS.length);
  // Its address shows the same view, and the detail steps through it.
  await page.goto(`/eventos/${KEY_IDS[0]}/?key=1`);
  await ready(page);
  await expect(page.locator(CARD)).toHaveCount(KEY_IDS.length);
  await page.locator('.detail-bar button').nth(2).click();
  await expect(page).toHaveURL(new RegExp(`/eventos/${KEY_IDS[1]}/\\?key=1$`));
});

test('each era opens its chapter with its name and why it matters', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const chapters = page.locator('li.chapter');
  await expect(chapters).toHaveCount(DATA.eras.length);
  for (let i = 0; i < DATA.eras.length; i++) {
    await expect(chapters.nth(i).locator('h3')).toHaveText(DATA.eras[i].name.es);
    await expect(chapters.nth(i).locator('.chapter-summary')).toHaveText(DATA.eras[i].summary.es);
  }
  // Each chapter has its era's colour, as the overview's band and button,
  // even when a filter leaves earlier eras out.
  const background = (el: Element) => getComputedStyle(el).backgroundColor;
  const buttons = await page.locator('.era-button').evaluateAll((bs) => bs.map((b) => getComputedStyle(b).backgroundColor));
  expect(new Set(buttons).size).toBeGreaterThan(1);
  const headers = await page.locator('.chapter-header').evaluateAll((hs) => hs.map((h) => getComputedStyle(h).backgroundColor));
  expect(headers).toEqual(buttons);
  const last = DATA.eras[DATA.eras.length - 1];
  await page.goto(`/?from=${last.start}`);
  await ready(page);
  await expect(chapters).toHaveCount(1);
  expect(await page.locator('.chapter-header').evaluate(background)).toBe(buttons[buttons.length - 1]);
});

test.describe('the overview', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('every mark can be reached by pointer and by keyboard', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    const marks = page.locator('svg.axis a.mark');
    const count = await marks.count();
    expect(count).toBe(DATA.events.length);
    // By pointer: at each mark's centre, that mark is what the pointer hits.
    const hidden = await marks.evaluateAll((all) =>
      all
        .map((mark) => {
          const shape = mark.querySelector('use')!.getBoundingClientRect();
          const hit = document.elementFromPoint(shape.x + shape.width / 2, shape.y + shape.height / 2);
          return hit?.closest('a.mark') === mark ? null : mark.getAttribute('aria-label');
        })
        .filter(Boolean),
    );
    expect(hidden).toEqual([]);
    // By keyboard: Home, then Right through every one.
    await marks.first().focus();
    await page.keyboard.press('Home');
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      seen.add(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''));
      await page.keyboard.press('ArrowRight');
    }
    expect(seen.size).toBe(count);
  });

  test('era names are never cut short', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    for (const button of await page.locator('.era-button').all()) {
      const cut = await button.evaluate((b) => b.scrollWidth > b.clientWidth + 1);
      expect(cut).toBe(false);
    }
    await expect(page.locator('.era-button')).toHaveText(DATA.eras.map((e: { name: { es: string } }) => e.name.es));
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`year headings sit over the cards on an opaque ground (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/');
    await ready(page);
    // Scroll so that a year's heading is stuck at the top over its cards.
    const year = page.locator('li.year').nth(3);
    await year.evaluate((li) => window.scrollTo(0, li.getBoundingClientRect().top + window.scrollY + 120));
    const heading = year.locator('.year-heading');
    const check = await heading.evaluate((h) => {
      const box = h.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      const bg = getComputedStyle(h).backgroundColor;
      return { stuck: Math.round(box.top), onTop: hit === h || h.contains(hit), bg };
    });
    expect(check.stuck).toBe(0);
    expect(check.onTop).toBe(true);
    expect(check.bg).toMatch(/^rgb\(/);
  });
}

test('the people sent to the U.S. in groups are a figure that reads as a table and links to its events', async ({ page }) => {
  type Sent = { id: string; date: string; people_sent?: number };
  const sent = (DATA.events as Sent[])
    .filter((e) => e.people_sent)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  expect(sent.length).toBeGreaterThanOrEqual(2);
  const total = sent.reduce((sum, e) => sum + (e.people_sent ?? 0), 0);

  // Prerendered, before any script: the page already holds the figure.
  const html = await (await page.request.get('/')).text();
  expect(html).toContain('Personas enviadas por México a Estados Unidos en grupo');

  await page.goto('/');
  await ready(page);
  const table = page.getByRole('table', { name: 'Personas enviadas por México a Estados Unidos en grupo' });
  await expect(table).toHaveCount(1);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(sent.length);
  for (let i = 0; i < sent.length; i++) {
    await expect(rows.nth(i).locator('td')).toHaveText(`${sent[i].people_sent} personas`);
    await expect(rows.nth(i).locator('a')).toHaveAttribute('href', `/eventos/${sent[i].id}/`);
  }
  await expect(table.locator('tfoot td')).toHaveText(`${total} personas`);
  // Each bar is as long as its count, against the largest.
  const largest = Math.max(...sent.map((e) => e.people_sent ?? 0));
  const widths = await rows.locator('rect').evaluateAll((rects) =>
    rects.map((r) => r.getBoundingClientRect().width / (r.ownerSVGElement as SVGSVGElement).getBoundingClientRect().width),
  );
  widths.forEach((w, i) => expect(w).toBeCloseTo((sent[i].people_sent ?? 0) / largest, 2));

  // A row opens its event, whose detail shows the same figure with that
  // row marked.
  await rows.nth(1).locator('a').click();
  await expect(page).toHaveURL(new RegExp(`/eventos/${sent[1].id}/$`));
  const inDetail = page.locator('.detail .figure');
  await expect(inDetail.locator('tbody tr')).toHaveCount(sent.length);
  await expect(inDetail.locator('a[aria-current="true"]')).toHaveAttribute('href', `/eventos/${sent[1].id}/`);

  // In English, the same figure in English.
  await page.locator('nav.language-switch').getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('table', { name: 'People Mexico sent to the U.S. in groups' }).first()).toBeVisible();
  await expect(page.locator('.chapter .figure tfoot td')).toHaveText(`${total} people`);
});
