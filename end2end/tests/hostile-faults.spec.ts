// Failure (issue #8): faults in loading the data, from the fault server's
// `/__fault/<name>` routes (serve.mjs, faults.mjs; helpers.mjs's
// `serverFault` routes the data request there), and a panic. Nothing may
// leave a blank page, and every failure says what happened in the reader's
// language, with a way out; the prerendered page stays, with the error
// above it.
import { expect, test, type Page } from '@playwright/test';
import {
  DATA,
  DATA_ROUTE,
  events,
  expectNothingRan as expectClean,
  hostileFixture as fixture,
  loadError as alert,
  pagePath,
  ready,
  serverFault,
  switchTo,
  violations,
  watchHostile as watch,
} from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them.
test.use({ locale: 'es-MX' });

// ------------------------------------------------ faults in loading

/** The specific message of each kind of fault, in both languages. */
const MESSAGE = {
  network: [
    'No hay conexión con el servidor. Revisa tu conexión a internet e inténtalo de nuevo.',
    'The server cannot be reached. Check your internet connection and try again.',
  ],
  http: (code: number) => [
    `El servidor respondió con un error (código ${code}).`,
    `The server answered with an error (code ${code}).`,
  ],
  timeout: ['El servidor tardó demasiado en responder.', 'The server took too long to answer.'],
  empty: ['El archivo de datos está vacío.', 'The data file is empty.'],
  tooLarge: ['El archivo de datos es demasiado grande para cargarlo.', 'The data file is too large to load.'],
  syntax: (pos = String.raw`\d+`, col = String.raw`\d+`) => [
    new RegExp(`^El archivo de datos está dañado o incompleto \\(línea ${pos}, columna ${col}\\)\\.$`),
    new RegExp(`^The data file is damaged or incomplete \\(line ${pos}, column ${col}\\)\\.$`),
  ],
  shape: ['El archivo de datos no tiene el formato esperado.', 'The data file is not in the expected format.'],
  version: (v: number) => [
    `El archivo de datos usa una versión de formato que esta página no conoce (${v}).`,
    `The data file uses a format version this page does not know (${v}).`,
  ],
};

type Expected = readonly (string | RegExp)[];

/** Loads the Spanish page while `fault` answers for the data; checks the
 * message in Spanish, then on the English page (the language switch leads
 * there too, see below); clears the fault and retries. `whileWaiting` runs
 * after each request for the data. */
async function expectFault(
  page: Page,
  fault: (route: import('@playwright/test').Route) => Promise<void>,
  [es, en]: Expected,
  whileWaiting?: () => Promise<void>,
) {
  const seen = await watch(page);
  let faulty = true;
  await page.route(DATA_ROUTE, (route) => (faulty ? fault(route) : route.continue()));
  let requested = page.waitForRequest(DATA_ROUTE);
  await page.goto('/');
  await requested;
  await whileWaiting?.();
  await expect(alert(page).locator('h2')).toHaveText('No pudimos cargar la cronología');
  await expect(alert(page).locator('p')).toHaveText(es);
  // The prerendered page stays readable; the app did not take it over.
  await expect(events(page)).toHaveCount(DATA.events.length);
  await expect(events(page).first()).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  requested = page.waitForRequest(DATA_ROUTE);
  await page.goto(pagePath('en'));
  await requested;
  await whileWaiting?.();
  await expect(alert(page).locator('h2')).toHaveText('We could not load the timeline');
  await expect(alert(page).locator('p')).toHaveText(en);
  await expect(events(page).first()).toBeVisible();
  // The fault clears; the retry button loads the timeline, and the app
  // takes the page over.
  faulty = false;
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(events(page).first()).toBeVisible();
  await expect(alert(page)).toHaveCount(0);
  await expect(page.locator('#search')).toBeEnabled();
  await expectClean(page, seen);
}

