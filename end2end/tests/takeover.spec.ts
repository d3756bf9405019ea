// The take-over under pressure: whatever the reader does while the app
// starts (typing, a filter, the language switch, opening an event) is
// kept. Two moments: before the WebAssembly runs, when the page is the
// prerendered one (held with page.route), and between the hydration and
// the task in which the app applies the address (src/browser.rs,
// `take_over`), when the page's handlers are the app's but the address's
// view is still to come (held by holding the page's zero-delay timers).
import { expect, test, type Page } from '@playwright/test';

import { DATA, holdApp, ready } from '../helpers.mjs';

const EVENTS: { id: string; title: { es: string; en: string }; topics: string[] }[] = DATA.events;
const SOME = EVENTS[3];
const TOPIC = DATA.topics[3].id as string;

test.use({ locale: 'es-MX' });

/** Holds every zero-delay timer of the page from its start, so that the
 * test can stop between the hydration and the app's next task:
 * `untilHydrated()` runs the held timers one at a time until the app has
 * hydrated the search box (its input listener is attached), and
 * `release()` lets the rest run. */
async function holdTimers(page: Page) {
  await page.addInitScript(() => {
    const realSetTimeout = window.setTimeout.bind(window);
    const held: (() => void)[] = [];
    let holding = true;
    let hydrated = false;
    const listen = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, ...rest: unknown[]) {
      if (type === 'input' && this instanceof HTMLElement && this.id === 'search') hydrated = true;
      return (listen as (...a: unknown[]) => void).call(this, type, ...rest);
    } as typeof listen;
    window.setTimeout = function (fn: TimerHandler, delay?: number, ...args: unknown[]) {
      if (holding && !(Number(delay) > 0) && typeof fn === 'function') {
        held.push(() => fn(...args));
        return 0;
      }
      return realSetTimeout(fn, delay, ...args);
    } as typeof setTimeout;
    (window as unknown as Record<string, unknown>).takeover = {
      async untilHydrated() {
        while (!hydrated) {
          held.shift()?.();
          await new Promise((next) => realSetTimeout(next, 5));
        }
      },
      release() {
        holding = false;
        for (const run of held.splice(0)) realSetTimeout(run, 0);
      },
    };
  });
  return {
    untilHydrated: () => page.evaluate(() => (window as any).takeover.untilHydrated()),
    release: () => page.evaluate(() => (window as any).takeover.release()),
  };
}

test.describe('before the WebAssembly runs', () => {
  test('typing goes on while the app starts, and every letter is kept', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(`/en/?topic=${TOPIC}`);
    const search = page.locator('#search');
    await expect(search).toBeEnabled();
    await search.pressSequentially('Ru');
    // A filter needs the app: it says so by being disabled, not by
    // dropping the click.
    await expect(page.locator('.key-toggle input')).toBeDisabled();
    release();
    // Typing on as the app starts, one letter at a time.
    await search.pressSequentially('bio', { delay: 30 });
    await ready(page);
    await expect(search).toHaveValue('Rubio');
    await expect(page).toHaveURL(`/en/?topic=${TOPIC}&q=Rubio`);
    await expect(page.locator('.result-count')).toContainText(' of ');
  });

  test('the language switch and an event are links until the app starts, then kept', async ({ page }) => {
    let release = await holdApp(page);
    await page.goto('/');
    await page.locator('.language-switch a[lang=en]').click();
    await expect(page).toHaveURL('/en/');
    release();
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.unrouteAll();
    release = await holdApp(page);
    await page.goto('/');
    await page.locator(`#card-${SOME.id} a.event-link`).click();
    await expect(page).toHaveURL(`/eventos/${SOME.id}/`);
    release();
    await ready(page);
    await expect(page.locator('#detail-heading')).toHaveText(SOME.title.es);
    await expect(page).toHaveURL(`/eventos/${SOME.id}/`);
  });
});

test.describe('between the hydration and the app applying the address', () => {
  test('letters typed then are kept, after those typed before', async ({ page }) => {
    const timers = await holdTimers(page);
    const release = await holdApp(page);
    await page.goto(`/en/?topic=${TOPIC}`);
    const search = page.locator('#search');
    await search.pressSequentially('Ru');
    release();
    await timers.untilHydrated();
    await expect(search).toHaveValue('Ru');
    await search.pressSequentially('bio');
    await timers.release();
    await ready(page);
    await expect(search).toHaveValue('Rubio');
    await expect(page).toHaveURL(`/en/?topic=${TOPIC}&q=Rubio`);
  });

  test('a language chosen then is kept', async ({ page }) => {
    const timers = await holdTimers(page);
    await page.goto('/');
    await timers.untilHydrated();
    await page.locator('.language-switch a[lang=en]').click();
    await timers.release();
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.language-switch a[lang=en]')).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveURL('/en/');
    // The page left is in history.
    await page.goBack();
    await expect(page).toHaveURL('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  });

  test('an event opened then stays open', async ({ page }) => {
    const timers = await holdTimers(page);
    await page.goto(`/en/?topic=${SOME.topics[0]}`);
    await timers.untilHydrated();
    await page.locator(`#card-${SOME.id} a.event-link`).click();
    await timers.release();
    await ready(page);
    await expect(page.locator('#detail-heading')).toHaveText(SOME.title.en);
    await expect(page).toHaveURL(`/en/events/${SOME.id}/?topic=${SOME.topics[0]}`);
  });
});
