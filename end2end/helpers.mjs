// What the specs and the benchmark share: the servers' ports, how to wait
// for the timeline, the accessibility rules, the route to the fault server,
// and the synthetic data of long timelines. Plain JavaScript, so that
// bench.mjs imports it as the specs do.

import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

import { e2ePorts } from './nginx.mjs';

export { e2ePorts };
export const PORTS = e2ePorts();

// ------------------------------------------------------------ the page

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {import('@playwright/test').FrameLocator} FrameLocator */

/** The events shown in the list. @param {Page | FrameLocator} page */
export const events = (page) => page.locator('ol.event-list > li');

/** How many events the list shows. @param {Page | FrameLocator} page */
export const eventCount = (page) => events(page).count();

/** Waits until the timeline shows at least one event.
 * @param {Page | FrameLocator} page */
export async function ready(page) {
  await expect(events(page).first()).toBeVisible();
}

/** The axe-core rules the pages must pass: WCAG 2.2 A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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

const DATA = new URL('../public/data/events.json', import.meta.url);

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
  const doc = JSON.parse(readFileSync(DATA, 'utf8'));
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
