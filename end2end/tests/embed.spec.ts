// Embeds: the timeline inside other sites' pages. Auto-height (embed.js and
// pym.js/AMP listeners), the attribution link, the embed code generator,
// the share button, hostile messages and sandboxed frames. An embed is a
// prerendered page with `?embed=1`, styled compactly: its filters and
// overview wait behind the "Filter" button.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { AXE_TAGS, CARD, hideFilters, pagePath, ready, showFilters, watchProblems } from '../helpers.mjs';

const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
const TITLE_EN = 'Timeline of US–Mexico security cooperation, 2007–2026';

/** An HTML page served on the app's origin (or another), for host pages. */
async function host(page: Page, url: string, body: string) {
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>${body}</body></html>` }),
  );
}

/** Opens the embed code generator (a `<details>` at the foot of the page)
 * from the keyboard. (Pointer clicks after scrolling down there can miss
 * on phones while the cards laid out late move the page: timeline.spec.ts,
 * "what is scrolled into view stays there".) */
async function openGenerator(page: Page, summary: string) {
  const generator = page.locator('.embed-generator');
  await expect(generator.locator('summary')).toHaveText(summary);
  await generator.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(generator.locator('details')).toHaveAttribute('open', '');
  return generator;
}

/** The height of an iframe's viewport (inside any border), in CSS pixels. */
function height(frame: Locator): Promise<number> {
  return frame.evaluate((f) => f.clientHeight);
}

/** The height of the framed document's content. */
async function contentHeight(frame: Locator): Promise<number> {
  const handle = await frame.elementHandle();
  const inner = (await handle!.contentFrame()) as Frame;
  return inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
}

/** Waits until the iframe's height equals its content's (within a pixel). */
async function fitsContent(frame: Locator) {
  await expect
    .poll(async () => Math.abs((await height(frame)) - (await contentHeight(frame))), { timeout: 10_000 })
    .toBeLessThanOrEqual(1);
}

test('the demo page: each frame follows its content as filters change', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const narrow = page.locator('#embed-narrow');
  const inner = page.frameLocator('#embed-narrow');
  await ready(inner);
  await fitsContent(narrow);
  const full = await height(narrow);
  expect(full).toBeGreaterThan(1000);
  expect((await narrow.boundingBox())!.width).toBeLessThanOrEqual(320);

  // A search with no match empties the list: the frame shrinks.
  await showFilters(inner);
  await inner.locator('#search').fill('zzzz no such thing');
  await expect(inner.locator('.empty')).toBeVisible();
  await expect.poll(() => height(narrow)).toBeLessThan(full / 2);
  await fitsContent(narrow);
  // Clearing brings everything back: it grows again.
  await hideFilters(inner);
  await inner.locator('.empty').getByRole('button').click();
  await expect.poll(() => height(narrow)).toBe(full);

  // The full-width frame is in English, arms trafficking only.
  const wide = page.locator('#embed-wide');
  await wide.scrollIntoViewIfNeeded();
  const en = page.frameLocator('#embed-wide');
  await ready(en);
  await expect(en.locator('html')).toHaveAttribute('lang', 'en');
  // Its one filter is counted on the button, and checked behind it.
  await expect(en.locator('button.filter-toggle')).toHaveText('Filter (1)');
  await showFilters(en);
  await expect(en.getByRole('checkbox', { name: 'Arms trafficking' })).toBeChecked();
  await hideFilters(en);
  await fitsContent(wide);
  expect(await height(wide)).toBeLessThan(full);
  // The demo is a Spanish article: its first frame, made for it, is in
  // Spanish whatever the reader's browser prefers (this one: English).
  await expect(inner.locator('html')).toHaveAttribute('lang', 'es');
});

test('pym.js and AMP listeners both receive heights', async ({ page }) => {
  await host(
    page,
    '**/test-host-listeners.html',
    `<iframe id="t" src="/en/?embed=1&childId=x" title="t" width="360" height="300"></iframe>
     <script>
       window.amp = []; window.pym = [];
       addEventListener('message', (e) => {
         if (e.source !== document.getElementById('t').contentWindow) return;
         if (typeof e.data === 'string' && e.data.startsWith('pymxPYMx')) pym.push(e.data);
         else if (e.data && e.data.sentinel === 'amp') amp.push(e.data);
       });
     </script>`,
  );
  await page.goto('/test-host-listeners.html');
  await ready(page.frameLocator('#t'));
  await expect.poll(() => page.evaluate(() => (window as any).pym.length)).toBeGreaterThan(0);
  const { amp, pym } = await page.evaluate(() => ({ amp: (window as any).amp, pym: (window as any).pym }));
  for (const m of amp) {
    expect(Object.keys(m).sort()).toEqual(['height', 'sentinel', 'type']);
    expect(m.type).toBe('embed-size');
    expect(Number.isInteger(m.height) && m.height > 0).toBe(true);
  }
  for (const m of pym) expect(m).toMatch(/^pymxPYMxxxPYMxheightxPYMx\d+$/);
  // One pair per change, with the same heights, and no repeats.
  const heights = amp.map((m: { height: number }) => m.height);
  expect(pym.map((m: string) => Number(m.split('xPYMx').pop()))).toEqual(heights);
  for (let i = 1; i < heights.length; i++) expect(heights[i]).not.toBe(heights[i - 1]);
  expect(heights.at(-1)).toBe(await contentHeight(page.locator('#t')));
});

test('the attribution opens the full page with the same event, language and filters', async ({ page }) => {
  await page.goto('/embed-demo.html');
  const wide = page.locator('#embed-wide');
  await wide.scrollIntoViewIfNeeded();
  const inner = page.frameLocator('#embed-wide');
  await ready(inner);
  // The same page as the full one, styled compactly: no page header,
  // footer or embed generator; the attribution instead.
  await expect(inner.locator('.page-header')).toBeHidden();
  await expect(inner.locator('.page-footer')).toBeHidden();
  await expect(inner.locator('.embed-generator')).toBeHidden();
  await expect(inner.locator('.embed-attribution a')).toBeVisible();
  const first = inner.locator('.event-link').first();
  const id = (await first.getAttribute('href'))!.match(/^\/en\/events\/([^/]+)\/$/)![1];
  await first.click();
  const title = await inner.locator('#detail-heading').textContent();
  const framed = new URL((await (await wide.elementHandle())!.contentFrame())!.url());
  expect(framed.pathname).toBe(pagePath('en', id));
  expect(Object.fromEntries(framed.searchParams)).toEqual({ topic: 'arms-trafficking', embed: '1' });

  const link = inner.locator('.embed-attribution a');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);
  const href = new URL((await link.getAttribute('href'))!, page.url());
  expect(href.pathname).toBe(pagePath('en', id));
  expect(Object.fromEntries(href.searchParams)).toEqual({ topic: 'arms-trafficking' });

  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await expect(popup.locator('h1')).toHaveText('Mexico and the United States: security cooperation');
  await expect(popup.locator('#detail-heading')).toHaveText(title!);
  await ready(popup);
  await expect(popup.locator('html')).not.toHaveClass(/\bembed\b/);
  await expect(popup.locator(`${CARD}:not([data-topics~="arms-trafficking"])`)).toHaveCount(0);
});

test.describe('a Spanish-speaking newsroom', () => {
  test.use({ locale: 'es-MX' });

  test('the generator’s code, pasted into another page, loads and auto-resizes', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await ready(page);
    const generator = await openGenerator(page, 'Insertar esta cronología');
    await generator.getByLabel('Idioma').selectOption('en');
    await generator.getByRole('checkbox', { name: 'Tráfico de armas' }).check();
    await generator.getByLabel('Evento abierto al cargar').selectOption(CALL_15);
    const code = generator.getByLabel('Código para insertar');
    await expect(code).toHaveValue(/topic=arms-trafficking/);
    const snippet = await code.inputValue();
    expect(snippet).toContain(`title="${TITLE_EN}"`);
    const origin = new URL(page.url()).origin;
    expect(snippet).toContain(`src="${origin}${pagePath('en', CALL_15)}?topic=arms-trafficking&amp;embed=1"`);
    expect(snippet).toMatch(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
    // The link to paste into WordPress or Ghost: the page of that language
    // and event (its oEmbed response is per page), with when to use it.
    await expect(generator.getByLabel('Enlace para pegar (WordPress, Ghost)')).toHaveValue(`${origin}${pagePath('en', CALL_15)}`);
    await expect(generator.locator('#embed-link-help')).toContainText('pega este enlace solo, en una línea propia');
    // The preview shows the same choices.
    await expect(generator.locator('iframe.embed-preview')).toHaveAttribute(
      'src',
      `${origin}${pagePath('en', CALL_15)}?topic=arms-trafficking&embed=1`,
    );

    await generator.getByRole('button', { name: 'Copiar código' }).click();
    await expect(generator.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Código copiado.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // Fixed height: a height attribute, no script.
    await generator.getByLabel('Fija').check();
    await generator.getByLabel('Altura en píxeles').fill('450');
    await expect(code).toHaveValue(/ height="450" /);
    expect(await code.inputValue()).not.toContain('<script');

    await host(page, '**/test-host-snippet.html', `<h1>A news article</h1><p>Text.</p>${snippet}`);
    await page.goto('/test-host-snippet.html');
    const frame = page.locator('iframe[data-timeline-embed]');
    const inner = page.frameLocator('iframe[data-timeline-embed]');
    await ready(inner);
    await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
    await expect(inner.locator('#detail-heading')).toBeVisible();
    await expect(frame).toHaveAttribute('title', TITLE_EN);
    await fitsContent(frame);
    expect(await height(frame)).not.toBe(600);
  });

  test('a Spanish embed from the generator stays in Spanish for every reader', async ({ page, browser }) => {
    await page.goto('/');
    await ready(page);
    const generator = await openGenerator(page, 'Insertar esta cronología');
    await expect(generator.getByLabel('Idioma')).toHaveValue('es');
    const snippet = await generator.getByLabel('Código para insertar').inputValue();
    expect(snippet).toContain('title="Cronología de la cooperación en seguridad');
    expect(snippet).toContain(`src="${new URL(page.url()).origin}/?embed=1"`);
    // A reader whose browser prefers English opens the article.
    const reader = await browser.newContext({ locale: 'en-US' });
    const article = await reader.newPage();
    await host(article, '**/test-host-spanish.html', `<h1>Un artículo</h1>${snippet}`);
    await article.goto('/test-host-spanish.html');
    const inner = article.frameLocator('iframe[data-timeline-embed]');
    await ready(inner);
    await expect(inner.locator('html')).toHaveAttribute('lang', 'es');
    await expect(inner.locator('button.filter-toggle')).toHaveText('Filtrar');
    await reader.close();
  });

  test('the open generator has no axe violations', async ({ page }) => {
    await page.goto('/');
    await ready(page);
    await openGenerator(page, 'Insertar esta cronología');
    await expect(page.locator('#embed-code')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.embed-generator')
      // The preview is the embedded page, checked below.
      .exclude('.embed-preview')
      .withTags(AXE_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});

test('without a clipboard, the code and the link are selected for copying by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.goto(pagePath('en', CALL_15));
  await ready(page);
  const detail = page.locator('section.detail');
  await detail.getByRole('button', { name: 'Copy link' }).click();
  await expect(detail.getByRole('status')).toHaveText('The link is selected: copy it with Ctrl+C or ⌘+C.');
  const field = detail.getByLabel('Link to this event');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(`${new URL(page.url()).origin}${pagePath('en', CALL_15)}`);
  expect(await field.evaluate((i: HTMLInputElement) => i.selectionEnd! - i.selectionStart!)).toBe(
    (await field.inputValue()).length,
  );

  await page.keyboard.press('Escape');
  const generator = await openGenerator(page, 'Embed this timeline');
  await generator.getByRole('button', { name: 'Copy code' }).click();
  await expect(generator.getByRole('status').filter({ hasText: /\S/ })).toHaveText('The code is selected: copy it with Ctrl+C or ⌘+C.');
  await expect(generator.getByLabel('Embed code')).toBeFocused();
  await generator.getByRole('button', { name: 'Copy link' }).click();
  await expect(generator.getByLabel('Link to paste (WordPress, Ghost)')).toBeFocused();
  await expect(generator.getByText('The link is selected: copy it with Ctrl+C or ⌘+C.')).toBeVisible();
});

test('the share link in an embed points to the full page, not the embed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(pagePath('es', CALL_15, '?topic=diplomacy&embed=1&childId=x'));
  await ready(page);
  await page.getByRole('button', { name: 'Copiar enlace' }).click();
  await expect(page.locator('section.detail').getByRole('status')).toHaveText('Enlace copiado.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${new URL(page.url()).origin}${pagePath('es', CALL_15)}`);
});

