// A long timeline (600 events, made from the real ones by helpers.mjs, as
// for bench.mjs), served in place of the build's data: the pages were
// prerendered from other data, so the app renders them afresh from these.
// The list is rendered a slice at a time (src/timeline.rs, ListWindow), and
// everything a reader can reach in the short list stays reachable: deep
// links past the first slice, arrow keys past its end, "show more",
// scrolling, printing, and a count of all the results.
import { expect, test, type Page } from '@playwright/test';
import { DATA_ROUTE, eventOf, events, pagePath, ready, syntheticDoc } from '../helpers.mjs';

const N = 600;

// An event far down the list, under the id of a real event, so that it has
// a prerendered page to be linked to.
const FAR = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
const FAR_AT = 450;
const DOC = syntheticDoc(N);
DOC.events[FAR_AT].id = FAR;
const BODY = JSON.stringify(DOC);

async function open(page: Page, path: string) {
  await page.route(DATA_ROUTE, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: BODY }),
  );
  await page.goto(path);
  await ready(page);
  await expect(events(page).first()).toBeVisible();
  // The synthetic events, not the prerendered ones.
  await expect(events(page).first()).toHaveId(/^card-e\d{4}$/);
}

test('a long list starts with a slice, counts everything, and grows on request and on scroll', async ({ page }) => {
  await open(page, pagePath('en'));
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

test('a deep link past the first slice shows the event in the list and in the detail; closing returns focus to it', async ({ page }) => {
  await open(page, pagePath('en', FAR));
  await expect(page.locator(`#card-${FAR}`)).toHaveCount(1);
  await expect(page.locator(`#card-${FAR}`)).toHaveClass(/\bselected\b/);
  await expect(page.locator('section.detail #detail-heading')).toHaveText(DOC.events[FAR_AT].title.en);
  expect(await events(page).count()).toBeLessThan(N);
  // Closing returns focus to the event's link in the list, which stays
  // where the reader was.
  await page.locator('section.detail').getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(pagePath('en'));
  await expect(page.locator(`#card-${FAR} .event-link`)).toBeFocused();
});

test('from an event past the first slice, earlier events and the next ones can be reached', async ({ page }) => {
  await open(page, pagePath('en', FAR));
  // Earlier events can be brought back.
  const firstShown = async () => Number((await events(page).first().getAttribute('id'))!.slice('card-e'.length));
  const before = await firstShown();
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThanOrEqual(FAR_AT);
  await page.getByRole('button', { name: /^Show \d+ earlier events$/ }).click();
  await expect.poll(firstShown).toBeLessThan(before);
  await expect(page.locator(`#card-${FAR}`)).toHaveCount(1);
  // "Next" steps past the end of the rendered slice.
  const last = (await events(page).last().getAttribute('id'))!.slice('card-'.length);
  await page.locator(`#card-${last} .event-link`).click();
  await expect(page).toHaveURL(pagePath('en', last));
  await page.locator('section.detail').getByRole('button', { name: 'Next' }).click();
  await expect(page).not.toHaveURL(pagePath('en', last));
  const next = eventOf(page.url())!;
  expect(next).toMatch(/^e\d{4}$/);
  await expect(page.locator(`#card-${next}`)).toHaveCount(1);
  await expect(page.locator('section.detail #detail-heading')).toHaveText(
    DOC.events.find((e: { id: string }) => e.id === next).title.en,
  );
});

test('arrow keys move past the end of the rendered slice', async ({ page }) => {
  await open(page, pagePath('en'));
  const count = await events(page).count();
  const lastLink = events(page).last().locator('.event-link');
  await lastLink.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => events(page).count()).toBeGreaterThan(count);
  const focused = await page.evaluate(() => document.activeElement?.closest('li.event')?.id);
  expect(focused).toBe(await events(page).nth(count).getAttribute('id'));
});

test('printing renders every event with its sources', async ({ page }) => {
  await open(page, pagePath('en'));
  expect(await events(page).count()).toBeLessThan(N);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(events(page)).toHaveCount(N, { timeout: 20_000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.list-more')).toHaveCount(0);
  await expect(page.locator('.print-sources')).toHaveCount(N);
  await expect(page.locator('.print-sources').last()).toBeVisible();
  await expect(page.locator('.print-sources').last()).toContainText('https://');
});

test.describe('a Spanish-speaking reader', () => {
  test.use({ locale: 'es-MX' });
  test('a search renders only a slice of its results, and the URL keeps it', async ({ page }) => {
    await open(page, pagePath('es'));
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
    await expect(events(page)).toHaveCount(8);
  });
});
