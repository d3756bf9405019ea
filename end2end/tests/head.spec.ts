// The page's head has one owner (issue 25): `meta::head` in Rust, which the
// prerendering writes into each page and the browser applies to the live
// document as the reader moves. So after every move in the app, the live
// head must be, tag for tag, the head a crawler reads at that address. And
// the key-moments view (`?key=1`, issues 26 and 27) has its own prerendered
// page, `key-moments.html` beside each home page, with its own oEmbed
// response and link preview.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '@extractus/oembed-extractor';
import { expect, test, type Page } from '@playwright/test';
import { PORTS, eventOf, hideFilters, pagePath, ready, showFilters } from '../helpers.mjs';
import { E2E_DIST } from '../nginx.mjs';

// A Spanish-speaking reader: `/` stays the Spanish home page.
test.use({ locale: 'es-MX' });

const APP = `http://127.0.0.1:${PORTS.app}`;
const FACEBOOK = 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)';

/** The tags `meta::head` owns: description, canonical, alternates (language
 * twins, oEmbed, feed), Open Graph and X's. */
const OWNED = 'meta[name="description"], meta[property^="og:"], meta[name^="twitter:"], link[rel="canonical"], link[rel="alternate"]';

type Head = { lang: string; title: string; tags: string[] };

/** A document's language, title and owned tags: the live document's, or
 * that of `html` as the browser's own parser reads it. Each tag is written
 * with its attributes sorted, and the tags sorted (the browser adds a
 * missing tag at the end of the head). Runs in the page. */
function readHead({ html, owned }: { html?: string; owned: string }): Head {
  const doc = html === undefined ? document : new DOMParser().parseFromString(html, 'text/html');
  const tags = [...doc.head.querySelectorAll(owned)].map((el) =>
    [el.localName, ...[...el.attributes].map((a) => `${a.name}="${a.value}"`).sort()].join(' '),
  );
  return { lang: doc.documentElement.lang, title: doc.title, tags: tags.sort() };
}

/** The live document's head. */
const live = (page: Page) => page.evaluate(readHead, { owned: OWNED });

/** The prerendered page a crawler gets for the address `url`, read by the
 * browser's own HTML parser. The key-moments view is `key-moments.html`
 * beside its home page, which the shipped hosts serve for `?key=1`. */
async function served(page: Page, url: string): Promise<Head> {
  const { pathname, searchParams } = new URL(url);
  const keyView = searchParams.get('key') === '1' && eventOf(url) === null;
  const res = await fetch(`${APP}${pathname}${keyView ? 'key-moments.html' : ''}`, { headers: { 'User-Agent': FACEBOOK } });
  expect(res.status, url).toBe(200);
  const html = await res.text();
  return page.evaluate(readHead, { html, owned: OWNED });
}

/** Waits until the live head is the prerendered head of the page's address
 * (`<html lang>` follows a language switch a frame later). */
async function expectServedHead(page: Page) {
  const expected = await served(page, page.url());
  expect(expected.tags.length, page.url()).toBeGreaterThan(20);
  await expect.poll(() => live(page), { message: page.url() }).toEqual(expected);
}

test('after each move in the app, the live head is the prerendered head of its address', async ({ page }) => {
  await page.goto(pagePath('es'));
  await ready(page);
  await expectServedHead(page);
  // Open an event.
  const link = page.locator('li.event a[href*="eventos/"]').first();
  await link.click();
  await expect(page).toHaveURL(/\/eventos\/[^/]+\/$/);
  const id = eventOf(page.url())!;
  await expectServedHead(page);
  // Switch language with the event open.
  await page.locator('.language-switch a[lang=en]').click();
  await expect(page).toHaveURL(`${APP}${pagePath('en', id)}`);
  await expectServedHead(page);
  // Close the event.
  await page.locator('section.detail').getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(`${APP}${pagePath('en')}`);
  await expectServedHead(page);
  // The key moments on, in both languages, and off again.
  await page.locator('.key-moments-link a').click();
  await expect(page).toHaveURL(`${APP}${pagePath('en', undefined, '?key=1')}`);
  await expectServedHead(page);
  await page.locator('.language-switch a[lang=es]').click();
  await expect(page).toHaveURL(`${APP}${pagePath('es', undefined, '?key=1')}`);
  await expectServedHead(page);
  await showFilters(page);
  await page.locator('.key-toggle input').uncheck();
  await hideFilters(page);
  await expect(page).toHaveURL(`${APP}${pagePath('es')}`);
  await expectServedHead(page);
  // Keystrokes in the search leave the head alone (the app skips it while
  // the page is the same); an event opened from the results gets its own.
  await showFilters(page);
  await page.locator('#search').pressSequentially('armas');
  await hideFilters(page);
  await expect(page).toHaveURL(/[?&]q=armas/);
  await expectServedHead(page);
  await page.locator('li.event a[href*="eventos/"]').first().click();
  await expect(page).toHaveURL(/\/eventos\/[^/]+\/(\?.*)?$/);
  await expectServedHead(page);
});

