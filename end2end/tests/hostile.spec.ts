// Hostile input (issue #8): data and addresses written to break the page,
// under the Content Security Policy. Nothing may run, nothing may leave a
// blank page. hostile-faults.spec.ts has the faults in loading the data and
// a panic.
//
// Every page gets a `__pwned()` function that the hostile payloads call
// (`<img src=x onerror=__pwned()>`, …): if it ever runs, markup from the
// data or the address was parsed as HTML. Data files come from
// tests/fixtures/hostile/ (the same corpus the native tests check). Every
// page is prerendered from the build's data: served other data, the app
// renders the page afresh from it.
import { expect, test, type Page } from '@playwright/test';
import {
  DATA,
  DATA_ROUTE,
  events,
  expectNothingRan as expectClean,
  hostileFixture as fixture,
  pagePath,
  pwned,
  ready,
  switchTo,
  violations,
  watchHostile as watch,
} from '../helpers.mjs';

/** Serves a file of the hostile corpus as data/events.json. */
async function serveData(page: Page, name: string) {
  const body = fixture(name);
  await page.route(DATA_ROUTE, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }),
  );
}

// A Spanish-speaking reader: `/` is the Spanish home page for them.
test.use({ locale: 'es-MX' });

// --------------------------------------------------------------- CSP

test.describe('the Content Security Policy', () => {
  test('is in the page, allows no inline script or style, and the page runs under it', async ({ page }) => {
    const seen = await watch(page);
    await page.goto('/');
    await ready(page);
    await expect(events(page).first()).toBeVisible();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    // The structured data is a JSON-LD data block, which the browser never runs.
    const inline = 'script:not([src]):not([type="application/ld+json"])';
    expect(await page.locator(inline).count(), 'inline scripts').toBe(0);
    // Use the page: open an event, filter, search, switch language.
    await events(page).first().locator('a.event-link').click();
    await expect(page.locator('section.detail')).toBeVisible();
    // On phones the detail covers the list: close it.
    await page.locator('.detail-close').click();
    await expect(page.locator('section.detail')).toHaveCount(0);
    await page.locator('fieldset.topics input[type=checkbox]').first().check();
    await page.locator('#search').fill('méxico');
    await switchTo(page, 'English');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('.clear').click();
    await expect(events(page).first()).toBeVisible();
    await expectClean(page, seen);
  });

  test('also in the sub-path build', async ({ page }) => {
    const seen = await watch(page);
    await page.goto('/sub/path/en/');
    await ready(page);
    await expect(events(page).first()).toBeVisible();
    await expectClean(page, seen);
  });

  test('is enforced: injected inline scripts and handlers are refused and reported', async ({ page }) => {
    await watch(page);
    await page.goto(pagePath('en'));
    await ready(page);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="__pwned()" alt="">');
      const script = document.createElement('script');
      script.textContent = '__pwned()';
      document.body.append(script);
    });
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThanOrEqual(2);
    expect(await pwned(page)).toBe(false);
  });
});

// ------------------------------------------------------ hostile data

const PAYLOADS = [
  '<img src=x onerror="__pwned()">',
  '<script>__pwned()</script>',
  '"><svg onload=__pwned()>',
  `'><iframe srcdoc="<script>parent.__pwned()</script>"></iframe>`,
  '<a href="javascript:__pwned()">click me</a>',
  '</p><details open ontoggle=__pwned()>x</details>',
  '<style>*{display:none}</style>',
  '{{__pwned()}} { $count } {"{"} ${__pwned()}',
  '&lt;b&gt; &amp; &#x3C;script&#x3E;__pwned()&#x3C;/script&#x3E;',
];

