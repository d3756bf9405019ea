// What the specs and the benchmark share, each written once: the servers'
// ports, the data file, the card selector, how to wait for the timeline,
// the language switch, the console watcher, holding the app back, the
// accessibility rules, the route to the fault server, and the synthetic
// data of long timelines. Plain JavaScript, so that bench.mjs imports it as
// the specs do.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';

import { E2E_DIST, e2ePorts } from './nginx.mjs';

export { e2ePorts };
export const PORTS = e2ePorts();

// ------------------------------------------------------------ the data

/** The data file of the build under test (a copy of public/data/events.json). */
export const DATA_FILE = join(E2E_DIST, 'data', 'events.json');
/** The data file's address, for `page.route`. */
export const DATA_ROUTE = '**/data/events.json';
/** The build's data, parsed. */
export const DATA = JSON.parse(readFileSync(DATA_FILE, 'utf8'));

// ------------------------------------------------------------ the page

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').FrameLocator} FrameLocator */

/** An event's card in the list. */
export const CARD = 'ol.event-list > li';

/** The events shown in the list. @param {Page | FrameLocator} page */
export const events = (page) => page.locator(CARD);

/** Presses the language switch's link to `name` ("English", "Español").
 * @param {Page | FrameLocator} page @param {string} name */
export const switchTo = (page, name) => page.locator('nav.language-switch').getByRole('link', { name }).click();

/** Records what goes wrong on a page: console errors (and warnings, with
 * `warnings`), uncaught exceptions, and (with `requests`) failed requests
 * and error responses.
 * @param {Page} page @param {{ warnings?: boolean, requests?: boolean }} [what] */
export function watchProblems(page, { warnings = false, requests = false } = {}) {
  /** @type {string[]} */
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || (warnings && msg.type() === 'warning')) problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  if (requests) {
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
  }
  return problems;
}

/** Holds the WebAssembly until `release()`, so that a test can act on the
 * prerendered page before the app starts. @param {Page} page */
