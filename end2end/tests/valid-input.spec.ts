// Nothing valid breaks the page (issue 24): a filtered-out open event
// leaves a usable tab stop on the overview, focus comes back to the mark
// that opened an event, Home and End work in the list, a copy outlives the
// detail it started in, and data the checks accept hydrates without an
// error. The native side (prerendering any checked data, any address) is
// tests/valid_input.rs.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS, DATA_ROUTE, events, pagePath, ready, syntheticDoc, watchProblems } from '../helpers.mjs';

const SUMMIT = 'merida-summit-bush-calderon-2007-03-14';

/** Records what goes wrong: console errors and uncaught exceptions (the
 * app's panic message among them). */
const watch = (page: Page) => watchProblems(page);

/** Serves `doc` as the data: the app renders it afresh over the page. */
async function serve(page: Page, doc: unknown) {
  const body = JSON.stringify(doc);
  await page.route(DATA_ROUTE, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
  );
}

const focusedMark = (page: Page) => page.locator('svg.axis a.mark:focus');

test('an open event filtered out leaves a visible mark as the tab stop (item 3)', async ({ page }) => {
  await page.goto(pagePath('en', SUMMIT, '?topic=extradition'));
  await ready(page);
  const open = page.locator(`svg.axis a.mark[href="/en/events/${SUMMIT}/"]`);
  await expect(open).toHaveClass(/\bdim\b/);
  await expect(open).toHaveAttribute('aria-hidden', 'true');
  await expect(open).toHaveAttribute('tabindex', '-1');
  // One tab stop, on a mark that is shown.
  const stop = page.locator('svg.axis a.mark[tabindex="0"]');
  await expect(stop).toHaveCount(1);
  await expect(stop).not.toHaveClass(/\bdim\b/);
  await expect(stop).not.toHaveAttribute('aria-hidden', 'true');
  const axe = await new AxeBuilder({ page }).include('svg.axis').withTags(AXE_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // And the arrow keys move from it.
  await stop.focus();
  const from = await stop.getAttribute('href');
  await page.keyboard.press('ArrowRight');
  await expect(focusedMark(page)).toHaveCount(1);
  expect(await focusedMark(page).getAttribute('href')).not.toBe(from);
  await expect(focusedMark(page)).not.toHaveClass(/\bdim\b/);
});

test('closing an event opened from its mark gives focus back to the mark (item 4)', async ({ page }) => {
  await page.goto(pagePath('en'));
  await ready(page);
  await page.locator('svg.axis a.mark[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  const mark = focusedMark(page);
  const href = await mark.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
  await expect(page.locator('section.detail #detail-heading')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(pagePath('en'));
  await expect(page.locator(`svg.axis a.mark[href="${href}"]`)).toBeFocused();
  // With the close button too.
  await page.keyboard.press('Enter');
  await expect(page.locator('section.detail #detail-heading')).toBeFocused();
  await page.locator('section.detail').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator(`svg.axis a.mark[href="${href}"]`)).toBeFocused();
});

test('Home and End move to the first and last event of the list (item 6)', async ({ page }) => {
  await page.goto(pagePath('en'));
  await ready(page);
  const links = page.locator('ol.event-list .event-link');
  await links.nth(3).focus();
  await page.keyboard.press('End');
  await expect(links.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(links.first()).toBeFocused();
});

test('End reaches the last event of a long list, past the rendered slice (item 6)', async ({ page }) => {
  const doc = syntheticDoc(600);
  await serve(page, doc);
  await page.goto(pagePath('en'));
  await ready(page);
  await expect(events(page).first()).toHaveId(/^card-e\d{4}$/);
  const rendered = await events(page).count();
  expect(rendered).toBeLessThan(600);
  await events(page).nth(2).locator('.event-link').focus();
  await page.keyboard.press('End');
  await expect(page.locator('#card-e0599 .event-link')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('#card-e0000 .event-link')).toBeFocused();
});

test('a copy that answers after the detail closed breaks nothing (item 8)', async ({ page }) => {
  const problems = watch(page);
  // A clipboard that answers when told to, and then refuses (the field to
  // copy by hand would be shown, in a detail that is gone by then).
  await page.addInitScript(() => {
    const w = window as unknown as { __answer?: () => void };
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => new Promise((_, reject) => (w.__answer = () => reject(new Error('no')))) },
    });
  });
  await page.goto(pagePath('en', SUMMIT));
  await ready(page);
  await page.locator('section.detail').getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.evaluate(() => typeof (window as { __answer?: unknown }).__answer)).toBe('function');
  await page.keyboard.press('Escape');
  await expect(page.locator('section.detail')).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __answer: () => void }).__answer());
  // The app still answers, after the frame the field would have taken.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await events(page).first().locator('.event-link').click();
  await expect(page.locator('section.detail #detail-heading')).toBeFocused();
  expect(problems).toEqual([]);
  await expect(page.locator('#panic-message')).toHaveCount(0);
});

/** Variants of the real data that the checks accept (tests/valid_input.rs
 * checks the same kinds natively, over thousands of generated documents). */
const VARIANTS: Record<string, (doc: ReturnType<typeof syntheticDoc>) => void> = {
  'an era after the last event': (doc) => {
    const last = doc.eras[doc.eras.length - 1];
    last.end = '2026-12-31';
    doc.eras.push({ ...structuredClone(last), id: 'next', start: '2027-01-01', end: undefined });
  },
  'a month-precision update': (doc) => {
    doc.updated = doc.updated.slice(0, 7);
  },
  'an era no event falls in, and a single year': (doc) => {
    doc.events = doc.events.filter((e: { date: string }) => e.date.startsWith('2019'));
  },
};

for (const [name, edit] of Object.entries(VARIANTS)) {
  test(`data with ${name} hydrates without an error`, async ({ page }) => {
    const problems = watch(page);
    const doc = syntheticDoc(40);
    edit(doc);
    await serve(page, doc);
    await page.goto(pagePath('en', undefined, '?from=2027'));
    await ready(page);
    await expect(page.locator('.result-count')).toBeVisible();
    await page.goto(pagePath('es', undefined, '?from=2020&to=2010'));
    await ready(page);
    await expect(events(page).first()).toBeVisible();
    await expect(page.locator('#panic-message')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}