test.describe('markup in the data', () => {
  // Without the CSP, so that this proves the rendering itself is safe: had
  // any text been parsed as HTML, `__pwned()` would have run.
  test.use({ bypassCSP: true });

  test('is shown as text everywhere and never runs', async ({ page }) => {
    const seen = await watch(page);
    await serveData(page, 'markup-in-text.json');
    await page.goto(pagePath('en'));
    await ready(page);
    await expect(events(page)).toHaveCount(PAYLOADS.length + 1);
    for (const [i, payload] of PAYLOADS.entries()) {
      const link = page.locator(`#card-markup-${i + 1} a.event-link`);
      await expect(link).toHaveText(payload);
      await link.click();
      const detail = page.locator('section.detail');
      await expect(detail.locator('#detail-heading')).toHaveText(payload);
      // Body (two paragraphs), caveat, place, quote, speaker, source.
      expect(await detail.evaluate((d, p) => d.textContent!.split(p).length - 1, payload)).toBeGreaterThanOrEqual(7);
      await page.locator('.detail-close').click();
    }
    await page.locator('#card-odd-characters a.event-link').click();
    await expect(page.locator('section.detail a[href^="https://example.org/?q="]')).toHaveAttribute(
      'href',
      'https://example.org/?q="><svg/onload=__pwned()>&x=<script>',
    );
    await page.locator('.detail-close').click();
    // Names of topics, actors and eras, in the filters and the overview.
    await expect(page.locator('fieldset.topics')).toContainText('Diplomacy "><svg onload=__pwned()>');
    await expect(page.locator('#actor')).toContainText('Marco Rubio <img src=x onerror="__pwned()">');
    // A search for markup finds it as text.
    await page.locator('#search').fill('<script>');
    await expect(page.locator('#card-markup-2')).toBeVisible();
    // Not one element came from the data. (The overview's own SVG is the
    // one `svg` the page has.)
    await expect(page.locator('svg')).toHaveCount(1);
    await expect(page.locator('svg.axis')).toHaveCount(1);
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          'body script:not([type="application/ld+json"]), body style, iframe[srcdoc], img[src="x"], svg:not(.axis), details[open], [onerror], [onload], [ontoggle], a[href^="javascript" i]',
        ).length,
    );
    expect(injected).toBe(0);
    await expect(page.locator('body')).toBeVisible();
    expect(await pwned(page), 'a payload ran').toBe(false);
    expect(seen.uncaught).toEqual([]);
    // The hook works: the same payload parsed as HTML does run.
    await page.evaluate((p) => document.body.insertAdjacentHTML('beforeend', p), PAYLOADS[0]);
    await expect.poll(() => pwned(page)).toBe(true);
  });
});

test.describe('events with errors', () => {
  for (const [lang, notice] of [
    ['es', '12 eventos no se muestran porque sus datos tienen errores.'],
    ['en', '12 events are not shown because their data has errors.'],
  ] as const) {
    test(`links that are not web addresses are left out and reported (${lang})`, async ({ page }) => {
      const seen = await watch(page);
      await serveData(page, 'bad-links.json');
      await page.goto(pagePath(lang));
      await ready(page);
      await expect(page.locator('.data-notice')).toHaveText(notice);
      await expect(events(page)).toHaveCount(1);
      await expect(page.locator('#card-good-link')).toBeVisible();
      await page.locator('#card-good-link a.event-link').click();
      await expect(page.locator('section.detail a[href="https://example.org/ok"]')).toBeVisible();
      // Every link on the page is a web address.
      const protocols = await page.evaluate(() => [
        ...new Set([...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).protocol)),
      ]);
      expect(protocols.filter((p) => p !== 'http:' && p !== 'https:')).toEqual([]);
      // Editors find each problem in the console.
      expect(seen.warnings.filter((w) => w.includes('is not a web address'))).toHaveLength(12);
      await expectClean(page, seen);
    });
  }

  test('a left-out event cannot be opened by its page', async ({ page }) => {
    const seen = await watch(page);
    // The build's data, edited after the build: one event's source is no
    // longer a web address, so that event is left out. Its page was
    // prerendered from the good data; the app renders it afresh.
    const doc = structuredClone(DATA);
    const id = 'rubio-de-la-fuente-call-2026-01-11';
    doc.events.find((e: { id: string }) => e.id === id).sources[0].url = 'javascript:__pwned()';
    await page.route(DATA_ROUTE, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(doc) }),
    );
    await page.goto(pagePath('en', id));
    await ready(page);
    await expect(page.locator('.data-notice')).toHaveText('One event is not shown because its data has errors.');
    await expect(page.locator('section.not-found')).toContainText(`We could not find the event “${id}”.`);
    await expect(page.locator(`#card-${id}`)).toHaveCount(0);
    await expect(events(page)).toHaveCount(DATA.events.length - 1);
    await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
    expect(seen.warnings.filter((w) => w.includes('is not a web address'))).toHaveLength(1);
    // Its way out: the whole timeline.
    await page.locator('section.not-found').getByRole('button', { name: 'See the whole timeline' }).click();
    await expect(page.locator('section.not-found')).toHaveCount(0);
    await expect(page).toHaveURL(pagePath('en'));
    await expectClean(page, seen);
  });

  test('broken records are left out and reported; the good one shows', async ({ page }) => {
    const seen = await watch(page);
    await serveData(page, 'bad-records.json');
    const total = JSON.parse(fixture('bad-records.json').toString()).events.length;
    await page.goto('/');
    await ready(page);
    await expect(page.locator('.data-notice')).toHaveText(
      `${total - 1} eventos no se muestran porque sus datos tienen errores.`,
    );
    await expect(events(page)).toHaveCount(1);
    await expect(page.locator('#card-good-record')).toBeVisible();
    // Each problem is in the console, where editors look.
    expect(
      seen.warnings.some(
        (w) => w.includes('events[1] (event "<script>__pwned()</script>")') && w.includes('is not a valid id'),
      ),
    ).toBe(true);
    expect(seen.warnings.filter((w) => w.startsWith('events.json: line '))).toHaveLength(total - 1);
    await expectClean(page, seen);
  });

  test('a byte-order mark is ignored', async ({ page }) => {
    const seen = await watch(page);
    await serveData(page, 'byte-order-mark.json');
    await page.goto(pagePath('en'));
    await ready(page);
    await expect(events(page)).toHaveCount(4);
    await expect(page.locator('.data-notice')).toHaveCount(0);
    await expectClean(page, seen);
  });
});