export async function holdApp(page) {
  /** @type {() => void} */
  let release = () => {};
  const released = new Promise((done) => (release = () => done(undefined)));
  await page.route('**/*_bg.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** How many events the list shows. @param {Page | FrameLocator} page */
export const eventCount = (page) => events(page).count();

/** Waits until the app has taken the page over: `<html data-app="ready">`,
 * which src/browser.rs sets once it has hydrated the prerendered page (or
 * rendered it afresh from other data) and applied the address's view. Before
 * that the page is readable but its controls are disabled.
 * @param {Page | FrameLocator} page */
export async function ready(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
}

/** Opens a page (`pagePath`) and waits for the app to take it over.
 * @param {Page} page @param {'es' | 'en'} lang @param {string} [query] @param {string} [id] */
export async function openPage(page, lang, query = '', id) {
  await page.goto(pagePath(lang, id, query));
  await ready(page);
}

/** The path of a prerendered page, from the site's root (src/address.rs,
 * `Page::path`): `/`, `/en/`, `/eventos/<id>/`, `/en/events/<id>/`; `query`
 * (with its `?`) is appended.
 * @param {'es' | 'en'} lang
 * @param {string} [id] an event's id
 * @param {string} [query] */
export function pagePath(lang, id, query = '') {
  const home = lang === 'en' ? '/en/' : '/';
  const event = id ? `${lang === 'en' ? 'events' : 'eventos'}/${escapeId(id)}/` : '';
  return `${home}${event}${query}`;
}

/** An id as a path holds it: all but letters, digits and `-_.~,` escaped
 * (`address::encode`; encodeURIComponent keeps `!'()*` and escapes `,`).
 * route.spec.ts checks it against the shared table. @param {string} id */
function escapeId(id) {
  return encodeURIComponent(id)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/g, ',');
}

/** The open event's id, read from the page's path. @param {string} url */
export function eventOf(url) {
  const m = /\/(?:en\/events|eventos)\/([^/]+)\/$/.exec(new URL(url).pathname);
  return m ? decodeURIComponent(m[1]) : null;
}

/** Whether the overview and the filters wait in a sheet behind the
 * "Filter" button (`button.filter-toggle`): on phones (under 60rem) and in
 * embeds. On wide screens they are in the page.
 * @param {Page | FrameLocator} page */
export const filtersInSheet = (page) =>
  page.locator('html').evaluate((html) => html.classList.contains('embed') || !matchMedia('(min-width: 60rem)').matches);

/** Makes the filters and the overview reachable: opens the sheet where
 * there is one (and checks that it is a dialog), else checks that there is
 * no button to press.
 * @param {Page | FrameLocator} page */
export async function showFilters(page) {
  const toggle = page.locator('button.filter-toggle');
  const panel = page.locator('#filter-panel');
  if (await filtersInSheet(page)) {
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(panel).toHaveAttribute('role', 'dialog');
  } else {
    await expect(toggle).toBeHidden();
  }
  await expect(panel.locator('.filters')).toBeVisible();
}

/** Closes the filter sheet, where there is one and it is open, with its
 * own button, so that the list can be used again.
 * @param {Page | FrameLocator} page */
export async function hideFilters(page) {
  if (!(await filtersInSheet(page))) return;
  const panel = page.locator('#filter-panel');
  if (await panel.evaluate((p) => p.classList.contains('open'))) await panel.locator('.panel-close').click();
  await expect(panel).not.toHaveAttribute('role', 'dialog');
  await expect(panel.locator('.filters')).toBeHidden();
}

/** Waits until `locator`'s element is what a reader sees and presses at
 * its centre: not covered by another (a sheet, a panel, a neighbour).
 * Playwright's `toBeVisible` does not look at what is drawn on top.
 * @param {import('@playwright/test').Locator} locator */
export async function expectOnTop(locator) {
  await expect(locator).toBeVisible();
  await expect
    .poll(() =>
      locator.evaluate((el) => {
        const r = el.getBoundingClientRect();
        if (r.bottom < 0 || r.top > innerHeight) el.scrollIntoView({ block: 'center' });
        const s = el.getBoundingClientRect();
        const top = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
        return !!top && (top === el || el.contains(top));
      }),
    )
    .toBe(true);
}

/** The axe-core rules the pages must pass: WCAG 2.2 A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// ------------------------------------------------------------ hostile input

const FIXTURES = new URL('../tests/fixtures/hostile/', import.meta.url);

/** A file of the hostile corpus (tests/fixtures/hostile/, which the native
 * tests check too). @param {string} name */
export const hostileFixture = (name) => readFileSync(new URL(name, FIXTURES));

/** The load error's alert. @param {Page} page */
export const loadError = (page) => page.locator('.load-error[role=alert]');

/** Watches a page fed hostile input: gives it a `__pwned()` function that
 * the payloads call (`<img src=x onerror=__pwned()>`, …), records the
 * Content Security Policy's violation reports, and sorts `watchProblems`'s
 * findings into uncaught errors, console errors and warnings, and CSP
 * messages. @param {Page} page */
export async function watchHostile(page) {
  await page.addInitScript(() => {
    const w = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window));
    w.__pwnedCalled = false;
    w.__pwned = () => {
      w.__pwnedCalled = true;
    };
    /** @type {string[]} */
    const violations = [];
    w.__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  const problems = watchProblems(page, { warnings: true });
  /** @param {string} prefix */
  const only = (prefix) => problems.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  return {
    get uncaught() {
      return only('uncaught: ');
    },
    get errors() {
      return only('console error: ');
    },
    get warnings() {
      return only('console warning: ');
    },
    get csp() {
      return problems.filter((p) => /Content.Security.Policy/i.test(p));
    },
  };
}

/** Whether a hostile payload called `__pwned()`. @param {Page} page */
export const pwned = (page) => page.evaluate(() => /** @type {any} */ (window).__pwnedCalled);

/** The policy's violation reports so far. @param {Page} page */
export const violations = (page) => page.evaluate(() => /** @type {any} */ (window).__cspViolations);

/** Nothing ran, nothing broke, the policy was never hit.
 * @param {Page} page @param {Awaited<ReturnType<typeof watchHostile>>} seen */
export async function expectNothingRan(page, seen) {
  expect(await pwned(page), 'a hostile payload ran').toBe(false);
  expect(seen.uncaught, 'uncaught errors').toEqual([]);
  expect(seen.errors.filter((e) => /panicked|unreachable/i.test(e)), 'panics').toEqual([]);
  expect(await violations(page), 'CSP violations').toEqual([]);
  expect(seen.csp, 'CSP console messages').toEqual([]);
}

// ------------------------------------------------------------ faults

/** The fault server's URL for one of faults.mjs's broken answers. */
export const faultUrl = (name) => `http://127.0.0.1:${PORTS.faults}/__fault/${name}`;

/** A route handler that sends the request to one of faults.mjs's broken
 * answers, on the fault server (serve.mjs): the page still sees its own
 * origin's URL, the browser meets the real faulty response.
 * @param {string} name
 * @returns {(route: import('@playwright/test').Route) => Promise<void>} */
export const serverFault = (name) => (route) => route.continue({ url: faultUrl(name) });

// ------------------------------------------------------------ long timelines


/** The id of the i-th synthetic event: `e0000`, `e0001`, … (zero-padded,
 * so that ids sort as the events do within a day). */
export const syntheticId = (i, n) => `e${String(i).padStart(Math.max(4, String(n - 1).length), '0')}`;

/**
 * `n` events in the real schema, as a document like events.json: the real
 * events repeated (so each is of real length, with its sources and quotes)
 * with new ids (`syntheticId`) and dates spread evenly over the same years,
 * each in the era of its date. Deterministic: the same `n` gives the same
 * document.
 * @param {number} n
 */
export function syntheticDoc(n) {
  const doc = structuredClone(DATA);
  const start = Date.UTC(2007, 3, 1);
  const end = Date.UTC(2026, 1, 28);
  const events = [];
  for (let i = 0; i < n; i++) {
    const e = structuredClone(doc.events[i % doc.events.length]);
    const iso = new Date(start + ((end - start) * i) / n).toISOString().slice(0, 10);
    e.id = syntheticId(i, n);
    e.date = iso;
    delete e.end;
    // Events ahead of today would need a future date.
    if (e.status === 'announced') e.status = 'unconfirmed';
    e.era = doc.eras.find((era) => era.start <= iso && (!era.end || iso <= era.end))?.id ?? doc.eras[0].id;
    events.push(e);
  }
  return { ...doc, events };
}

/** `syntheticDoc(n)` as the text of a data file. @param {number} n */
export const synthetic = (n) => JSON.stringify(syntheticDoc(n));
