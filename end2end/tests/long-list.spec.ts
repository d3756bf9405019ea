// A long timeline (600 events, made from the real ones by helpers.mjs, as
// for bench.mjs):
// the list is rendered a slice at a time (src/timeline.rs, ListWindow), and
// everything a reader can reach in the short list stays reachable: deep
// links past the first slice, arrow keys past its end, "show more",
// scrolling, printing, and a count of all the results.
import { expect, test, type Page } from '@playwright/test';
import { events, synthetic } from '../helpers.mjs';

const N = 600;

const BODY = synthetic(N);

async function open(page: Page, query: string) {
  await page.route('**/data/events.json', (r) =>
    r.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: BODY }),
  );
  await page.goto(`/${query}`);
  await expect(events(page).first()).toBeVisible();
}

test('a long list starts with a slice, counts everything, and grows on request and on scroll', async ({ page }) => {
  await open(page, '?lang=en');
  const first = await events(page).count();
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(N);
  await expect(page.locator('.result-count')).toHaveText(`${N} events`);
  // The overview has too many events for a mark each.
  await expect(page.locator('.axis .mark')).toHaveCount(0);
  await expect(page.locator('.overview-help')).toContainText('too many events');
  // Scrolling near the end renders the next slice by itself.
  await events(page).last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 400);
  await expect.poll(() => events(page).count()).toBeGreaterThan(first);
  // So does the button (which scrolling keeps moving down: press it).
  const scrolled = await events(page).count();
  await page.getByRole('button', { name: /^Show \d+ more events$/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => events(page).count()).toBeGreaterThan(scrolled);
});

test('a deep link past the first slice shows the event in the list and in the detail', async ({ page }) => {
  await open(page, '?lang=en&event=e0450');
  await expect(page.locator('#card-e0450')).toHaveCount(1);
  await expect(page.locator('#card-e0450').locator('..')).toHaveClass(/selected/);
  await expect(page.locator('section.detail')).toBeVisible();
  // Closing returns focus to the event's link in the list.
  await page.locator('section.detail').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('#card-e0450 .event-link')).toBeFocused();
  // Earlier events can be brought back.
  await page.getByRole('button', { name: /^Show \d+ earlier events$/ }).click();
  await expect(page.locator('#card-e0400')).toHaveCount(1);
  // "Next" steps past the end of the rendered slice.
  const last = await events(page).last().locator('article').getAttribute('id');
  await page.locator(`#${last} .event-link`).click();
  await page.locator('section.detail').getByRole('button', { name: 'Next' }).click();
  await expect(page).not.toHaveURL(new RegExp(`event=${last!.slice(5)}`));
  const next = new URL(page.url()).searchParams.get('event')!;
  await expect(page.locator(`#card-${next}`)).toHaveCount(1);
});

test('arrow keys move past the end of the rendered slice', async ({ page }) => {
  await open(page, '?lang=en');
  const count = await events(page).count();
  const lastLink = events(page).last().locator('.event-link');
  await lastLink.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => events(page).count()).toBeGreaterThan(count);
  const focused = await page.evaluate(() => document.activeElement?.closest('article')?.id);
  expect(focused).toBe(await events(page).nth(count).locator('article').getAttribute('id'));
});

test('printing renders every event with its sources', async ({ page }) => {
  await open(page, '?lang=en');
  expect(await events(page).count()).toBeLessThan(N);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(events(page)).toHaveCount(N, { timeout: 20_000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.list-more')).toHaveCount(0);
  await expect(page.locator('.print-sources').last()).toBeVisible();
  await expect(page.locator('.print-sources').last()).toContainText('https://');
});

test('a search renders only a slice of its results, and the URL keeps it', async ({ page }) => {
  await open(page, '?lang=es');
  // A word in about a quarter of the events: more matches than a list
  // shows whole.
  await page.getByRole('searchbox').fill('seguridad');
  await expect(page).toHaveURL(/q=seguridad/);
  // The count has changed from all N events to the matches.
  await expect(page.locator('.result-count')).not.toHaveText(new RegExp(`^${N}\\b`));
  const status = await page.locator('.result-count').innerText();
  const matches = Number(status.match(/^(\d+)/)![1]);
  // More matches than a list shows whole (WHOLE_LIST in src/timeline.rs),
  // so the slice applies, and fewer than N, so the search filtered.
  expect(matches).toBeGreaterThan(120);
  expect(matches).toBeLessThan(N);
  // Only the first slice (CHUNK in src/timeline.rs) is rendered.
  await expect(events(page)).toHaveCount(50);
});