// -------------------------------------------------- hostile addresses

const LONG = 'x'.repeat(10_000);

test.describe('hostile addresses', () => {
  // The browser's language is English, so the home page is /en/, and an
  // unknown ?lang= falls back to it (an embed excepted).
  test.use({ locale: 'en-US' });

  for (const [query, what, lang] of [
    ['?q=%E0%A4%A', 'a cut-off escape in the search', 'en'],
    ['?q=%00&event=%00&topic=%00', 'NUL characters', 'en'],
    [`?q=${LONG}`, 'a 10 000-character search', 'en'],
    [`?topic=${LONG}`, 'a 10 000-character topic', 'en'],
    [`?actor=${'a,'.repeat(5_000)}`, '5 000 actors', 'en'],
    ['?q=%3Cimg%20src%3Dx%20onerror%3D__pwned()%3E&topic=%3Csvg%20onload%3D__pwned()%3E,,,', 'markup', 'en'],
    // `embed` is on (%FF is not "0", "false" or "no"): an embed shows the
    // language its address names, here the Spanish home page's.
    ['?%=%&&==&%ZZ=%&q=%ZZ%&from=2026-02-30&to=99999&embed=%FF&childId=%22%3E', 'broken pairs and values', 'es'],
    ['?lang=xx', 'an unknown language', 'en'],
    ['?lang=%00%3Cscript%3E', 'a language with markup', 'en'],
    [`?lang=${LONG}`, 'a 10 000-character language', 'en'],
  ] as const) {
    test(`are reduced, not refused: ${what}`, async ({ page }) => {
      const seen = await watch(page);
      await page.goto(`/${query}`);
      await ready(page);
      await expect(page.locator('.result-count')).toHaveText(
        lang === 'en'
          ? /^(\d+ events|None of \d+ events match the filters|\d+ of \d+ events match(es)? the filters)$/
          : /^(\d+ eventos|Ninguno de \d+ eventos coincide con los filtros|\d+ de \d+ eventos coinciden? con los filtros)$/,
      );
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // The address now holds what the app understood: the home page, its
      // query short and plain.
      await expect.poll(() => page.url().length).toBeLessThan(1000);
      expect(new URL(page.url()).pathname).toBe(pagePath(lang));
      expect(page.url()).not.toMatch(/lang=|event=|%00|<|>/);
      expect((await page.locator('#search').inputValue()).length).toBeLessThanOrEqual(200);
      expect(seen.errors).toEqual([]);
      await expectClean(page, seen);
    });
  }

  for (const [event, shown] of [
    ['%3Cimg%20src%3Dx%20onerror%3D__pwned()%3E', '<img src=x onerror=__pwned()>'],
    ['%E0%A4%A', '\u{FFFD}%A'],
    [LONG, 'x'.repeat(80)],
  ] as const) {
    test(`an unknown event id says so, as text: ${shown.slice(0, 20)}`, async ({ page }) => {
      const seen = await watch(page);
      // An old link: no event has that id, so there is no page to go to;
      // the 404 page says so in both languages, and runs nothing.
      const missing = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/en/events/'));
      await page.goto(`/?lang=en&event=${event}`);
      expect((await missing).status()).toBe(404);
      await expect(page.locator('h1')).toHaveText(['Página no encontrada', 'Page not found']);
      await expect(page.locator('script')).toHaveCount(0);
      expect(await pwned(page), 'a hostile payload ran').toBe(false);
      await page.getByRole('link', { name: 'Go to the timeline in English' }).click();
      await ready(page);
      // The same id reached in the app (the address changed through
      // history): its message shows it as text, in both languages.
      await page.evaluate((id) => {
        history.pushState(null, '', `/en/events/${id}/`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, event);
      await expect(page.locator('section.not-found h2')).toHaveText(
        `We could not find the event “${shown}”. The link may be mistyped, or the event may no longer exist.`,
      );
      await switchTo(page, 'Español');
      await expect(page.locator('section.not-found h2')).toContainText(`No encontramos el evento «${shown}»`);
      await expect(events(page).first()).toBeVisible();
      await expectClean(page, seen);
    });
  }
});