test.describe('a fault in loading the data', () => {
  for (const [name, expected] of [
    ['network', MESSAGE.network],
    ['dropped-body', MESSAGE.network],
    ['status-404', MESSAGE.http(404)],
    ['status-500', MESSAGE.http(500)],
    ['status-503', MESSAGE.http(503)],
    ['empty', MESSAGE.empty],
    ['truncated', MESSAGE.syntax()],
    ['wrong-shape', MESSAGE.shape],
    ['html', MESSAGE.syntax('1', '1')],
    ['huge-declared', MESSAGE.tooLarge],
    ['huge-chunked', MESSAGE.tooLarge],
  ] as const) {
    test(`${name}: a specific message in both languages, and retry works`, async ({ page }) => {
      await expectFault(page, serverFault(name), expected);
    });
  }

  test('the language switch still leads to the other language above the message', async ({ page }) => {
    // Without the app the switch is a plain link to the twin page, which
    // gives the message in its language.
    await page.route(DATA_ROUTE, serverFault('status-500'));
    await page.goto('/');
    await expect(alert(page).locator('p')).toHaveText(MESSAGE.http(500)[0]);
    await switchTo(page, 'English');
    await expect(page).toHaveURL(pagePath('en'));
    await expect(alert(page).locator('p')).toHaveText(MESSAGE.http(500)[1]);
    await switchTo(page, 'Español');
    await expect(page).toHaveURL(pagePath('es'));
    await expect(alert(page).locator('p')).toHaveText(MESSAGE.http(500)[0]);
  });

  test('a request the browser cannot send: network message', async ({ page }) => {
    await expectFault(page, (route) => route.abort('internetdisconnected'), MESSAGE.network);
  });

  // The app gives up after 15 s; the page's clock is moved on, not waited for.
  for (const name of ['slow', 'stalled-body']) {
    test(`${name}: times out with its message, and retry works`, async ({ page }) => {
      await page.clock.install();
      await expectFault(page, serverFault(name), MESSAGE.timeout, async () => {
        // The prerendered page shows while the data is awaited.
        await expect(events(page).first()).toBeVisible();
        await expect(alert(page)).toHaveCount(0);
        await page.clock.runFor(15_000);
      });
    });
  }

  for (const [name, expected] of [
    ['not-an-object.json', MESSAGE.shape],
    ['header-wrong-type.json', MESSAGE.shape],
    ['html-instead-of-json.json', MESSAGE.syntax('1', '1')],
    ['lone-surrogate.json', MESSAGE.syntax()],
    ['number-out-of-range.json', MESSAGE.syntax()],
    ['deep-nesting.json', MESSAGE.syntax()],
    ['future-version.json', MESSAGE.version(99)],
  ] as const) {
    test(`${name}: refused with its message, nothing of it runs`, async ({ page }) => {
      const body = fixture(name);
      await expectFault(page, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }), expected);
    });
  }
});

// ----------------------------------------------------------- panic

test.describe('a panic', () => {
  // Only the sub-path build has the test hook (the `test-hooks` feature).
  for (const [start, other, expected] of [
    ['en', 'Español', { title: 'Algo salió mal', reload: 'Recargar la página', lang: 'es' }],
    ['es', 'English', { title: 'Something went wrong', reload: 'Reload the page', lang: 'en' }],
  ] as const) {
    test(`shows "something went wrong" in the current language (${expected.lang}), with a reload link`, async ({
      page,
    }) => {
      const seen = await watch(page);
      await page.goto(`/sub/path${pagePath(start, undefined, '?q=m')}`);
      await ready(page);
      await expect(events(page).first()).toBeVisible();
      // The message follows the language chosen after the start.
      await switchTo(page, other);
      await expect(page.locator('html')).toHaveAttribute('lang', expected.lang);
      // A test-only export: no link or parameter reaches it (src/panic.rs).
      expect(
        await page.evaluate(() => typeof (window as any).wasmBindings?.__panicForTests),
        'the sub-path build, built with `test-hooks`, exports the hook',
      ).toBe('function');
      await page.evaluate(() => {
        try {
          (window as unknown as { wasmBindings: { __panicForTests(): void } }).wasmBindings.__panicForTests();
        } catch {
          // The wasm traps after the hook has run.
        }
      });
      const message = page.locator('#panic-message');
      await expect(message).toHaveAttribute('role', 'alert');
      await expect(message.locator('h2')).toHaveText(expected.title);
      await expect(message).toHaveAttribute('lang', expected.lang);
      expect(seen.errors.some((e) => e.includes('panicked at'))).toBe(true);
      // The link reloads the same view: the page now shown, its search kept.
      const link = message.getByRole('link', { name: expected.reload });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('href', `/sub/path${pagePath(expected.lang, undefined, '?q=m')}`);
      await link.click();
      await ready(page);
      await expect(page).toHaveURL(`/sub/path${pagePath(expected.lang, undefined, '?q=m')}`);
      await expect(events(page).first()).toBeVisible();
      await expect(page.locator('#panic-message')).toHaveCount(0);
      await expect(page.locator('#search')).toHaveValue('m');
      expect(await violations(page)).toEqual([]);
    });
  }

  test('the build that ships has no way to cause one', async ({ page }) => {
    await page.goto(pagePath('en'));
    await ready(page);
    expect(await page.evaluate(() => typeof (window as any).wasmBindings?.__panicForTests)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as any).wasmBindings)).toBe('object');
  });
});
