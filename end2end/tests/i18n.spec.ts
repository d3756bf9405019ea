// Spanish and English throughout, switched at run time without a reload.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type Pattern } from '@fluent/syntax';
import { expect, test, type Page } from '@playwright/test';
import { ready } from '../helpers.mjs';

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

/** Strings that only the `from` language would show: words the other
 * language translates differently, long enough not to match by chance. */
function foreignStrings(from: string, to: string): string[] {
  const a = plainMessages(from);
  const b = plainMessages(to);
  return [...a].filter(([id, text]) => b.get(id) !== text && text.length >= 5).map(([, t]) => t);
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

for (const [lang, other, name] of [
  ['es', 'en', 'English'],
  ['en', 'es', 'Español'],
] as const) {
  test(`switching from ${lang} to ${other} changes every string, the URL and <html lang> without a reload`, async ({ page }) => {
    await page.goto(`/?lang=${lang}&topic=fentanyl&q=a&event=${CALL_15}`);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.evaluate(() => ((window as any).__sameDocument = true));
    const before = await pageStrings(page);
    for (const s of foreignStrings(other, lang)) expect(before, `${other} text on the ${lang} page`).not.toContain(s);

    await page.evaluate(() => window.scrollTo(0, 400));
    const scroll = await page.evaluate(() => window.scrollY);
    expect(scroll).toBeGreaterThan(0);
    await page.getByRole('button', { name }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await expect(page).toHaveURL(new RegExp(`lang=${other}`));
    const after = await pageStrings(page);
    for (const s of foreignStrings(lang, other)) expect(after, `${lang} text left on the ${other} page`).not.toContain(s);
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
    // The open event, the filters, the search and the scroll position stay.
    await expect(page).toHaveURL(new RegExp(`event=${CALL_15}`));
    await expect(page).toHaveURL(/topic=fentanyl/);
    await expect(page).toHaveURL(/q=a/);
    await expect(page.locator('section.detail')).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
    await expect(page).toHaveTitle(plainMessages(other).get('app-document-title')!);
  });
}

test('the choice survives a reload', async ({ page }) => {
  await page.goto('/?lang=es');
  await ready(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Mexico and the United States: security cooperation');
});

for (const [locale, expected] of [
  ['en-US', 'en'],
  ['en-GB', 'en'],
  ['es-MX', 'es'],
  ['fr-FR', 'es'],
] as const) {
  test.describe(`a browser set to ${locale}`, () => {
    test.use({ locale });
    test(`with no parameter gets ${expected}`, async ({ page }) => {
      await page.goto('/');
      await ready(page);
      await expect(page.locator('html')).toHaveAttribute('lang', expected);
    });
  });
}

test('?lang= wins over the browser, and an unknown value falls back', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/?lang=es');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.goto('/?lang=xx');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('quotes keep their language, with the translation beside them', async ({ page }) => {
  await page.goto(`/?lang=en&event=${CALL_15}`);
  const quote = page.locator('section.detail figure.quote').first();
  await expect(quote.locator('blockquote')).toHaveAttribute('lang', 'es');
  await expect(quote.locator('blockquote')).toHaveText('subsisten desafíos significativos');
  await expect(quote.locator('.translation')).toHaveAttribute('lang', 'en');
  await expect(quote.locator('.translation')).toContainText('significant challenges remain');
  await expect(quote.locator('figcaption')).toContainText('Original in Spanish');
  // In Spanish no translation is needed.
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(quote.locator('.translation')).toHaveCount(0);
});

test('plurals follow the count', async ({ page }) => {
  await page.goto('/?lang=es&q=wedding');
  await expect(page.getByRole('status').filter({ hasText: 'coincid' })).toHaveText(/^1 de \d+ eventos coincide con los filtros$/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText(/^1 of \d+ events matches the filters$/);
});

test('sharing metadata and alternates are in the page', async ({ page, baseURL }) => {
  await page.goto('/?lang=en');
  // Written relative in index.html, made absolute at start (hreflang needs it).
  await expect(page.locator('link[rel=alternate][hreflang=es]')).toHaveAttribute('href', `${baseURL}/?lang=es`);
  await expect(page.locator('link[rel=alternate][hreflang=en]')).toHaveAttribute('href', `${baseURL}/?lang=en`);
  await expect(page.locator('link[rel=alternate][hreflang=x-default]')).toHaveAttribute('href', `${baseURL}/`);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /México.*Mexico/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await ready(page);
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /bilingual, interactive timeline/);
});