test('messages from other windows or origins change nothing', async ({ page }) => {
  // A different origin (localhost, not 127.0.0.1) that posts a fake height
  // to the host, and a same-origin frame that is not the timeline.
  await host(
    page,
    'http://localhost:*/evil.html',
    `<script>
       parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: 5 }, '*');
       parent.postMessage('pymxPYMxxxPYMxheightxPYMx5', '*');
       parent.postMessage('evil-done', '*');
     </script>`,
  );
  const port = new URL(test.info().project.use.baseURL!).port;
  await host(
    page,
    '**/test-host-hostile.html',
    `<iframe id="t" src="/en/?embed=1&childId=x" title="t" data-timeline-embed></iframe>
     <script src="/embed.js"></script>
     <script>
       window.seen = [];
       addEventListener('message', (e) => seen.push(e.data));
       window.attack = () => {
         const evil = document.createElement('iframe');
         evil.src = 'http://localhost:${port}/evil.html';
         evil.title = 'evil';
         document.body.append(evil);
         const same = document.createElement('iframe');
         same.title = 'same';
         same.srcdoc = '<script>parent.postMessage({sentinel:"amp",type:"embed-size",height:7},"*");parent.postMessage("same-done","*")<\\/script>';
         document.body.append(same);
       };
     </script>`,
  );
  await page.goto('/test-host-hostile.html');
  const frame = page.locator('#t');
  const inner = page.frameLocator('#t');
  await ready(inner);
  await fitsContent(frame);
  const before = await height(frame);
  const innerFrame = (await (await frame.elementHandle())!.contentFrame())!;
  const url = innerFrame.url();

  // Junk and fake height messages posted into the timeline frame.
  await innerFrame.evaluate(() => {
    (window as any).received = 0;
    addEventListener('message', () => (window as any).received++);
  });
  await page.evaluate(() => {
    const w = (document.getElementById('t') as HTMLIFrameElement).contentWindow!;
    const junk: unknown[] = [
      { sentinel: 'amp', type: 'embed-size', height: 5 },
      'pymxPYMxxxPYMxheightxPYMx5',
      'pymxPYMxxxPYMxnavigateToxPYMxhttps://evil.example/',
      { type: 'lang', lang: 'es' },
      { event: 'x' },
      null,
      '<img src=x onerror=alert(1)>',
      new ArrayBuffer(8),
    ];
    for (const m of junk) w.postMessage(m, '*');
  });
  await expect.poll(() => innerFrame.evaluate(() => (window as any).received)).toBe(8);

  // Fake heights sent to the host from another origin and from a frame that
  // is not the timeline.
  await page.evaluate(() => (window as any).attack());
  await expect.poll(() => page.evaluate(() => (window as any).seen)).toContain('evil-done');
  await expect.poll(() => page.evaluate(() => (window as any).seen)).toContain('same-done');

  expect(await height(frame)).toBe(before);
  expect(innerFrame.url()).toBe(url);
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  await expect(inner.locator('section.detail')).toHaveCount(0);
  // The frame still reports real changes.
  await showFilters(inner);
  await inner.locator('#search').fill('zzzz');
  await expect.poll(() => height(frame)).toBeLessThan(before);
});

