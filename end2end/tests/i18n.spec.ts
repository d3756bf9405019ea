// Spanish and English throughout: a prerendered page per language (`/`,
// `/en/`, `/eventos/<id>/`, `/en/events/<id>/`), switched in place without a
// reload, the address moving to the twin page through history.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type Pattern } from '@fluent/syntax';
import { expect, test, type Page } from '@playwright/test';
import { DATA, pagePath, ready, switchTo } from '../helpers.mjs';

const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';

/** The text of a pattern with no placeable or selector, its lines joined
 * and its white space collapsed as a page shows it; else `null`. */
function plainText(pattern: Pattern | null): string | null {
  if (!pattern || pattern.elements.some((e) => e.type !== 'TextElement')) return null;
  return pattern.elements
    .map((e) => (e.type === 'TextElement' ? e.value : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The plain-text messages of one locale (no placeables or selectors), by
 * id, multi-line ones included: read with Fluent's own parser, as
 * tests/locales.rs does with fluent-syntax. */
function plainMessages(lang: string): Map<string, string> {
  const dir = join(fileURLToPath(new URL('../../locales/', import.meta.url)), lang);
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    const resource = parse(readFileSync(join(dir, file), 'utf8'), { withSpans: false });
    for (const entry of resource.body) {
      if (entry.type === 'Junk') throw new Error(`${lang}/${file}: cannot parse ${entry.content.slice(0, 80)}`);
      if (entry.type !== 'Message') continue;
      const text = plainText(entry.value);
      if (text) out.set(entry.id.name, text);
    }
  }
  return out;
}

/** The text parts of a message, placeables left out: `{ $title } · US–Mexico
 * security timeline` gives ` · US–Mexico security timeline`. */
function textOf(lang: string, id: string): string {
  const dir = join(fileURLToPath(new URL('../../locales/', import.meta.url)), lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    const resource = parse(readFileSync(join(dir, file), 'utf8'), { withSpans: false });
    for (const entry of resource.body) {
      if (entry.type === 'Message' && entry.id.name === id && entry.value) {
        return entry.value.elements.map((e) => (e.type === 'TextElement' ? e.value : '')).join('');
      }
    }
  }
  throw new Error(`no message ${id} in locales/${lang}`);
}

/** Messages every page shows in both languages: the language switch names
 * each language in its own. */
const BILINGUAL = new Set(['language-name']);

/** Strings that only the `from` language would show: words the other
 * language translates differently, long enough not to match by chance. */
function foreignStrings(from: string, to: string): string[] {
  const a = plainMessages(from);
  const b = plainMessages(to);
  return [...a]
    .filter(([id, text]) => !BILINGUAL.has(id) && b.get(id) !== text && text.length >= 5)
    .map(([, t]) => t);
}

/** Every text a reader or a screen reader meets: visible text, labels,
 * placeholders, titles, and the document title and description. */
async function pageStrings(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
    );
    const description = document.querySelector('meta[name=description]')?.getAttribute('content') ?? '';
    return [document.body.innerText, document.title, description, ...attrs].join('\n').replace(/\s+/g, ' ');
  });
}

const EVENT = DATA.events.find((e: { id: string }) => e.id === CALL_15);

