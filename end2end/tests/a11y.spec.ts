// Accessibility: axe-core finds no WCAG 2.2 A/AA violation in each state of
// the page, and every feature works with the keyboard alone, on the
// prerendered pages once the app has taken them over.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS as TAGS, DATA_ROUTE, events, expectOnTop, filtersInSheet, pagePath, ready, showFilters } from '../helpers.mjs';

// A Spanish-speaking reader: `/` is the Spanish home page for them.
test.use({ locale: 'es-MX' });

const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';
// An event that counts people sent to the U.S.: its detail shows the figure.
const SENT_37 = 'mexico-sends-37-to-us-2026-01-20';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const lang of ['es', 'en'] as const) {
      test(`the full page in ${lang} has no violations`, async ({ page }) => {
        await page.goto(pagePath(lang));
        await ready(page);
        await expectNoViolations(page);
      });
    }

    test('an open event has no violations', async ({ page }) => {
      await page.goto(pagePath('es', CALL_15));
      await ready(page);
      await expect(page.locator('section.detail')).toBeVisible();
      await expectNoViolations(page);
    });

    test('an event with the people-sent figure has no violations', async ({ page }) => {
      await page.goto(pagePath('es', SENT_37));
      await ready(page);
      await expect(page.locator('section.detail .figure')).toBeVisible();
      await expectNoViolations(page);
    });

    test('the filters and the overview, in their sheet on phones, have no violations', async ({ page }) => {
      await page.goto(pagePath('en', undefined, '?topic=fentanyl&key=1'));
      await ready(page);
      await showFilters(page);
      await expectNoViolations(page);
    });

    test('a filtered view with no results has no violations', async ({ page }) => {
      await page.goto(pagePath('en', undefined, '?q=zzzz%20nothing'));
      await ready(page);
      await expect(page.locator('.empty')).toBeVisible();
      await expectNoViolations(page);
    });

    test('the error state, over the prerendered page, has no violations', async ({ page }) => {
      await page.route(DATA_ROUTE, (r) => r.fulfill({ status: 503 }));
      await page.goto('/');
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(events(page).first()).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test('keyboard: skip link, list arrows, Enter opens, Escape closes', async ({ page }) => {
  await page.goto(pagePath('en'));
  await ready(page);
  // The first Tab reaches the skip link, which is then visible.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the timeline' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // Into the list: Down and Up move between events.
  const links = page.locator('.event-list .event-link');
  await links.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('section.detail h2')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('section.detail')).toHaveCount(0);
  await expect(links.nth(1)).toBeFocused();
});

test('keyboard: filters and the overview work without a mouse', async ({ page }) => {
  await page.goto(pagePath('es'));
  await ready(page);
  const total = await events(page).count();
  const toggle = page.locator('button.filter-toggle');
  const sheet = await filtersInSheet(page);
  if (sheet) {
    // On phones the filters are in a sheet: Enter opens it, and focus
    // moves into it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#filter-panel')).toHaveAttribute('role', 'dialog');
    await expect(page.locator('#filter-panel :focus')).toHaveCount(1);
  }
  // A topic checkbox toggles with Space.
  await page.getByRole('checkbox', { name: 'Fentanilo' }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\?topic=fentanyl$/);
  await page.keyboard.press('Space');
  await expect(events(page)).toHaveCount(total);
  // An era button chooses a period with Enter.
  await page.getByRole('button', { name: 'La Iniciativa Mérida' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=2007-03-14/);
  await page.getByRole('button', { name: 'Todo el periodo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/from=/);
  if (sheet) {
    // Tab stays inside the open sheet; Escape closes it and focus goes
    // back to its button.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      await expect(page.locator('#filter-panel :focus')).toHaveCount(1);
    }
    await page.keyboard.press('Escape');
    await expect(page.locator('#filter-panel')).not.toHaveAttribute('role', 'dialog');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#filter-panel')).toHaveAttribute('role', 'dialog');
  }
  // The overview's marks: one tab stop, End and Home, Enter opens.
  await page.locator('.axis .mark[tabindex="0"]').focus();
  await page.keyboard.press('End');
  await expect(page.locator('.axis .mark').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.locator('.axis .mark').first()).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.locator('section.detail h2')).toBeFocused();
  // The reader sees it: on phones too, where the marks are in the sheet.
  await expectOnTop(page.locator('section.detail h2'));
});

test('focus is always visible', async ({ page }) => {
  await page.goto(pagePath('en'));
  await ready(page);
  // Tab through the first stops and check each draws a ring: an outline,
  // or for the overview's SVG marks, the stroke of their hit circle.
  const seen = new Set<string>();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as Element;
      const drawn = el.matches('a.mark') ? el.querySelector('circle.hit')! : el;
      const style = getComputedStyle(drawn);
      return el.matches('a.mark')
        ? { tag: 'mark', width: parseFloat(style.strokeWidth), styleName: style.stroke }
        : { tag: el.tagName, width: parseFloat(style.outlineWidth), styleName: style.outlineStyle };
    });
    seen.add(ring.tag);
    if (ring.tag === 'MAIN' || ring.tag === 'BODY') continue;
    expect(ring.styleName, `${ring.tag} #${i}`).not.toBe('none');
    expect(ring.width, `${ring.tag} #${i}`).toBeGreaterThanOrEqual(2);
  }
  // Links and buttons among them; on wide screens, a mark too.
  expect(seen).toContain('A');
  expect(seen).toContain('BUTTON');
  if (!(await filtersInSheet(page))) expect(seen).toContain('mark');
});

test('touch targets are at least 24 by 24 px', async ({ page }) => {
  await page.goto(pagePath('es'));
  await ready(page);
  // On phones the overview and the filters are in the sheet: measured open.
  await showFilters(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, a.mark, .language-switch a, summary')]
      .map((el) => {
        // A checkbox inside its label is hit anywhere on the label.
        const target = el.matches('label input') ? el.closest('label')! : el;
        const r = target.getBoundingClientRect();
        const label = target === el ? '' : `${target.textContent!.trim()}: `;
        return { name: label + el.outerHTML.slice(0, 80), w: r.width, h: r.height };
      })
      // (Within rounding: a 24 px circle may measure 23.99.)
      .filter((t) => t.w > 0 && (t.w < 23.9 || t.h < 23.9)),
  );
  expect(small).toEqual([]);
  // The overview's marks among them: each has a hit circle of its own.
  expect(await page.locator('a.mark circle.hit').count()).toBe(await page.locator('a.mark').count());
});

test('text zooms to 200% without losing content', async ({ page }) => {
  await page.goto(pagePath('es'));
  await ready(page);
  // The introduction's text is sized in rem, so it follows the zoom.
  const size = () => page.locator('.page-header .lead').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  // The zoom has applied: the text is twice its size.
  await expect.poll(size).toBeCloseTo(2 * before, 0);
  // Measured once the cards in view have been laid out again (cards off
  // screen skip layout: content-visibility), two frames on.
  const overflow = () =>
    page.evaluate(async () => {
      for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(done));
      return document.documentElement.scrollWidth - window.innerWidth;
    });
  expect(await overflow()).toBeLessThanOrEqual(1);
  await expect(page.locator('h1')).toBeVisible();
  await expect(events(page).first()).toBeVisible();
  await showFilters(page);
  await expect(page.getByRole('searchbox')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(1);
});