test('an address of the key moments, loaded, gets their head once the app runs', async ({ page }) => {
  await page.goto(pagePath('en', undefined, '?key=1'));
  await ready(page);
  await expectServedHead(page);
});

test.describe('the key-moments view as crawlers and CMSs read it', () => {
  for (const lang of ['es', 'en'] as const) {
    const home = pagePath(lang);
    const view = `${APP}${pagePath(lang, undefined, '?key=1')}`;

    test(`${lang}: its own head, the home page's body, and its own oEmbed response`, async ({ page }) => {
      const res = await fetch(`${APP}${home}key-moments.html`, { headers: { 'User-Agent': FACEBOOK } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      const homeHtml = await (await fetch(`${APP}${home}`)).text();
      const body = (h: string) => h.slice(h.indexOf('<body'));
      expect(body(html)).toBe(body(homeHtml));
      const head = await served(page, view);
      const has = (tag: string) => expect(head.tags, tag).toContain(tag);
      has(`link href="${view}" rel="canonical"`);
      has(`meta content="${view}" property="og:url"`);
      has(`link href="${APP}/?key=1" hreflang="x-default" rel="alternate"`);
      has(`meta content="${APP}/previews/${lang}/key-moments.png" property="og:image"`);
      has(`meta content="summary_large_image" name="twitter:card"`);
      expect(head.lang).toBe(lang);
      const homeHead = await served(page, `${APP}${home}`);
      expect(head.title).not.toBe(homeHead.title);

      // The oEmbed response, found from the page as a second consumer
      // finds it, and framing the key moments' embed.
      const file = JSON.parse(readFileSync(join(E2E_DIST, home, 'key-moments.oembed.json'), 'utf8'));
      const found = await extract(`${APP}${home}key-moments.html`, { maxwidth: 500, maxheight: 700 });
      expect(found).toEqual({ ...file, method: 'auto-discovery' });
      expect(file.type).toBe('rich');
      expect(file.title).toBe(head.title);
      expect(file.thumbnail_url).toBe(`${APP}/previews/${lang}/key-moments.png`);
      const src = (file.html as string).match(/<iframe src="([^"]+)"/)![1].replaceAll('&amp;', '&');
      expect(src).toBe(`${view}&embed=1`);
      await page.goto(src);
      await ready(page);
      await expect(page.locator('html')).toHaveClass(/\bembed\b/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('.key-toggle input')).toBeChecked();
    });

    test(`${lang}: a link preview shows the key moments' own image and title`, async () => {
      for (const agent of [FACEBOOK, 'Twitterbot/1.0']) {
        const html = await (await fetch(`${APP}${home}key-moments.html`, { headers: { 'User-Agent': agent } })).text();
        const meta = new Map<string, string>();
        for (const [, attrs] of html.matchAll(/<meta\s([^>]*)>/g)) {
          const key = attrs.match(/(?:property|name)="([^"]+)"/)?.[1];
          const content = attrs.match(/content="([^"]*)"/)?.[1];
          if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
        }
        const title = agent === FACEBOOK ? meta.get('og:title') : (meta.get('twitter:title') ?? meta.get('og:title'));
        expect(title, agent).toBe(html.match(/<title>([^<]+)<\/title>/)![1]);
        expect(meta.get('twitter:card')).toBe('summary_large_image');
        const image = await fetch(`${APP}${new URL(meta.get('og:image')!).pathname}`, { headers: { 'User-Agent': agent } });
        expect(image.status).toBe(200);
        expect(image.headers.get('content-type')).toBe('image/png');
        const png = Buffer.from(await image.arrayBuffer());
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
        expect(meta.get('og:image:alt')).toBeTruthy();
      }
    });
  }
});
