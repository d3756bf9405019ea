// A real WordPress (Debian's package; wordpress.mjs installs it afresh):
// an author, who may not post unfiltered HTML and so cannot paste an
// iframe, wrote a post whose body has an event page's link on a line of
// its own. WordPress finds the page's oEmbed response, keeps what it keeps
// from an unknown provider, and frames the timeline in its sandbox.
import { readFileSync } from 'node:fs';
import { type Page, expect, test } from '@playwright/test';
import { ready } from '../helpers.mjs';
import { E2E_DIST } from '../nginx.mjs';
import { POST_FILE } from '../wordpress.mjs';

/** What wordpress.mjs's install.php did. */
const installed = JSON.parse(readFileSync(POST_FILE, 'utf8')) as {
  post: string;
  key_moments_post: string;
  key_moments_link: string;
  author_unfiltered_html: boolean;
  author_role: string[];
  link: string;
  event: string;
};
const event = JSON.parse(readFileSync(`${E2E_DIST}/data/events.json`, 'utf8')).events.find(
  (e: { id: string }) => e.id === installed.event,
);

/** The console errors and uncaught exceptions of the post and its frames,
 * each with the address of the frame it came from. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${m.location().url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

/** WordPress's clamp of a frame's height (wp-embed.js). */
const clamp = (h: number) => Math.min(1000, Math.max(200, h));

/** Opens `post` (titled `heading`) and checks WordPress's frame of the
 * link pasted in it: sandboxed, with its secret, framing `framed(secret)`,
 * and the link itself as the fallback for readers without frames. Returns
 * the frame, the fallback, the framed page, and the heights of the frame
 * and of its content, in pixels. */
async function pastedLink(page: Page, post: string, heading: string, link: string, framed: (secret: string) => string) {
  await page.goto(post);
  await expect(page.locator('article h1')).toHaveText(heading);
  const frame = page.locator('article iframe.wp-embedded-content');
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts');
  await expect(frame).toHaveAttribute('security', 'restricted');
  const secret = await frame.getAttribute('data-secret');
  expect(secret).toMatch(/^[A-Za-z0-9]{10}$/);
  await expect(frame).toHaveAttribute('src', framed(secret!));
  const quote = page.locator(`article blockquote.wp-embedded-content[data-secret="${secret}"]`);
  await expect(quote.locator('a')).toHaveAttribute('href', link);
  const inner = page.frameLocator('article iframe.wp-embedded-content');
  const content = () => inner.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  const height = () => frame.evaluate((f) => (f as HTMLIFrameElement).clientHeight);
  return { frame, quote, inner, content, height };
}

test('a pasted link shows the timeline in the post, in WordPress’s sandbox, at its height, without errors', async ({ page }, info) => {
  expect(installed.author_role).toEqual(['author']);
  expect(installed.author_unfiltered_html).toBe(false);
  const problems = watch(page);
  // WordPress's frame of the page's embed.
  const { frame, quote, inner, content, height } = await pastedLink(
    page,
    installed.post,
    'A post with a pasted link',
    installed.link,
    (secret) => `${installed.link}?embed=1#?secret=${secret}`,
  );

  // The timeline, with that event open, in English; the fallback is hidden
  // once the frame has spoken.
  await expect.poll(() => problems).toEqual([]);
  await ready(inner);
  await expect(quote).toBeHidden();
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  await expect(inner.locator('html')).toHaveClass(/\bembed\b/);
  await expect(inner.locator('#detail-heading')).toHaveText(event.title.en);
  // An opaque origin: WordPress's sandbox has no allow-same-origin.
  expect(await inner.locator('html').evaluate(() => window.origin)).toBe('null');

  // Its height follows the content, within WordPress's 200-1000 px.
  await expect.poll(async () => (await height()) - clamp(await content())).toBe(0);
  const full = await height();
  console.log(`wordpress.spec: frame ${full} px high, its content ${await content()} px`);
  await page.screenshot({ path: info.outputPath('wordpress-post.png'), fullPage: true });
  // Closing the event and a search that finds nothing: the frame shrinks
  // to what is left.
  await inner.locator('section.detail').getByRole('button', { name: 'Close' }).click();
  await inner.locator('button.filter-toggle').click();
  await inner.locator('#search').fill('zzzzzz');
  await inner.locator('.panel-close').click();
  await expect.poll(async () => (await height()) - clamp(await content())).toBe(0);
  expect(await height()).toBeLessThan(full);
  console.log(`wordpress.spec: after a search, frame ${await height()} px, its content ${await content()} px`);
  // The link back opens the full page in the whole window, through
  // WordPress's link message (the frame may not open windows).
  await inner.locator('.embed-attribution a').click();
  await expect(page).toHaveURL(`${new URL(installed.link).origin}/en/?q=zzzzzz`);
  await ready(page);
  expect(problems).toEqual([]);
});

test('a pasted link to the key moments shows them in the post, through their own oEmbed response', async ({ page }, info) => {
  const problems = watch(page);
  // WordPress read the view's own page (nginx answers `?key=1` with
  // key-moments.html), and so its own response, which frames the view.
  const { inner, content, height } = await pastedLink(
    page,
    installed.key_moments_post,
    'A post with the key moments',
    installed.key_moments_link,
    (secret) => `${installed.key_moments_link}&embed=1#?secret=${secret}`,
  );
  await ready(inner);
  await expect(inner.locator('html')).toHaveAttribute('lang', 'en');
  // Only the key moments, every one of them.
  const keys = JSON.parse(readFileSync(`${E2E_DIST}/data/events.json`, 'utf8')).events.filter((e: { key?: boolean }) => e.key).length;
  expect(keys).toBeGreaterThan(0);
  await expect(inner.locator('.key-toggle input')).toBeChecked();
  await expect(inner.locator('.result-count')).toContainText(String(keys));
  await expect(inner.locator('li.event:not(.key)')).toHaveCount(0);
  await expect.poll(async () => (await height()) - clamp(await content())).toBe(0);
  await page.screenshot({ path: info.outputPath('wordpress-key-moments.png'), fullPage: true });
  expect(problems).toEqual([]);
});