test('works in a sandboxed frame without storage', async ({ page }) => {
  const problems = watchProblems(page);
  // Storage refused inside frames, as with blocked third-party storage.
  await page.addInitScript(() => {
    if (window !== window.top) {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    }
  });
  await host(
    page,
    '**/test-host-sandbox.html',
    `<iframe id="t" src="/en/?embed=1" title="t" sandbox="allow-scripts allow-same-origin allow-popups" data-timeline-embed></iframe>
     <script src="/embed.js"></script>`,
  );
  await page.goto('/test-host-sandbox.html');
  const frame = page.locator('#t');
  const inner = page.frameLocator('#t');
  await ready(inner);
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  await fitsContent(frame);
  // Switching language, opening an event and searching all work.
  await inner.locator('nav.language-switch').getByRole('link', { name: 'Español' }).click();
  await expect(inner.locator('html')).toHaveAttribute('lang', 'es');
  await inner.locator('.event-link').first().click();
  await expect(inner.locator('#detail-heading')).toBeVisible();
  await fitsContent(frame);
  await expect(inner.locator('.embed-attribution a')).toHaveAttribute('href', /^\/eventos\/[^/]+\/$/);
  await showFilters(inner);
  await inner.locator('#search').fill('méxico');
  await expect(inner.locator('.result-count')).toHaveText(/^\d+ de \d+ eventos coincide/);
  expect(problems).toEqual([]);
});

