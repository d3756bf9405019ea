// route.js reads an address as the app does (src/address.rs): the page it
// moves the reader to, and the view it sets before the app starts; and the
// e2e helpers build the pages' paths as the app does. The
// table of addresses and of what the app makes of them is written by the
// native test tests/route_table.rs (`cargo test`, which `cargo xtask test`
// runs first); the built route.js runs over it here, in Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { eventOf, pagePath } from '../helpers.mjs';
import { E2E_DIST } from '../nginx.mjs';
import { loadTable, runTable } from '../route-table.mjs';

/** The built route.js, as the home page links it. */
function builtRouteJs() {
  const index = readFileSync(join(E2E_DIST, 'index.html'), 'utf8');
  const name = /src="?\/(route-[0-9a-f]+\.js)/.exec(index)?.[1];
  expect(name, 'dist/index.html links route-<hash>.js').toBeTruthy();
  return readFileSync(join(E2E_DIST, name!), 'utf8');
}

test('route.js reads every address of the shared table as the app does', async ({ page }) => {
  const cases = loadTable('route-cases.json');
  expect(cases.length).toBeGreaterThan(5_000);
  const source = builtRouteJs();
  await page.goto('about:blank');
  const result = await page.evaluate(runTable, { source, cases });
  console.log(`route.js: ${result.checked} addresses, ${result.moved} moved, ${result.disagreements.length} disagreements`);
  expect(result.disagreements.slice(0, 20)).toEqual([]);
  expect(result.checked).toBe(cases.length);
});

test('an id cut at 80 characters inside a surrogate pair still moves the page and sets its classes', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // 81 characters, 161 UTF-16 units: the 80th character is the pair at
  // units 79 and 80 (cutting at 80 units would split the 40th emoji).
  const emoji = '\u{1F600}';
  const id = `a${emoji.repeat(80)}`;
  await page.goto(`/?lang=en&event=${encodeURIComponent(id)}&topic=fentanyl`);
  const kept = [...id].slice(0, 80).join('');
  await expect(page).toHaveURL(`/en/events/${encodeURIComponent(kept)}/?topic=fentanyl`);
  expect(errors).toEqual([]);
});

test("the helpers' page paths are the app's", () => {
  const { pages } = loadTable('route-more.json');
  expect(pages.length).toBeGreaterThan(20);
  for (const { lang, id, path } of pages) {
    expect(pagePath(lang, id ?? undefined), `${lang} ${id}`).toBe(`/${path}`);
    expect(eventOf(`http://127.0.0.1/${path}`), path).toBe(id);
  }
});