for (const [lang, other, name] of [
  ['es', 'en', 'English'],
  ['en', 'es', 'Español'],
] as const) {
  test(`switching from ${lang} to ${other} changes every string, the address and <html lang> without a reload`, async ({ page, baseURL }) => {
    await page.goto(pagePath(lang, CALL_15, '?topic=fentanyl&q=a'));
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('section.detail')).toBeVisible();
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const before = await pageStrings(page);
    for (const s of foreignStrings(other, lang)) expect(before, `${other} text on the ${lang} page`).not.toContain(s);
    // The switch: a link to the twin page, and this page marked current.
    const nav = page.locator('nav.language-switch');
    await expect(nav.getByRole('link', { name })).toHaveAttribute('href', pagePath(other, CALL_15));
    await expect(nav.getByRole('link', { name })).toHaveAttribute('hreflang', other);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('hreflang', lang);

    await page.evaluate(() => window.scrollTo(0, 400));
    const scroll = await page.evaluate(() => window.scrollY);
    expect(scroll).toBeGreaterThan(0);
    await switchTo(page, name);
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    // The twin page's address, the filters and the search kept.
    await expect(page).toHaveURL(pagePath(other, CALL_15, '?topic=fentanyl&q=a'));
    const after = await pageStrings(page);
    for (const s of foreignStrings(lang, other)) expect(after, `${lang} text left on the ${other} page`).not.toContain(s);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('hreflang', other);
    // The open event and the scroll position stay.
    await expect(page.locator('section.detail #detail-heading')).toHaveText(EVENT.title[other]);
    expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
    // The document describes the page now shown.
    await expect(page).toHaveTitle(`${EVENT.title[other]}${textOf(other, 'app-event-document-title')}`);
    await expect(page.locator('meta[name=description]')).toHaveAttribute('content', EVENT.summary[other]);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${baseURL}${pagePath(other, CALL_15)}`);
    // Back returns to the first language's page, in place.
    await page.goBack();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page).toHaveURL(pagePath(lang, CALL_15, '?topic=fentanyl&q=a'));
    await expect(page.locator('section.detail #detail-heading')).toHaveText(EVENT.title[lang]);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  });
}

test('after a switch, the live regions announce in the new language at once, and <html lang> follows after the frame', async ({ browser }) => {
  // A Spanish browser, so that `/` stays the Spanish page to switch from.
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto(pagePath('es', null));
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const regions = ['p.result-count', 'p.range'];
  // Read in the task after the click, once the app has drawn the new texts:
  // what a screen reader hears first. And <html lang> as it changes, with
  // the frames drawn since the click: it must change to the new language,
  // after a frame, not while the click is handled.
  const atOnce = await page.evaluate(async (selectors) => {
    const html = document.documentElement;
    let frames = 0;
    const count = () => {
      frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    const changed = new Promise<{ lang: string; frames: number }>((done) =>
      new MutationObserver(() => done({ lang: html.lang, frames })).observe(html, { attributeFilter: ['lang'] }),
    );
    document.querySelector<HTMLElement>('nav.language-switch a[hreflang=en]')!.click();
    await new Promise((next) => setTimeout(next, 0));
    return {
      regions: selectors.map((s) => document.querySelector<HTMLElement>(s)!.lang),
      texts: selectors.map((s) => document.querySelector<HTMLElement>(s)!.textContent),
      html: await changed,
    };
  }, regions);
  expect(atOnce.regions).toEqual(['en', 'en']);
  expect(atOnce.html.lang).toBe('en');
  expect(atOnce.html.frames, '<html lang> changed before a frame was drawn').toBeGreaterThan(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The texts they announced then are the English ones they hold now.
  for (const [i, s] of regions.entries()) await expect(page.locator(s)).toHaveText(atOnce.texts[i]!);
  await expect(page.locator('p.result-count')).toHaveText(/event/);
  await context.close();
});

test.describe('the reader’s choice', () => {
  for (const [locale, start, choice, name] of [
    ['es-MX', 'es', 'en', 'English'],
    ['en-US', 'en', 'es', 'Español'],
  ] as const) {
    test(`survives a visit to the home page (${start} browser, ${choice} chosen)`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(pagePath(start));
      await ready(page);
      await switchTo(page, name);
      await expect(page.locator('html')).toHaveAttribute('lang', choice);
      await expect(page).toHaveURL(pagePath(choice));
      await page.goto('/');
      await expect(page).toHaveURL(pagePath(choice));
      await ready(page);
      await expect(page.locator('html')).toHaveAttribute('lang', choice);
      await expect(page.locator('h1')).toHaveText(plainMessages(choice).get('app-title')!);
      await context.close();
    });
  }
});

for (const [locale, expected] of [
  ['en-US', 'en'],
  ['en-GB', 'en'],
  ['es-MX', 'es'],
  ['fr-FR', 'es'],
] as const) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale });
    test(`at the home page gets ${expected}`, async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(pagePath(expected));
      await ready(page);
      await expect(page.locator('html')).toHaveAttribute('lang', expected);
      await expect(page.locator('h1')).toHaveText(plainMessages(expected).get('app-title')!);
    });
  });
}

test('an old ?lang= link wins over the browser, and an unknown value falls back to it', async ({ browser }) => {
  for (const [locale, lang, expected] of [
    ['en-US', 'es', 'es'],
    ['es-MX', 'en', 'en'],
    ['en-US', 'xx', 'en'],
    ['es-MX', 'xx', 'es'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto(`/?lang=${lang}&topic=fentanyl`);
    await ready(page);
    await expect(page.locator('html'), `?lang=${lang} in a ${locale} browser`).toHaveAttribute('lang', expected);
    await expect(page, `?lang=${lang} in a ${locale} browser`).toHaveURL(pagePath(expected, undefined, '?topic=fentanyl'));
    await context.close();
  }
});

test('quotes keep their language, with the translation beside them', async ({ page }) => {
  await page.goto(pagePath('en', CALL_15));
  const quote = page.locator('section.detail figure.quote').first();
  await expect(quote.locator('blockquote')).toHaveAttribute('lang', 'es');
  await expect(quote.locator('blockquote')).toHaveText('subsisten desafíos significativos');
  await expect(quote.locator('.translation')).toHaveAttribute('lang', 'en');
  await expect(quote.locator('.translation')).toHaveText('Translation: significant challenges remain');
  await expect(quote.locator('figcaption')).toContainText('Original in Spanish');
  // In Spanish no translation is needed.
  await ready(page);
  await switchTo(page, 'Español');
  await expect(quote.locator('figcaption')).toContainText('Original en español');
  await expect(quote.locator('.translation')).toHaveCount(0);
  // An English quote on the Spanish page gets its translation.
  const english = page.locator('section.detail figure.quote').filter({ has: page.locator('blockquote[lang=en]') });
  await expect(english.locator('.translation')).toHaveAttribute('lang', 'es');
  await expect(english.locator('.translation')).toHaveText(/^Traducción: Dicha reunión de alto nivel ofrecerá/);
});

test.describe('counts', () => {
  test.use({ locale: 'es-MX' });
  test('plurals follow the count', async ({ page }) => {
    await page.goto('/?q=wedding');
    await ready(page);
    const total = DATA.events.length;
    await expect(page.getByRole('status').filter({ hasText: 'coincid' })).toHaveText(`1 de ${total} eventos coincide con los filtros`);
    await switchTo(page, 'English');
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(`1 of ${total} events matches the filters`);
  });
});

test('sharing metadata and alternates are in the served page, for each page', async ({ browser }) => {
  // What a search engine or a link preview reads: the page as served, no
  // script run.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`);
  for (const lang of ['es', 'en'] as const) {
    const other = lang === 'es' ? 'en' : 'es';
    for (const id of [undefined, CALL_15]) {
      const path = pagePath(lang, id).slice(1);
      await page.goto(`/${path}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const canonical = (await page.locator('link[rel=canonical]').getAttribute('href'))!;
      // The site's address (SITE_URL at build time), then the page's path.
      expect(canonical).toMatch(/^https?:\/\/[^/]+\/(.*\/)?$/);
      expect(canonical.endsWith(`/${path}`) || path === '').toBe(true);
      const site = canonical.slice(0, canonical.length - path.length);
      await expect(page.locator(`link[rel=alternate][hreflang=${lang}]`)).toHaveAttribute('href', canonical);
      await expect(page.locator(`link[rel=alternate][hreflang=${other}]`)).toHaveAttribute('href', `${site}${pagePath(other, id).slice(1)}`);
      await expect(page.locator('link[rel=alternate][hreflang=x-default]')).toHaveAttribute('href', `${site}${pagePath('es', id).slice(1)}`);
      const [title, description] = id
        ? [`${EVENT.title[lang]}${textOf(lang, 'app-event-document-title')}`, EVENT.summary[lang]]
        : [plainMessages(lang).get('app-document-title')!, plainMessages(lang).get('app-meta-description')!];
      await expect(page).toHaveTitle(title);
      await expect(meta('description')).toHaveAttribute('content', description);
      await expect(meta('og:title')).toHaveAttribute('content', title);
      await expect(meta('og:description')).toHaveAttribute('content', description);
      await expect(meta('og:url')).toHaveAttribute('content', canonical);
      await expect(meta('og:type')).toHaveAttribute('content', id ? 'article' : 'website');
      await expect(meta('og:locale')).toHaveAttribute('content', lang === 'es' ? 'es_MX' : 'en_US');
      await expect(meta('twitter:card')).toHaveAttribute('content', 'summary_large_image');
      await expect(meta('twitter:title')).toHaveAttribute('content', title);
      await expect(meta('twitter:description')).toHaveAttribute('content', description);
    }
  }
  await context.close();
});
