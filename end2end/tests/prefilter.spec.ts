// Before the app starts, route.js filters the prerendered list of a linked
// view (`?topic=`, `?actor=`, `?key=`) with a stylesheet over the cards'
// data attributes, so that a reader on a slow network sees the linked view
// at once. The rule must be the app's: for each view of the shared table
// (tests/route_table.rs, with the events `timeline::apply` shows on the
// real data), the page loaded without the app shows exactly those cards.
import { expect, test } from '@playwright/test';

import { events } from '../helpers.mjs';
import { loadTable } from '../route-table.mjs';

type View = { path: string; search: string; lang: string; ids: string[] };
const VIEWS: View[] = loadTable('route-more.json').views;
/** Parts of the table, run by the two workers side by side. */
const PARTS = 4;

for (let part = 0; part < PARTS; part++) {
  test(`route.js shows the cards the app shows, without the app (part ${part + 1} of ${PARTS})`, async ({ page }) => {
    test.setTimeout(120_000);
    // Only route.js runs: the app's code is refused, so boot.js gives up
    // (`html.no-wasm`) and the list stays as route.js left it.
    await page.route(/\/cronologia-[0-9a-f]+(?:_bg\.wasm|\.js)$/, (route) => route.abort());
    const wrong: string[] = [];
    const views = VIEWS.filter((_, i) => i % PARTS === part);
    for (const view of views) {
      const href = `/${view.path}${view.search}`;
      await page.goto(href);
      await expect(page.locator('html')).toHaveClass(/\bno-wasm\b/);
      await expect(page.locator('html')).not.toHaveClass(/\bview-pending\b/);
      const shown = await events(page).evaluateAll((cards) =>
        cards.filter((card) => card.checkVisibility()).map((card) => card.id.replace(/^card-/, '')),
      );
      if (JSON.stringify(shown) !== JSON.stringify(view.ids)) {
        wrong.push(`${href}: route.js shows ${shown.length} cards [${shown.slice(0, 5)}…], the app ${view.ids.length} [${view.ids.slice(0, 5)}…]`);
      }
    }
    expect(wrong).toEqual([]);
    expect(views.length).toBeGreaterThan(20);
  });
}