test('in WordPress’s sandbox (opaque origin): its height and link messages, storage refused, sharing by hand, no error', async ({ page }) => {
  const problems = watchProblems(page);
  const secret = 'Ab3dE5gH7j';
  // The frame exactly as WordPress makes it from an oEmbed response
  // (wp_filter_oembed_result), and a host that records what it is told.
  await host(
    page,
    '**/test-host-wordpress.html',
    `<iframe id="t" class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="${pagePath('en', CALL_15, '?embed=1')}#?secret=${secret}" data-secret="${secret}" width="100%" height="600" title="t"></iframe>
     <script>window.got = []; addEventListener('message', (e) => { if (e.source === document.getElementById('t').contentWindow) got.push(e.data); });</script>`,
  );
  await page.goto('/test-host-wordpress.html');
  const frame = page.locator('#t');
  const inner = page.frameLocator('#t');
  await ready(inner);
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  await expect(inner.locator('#detail-heading')).toBeVisible();
  // An opaque origin indeed: storage throws there.
  expect(await inner.locator('html').evaluate(() => {
    try {
      return typeof localStorage.getItem('lang');
    } catch (e) {
      return (e as DOMException).name;
    }
  })).toBe('SecurityError');
  type Message = { secret?: string; message?: string; value?: unknown };
  const got = () => page.evaluate(() => (window as unknown as { got: Message[] }).got);
  const wordpress = async (kind: string) => (await got()).filter((m) => m && m.secret === secret && m.message === kind);
  const content = await inner.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  await expect.poll(async () => (await wordpress('height')).at(-1)?.value).toBe(content);
  // WordPress's script loaded late asks again; a wrong secret gets nothing.
  await page.evaluate(() => ((window as unknown as { got: unknown[] }).got = []));
  await page.evaluate((s) => {
    const w = (document.getElementById('t') as HTMLIFrameElement).contentWindow!;
    w.postMessage({ message: 'ready', secret: 'wrong' }, '*');
    w.postMessage({ message: 'ready', secret: s }, '*');
  }, secret);
  await expect.poll(async () => (await wordpress('height')).map((m) => m.value)).toEqual([content]);
  // Within the frame: another event, the language, a search; the address
  // stays (an opaque origin may not rewrite it), nothing throws.
  const first = await inner.locator('#detail-heading').innerText();
  await inner.locator(`.event-link:not([href*="${CALL_15}"])`).first().click();
  await expect(inner.locator('#detail-heading')).not.toHaveText(first);
  await inner.locator('nav.language-switch').getByRole('link', { name: 'Español' }).click();
  await expect(inner.locator('html')).toHaveAttribute('lang', 'es');
  await inner.locator('nav.language-switch').getByRole('link', { name: 'English' }).click();
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  const openPath = await inner.locator('.embed-attribution a').getAttribute('href');
  // Sharing: no clipboard here, the link is selected for copying by hand.
  const detail = inner.locator('section.detail');
  await detail.getByRole('button', { name: 'Copy link' }).click();
  await expect(detail.getByRole('status')).toHaveText('The link is selected: copy it with Ctrl+C or ⌘+C.');
  const appOrigin = new URL(page.url()).origin;
  await expect(detail.getByLabel('Link to this event')).toHaveValue(`${appOrigin}${openPath}`);
  // Links that would open a window are asked of WordPress: the full page
  // for the link back, and for a source (another site), the full page too.
  await page.evaluate(() => ((window as unknown as { got: unknown[] }).got = []));
  await inner.locator('.embed-attribution a').click();
  await expect.poll(async () => (await wordpress('link')).map((m) => m.value)).toEqual([`${appOrigin}${openPath}`]);
  await detail.locator('.sources a').first().click();
  await expect.poll(async () => (await wordpress('link')).map((m) => m.value)).toEqual([`${appOrigin}${openPath}`, `${appOrigin}${openPath}`]);
  await expect(frame).toHaveAttribute('src', /#\?secret=/);
  expect(page.frames().length, 'no window opened, no frame navigated away').toBe(2);
  expect(problems).toEqual([]);
});

test('the embedded page, with an event open, has no axe violations', async ({ page }) => {
  await page.goto(pagePath('en', CALL_15, '?embed=1'));
  await ready(page);
  await expect(page.locator('html')).toHaveClass(/\bembed\b/);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
