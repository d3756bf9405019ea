// Accessibility: axe-core finds no WCAG 2.2 A/AA violation in each state of
// the page, and every feature works with the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AXE_TAGS as TAGS, ready } from '../helpers.mjs';

const CALL_15 = 'rubio-de-la-fuente-call-joint-statement-2026-01-15';

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

    for (const lang of ['es', 'en']) {
      test(`the full page in ${lang} has no violations`, async ({ page }) => {
        await page.goto(`/?lang=${lang}`);
        await ready(page);
        await expectNoViolations(page);
      });
    }

    test('an open event has no violations', async ({ page }) => {
      await page.goto(`/?lang=es&event=${CALL_15}`);
      await expect(page.locator('section.detail')).toBeVisible();
      await expectNoViolations(page);
    });

    test('a filtered view with no results has no violations', async ({ page }) => {
      await page.goto('/?lang=en&q=zzzz%20nothing');
      await expect(page.locator('.empty')).toBeVisible();
      await expectNoViolations(page);
    });

    test('the error state has no violations', async ({ page }) => {
      await page.route('**/data/events.json', (r) => r.fulfill({ status: 503 }));
      await page.goto('/?lang=es');
      await expect(page.getByRole('alert')).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test('keyboard: skip link, list arrows, Enter opens, Escape closes', async ({ page }) => {
  await page.goto('/?lang=en');
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
  await page.goto('/?lang=es');
  await ready(page);
  const total = await page.locator('ol.event-list > li').count();
  // A topic checkbox toggles with Space.
  await page.getByRole('checkbox', { name: 'Fentanilo' }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/topic=fentanyl/);
  await page.keyboard.press('Space');
  await expect(page.locator('ol.event-list > li')).toHaveCount(total);
  // An era button chooses a period with Enter.
  await page.getByRole('button', { name: 'La Iniciativa Mérida' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/from=2007-03-14/);
  await page.getByRole('button', { name: 'Todo el periodo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/from=/);
  // The overview's marks: one tab stop, End and Home, Enter opens.
  await page.locator('.axis .mark[tabindex="0"]').focus();
  await page.keyboard.press('End');
  await expect(page.locator('.axis .mark').last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('section.detail h2')).toBeFocused();
});

test('focus is always visible', async ({ page }) => {
  await page.goto('/?lang=en');
  await ready(page);
  // Tab through the first stops and check each draws an outline.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), styleName: style.outlineStyle };
    });
    if (outline.tag === 'MAIN' || outline.tag === 'BODY') continue;
    expect(outline.styleName, `${outline.tag} #${i}`).not.toBe('none');
    expect(outline.width, `${outline.tag} #${i}`).toBeGreaterThanOrEqual(2);
  }
});

test('touch targets are at least 24 by 24 px', async ({ page }) => {
  await page.goto('/?lang=es');
  await ready(page);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, .mark, .language-switch button')]
      .map((el) => {
        // A checkbox inside its label is hit anywhere on the label.
        const target = el.matches('label input') ? el.closest('label')! : el;
        const r = target.getBoundingClientRect();
        // The overview marks' hit area is widened by a pseudo-element.
        const extra = el.classList.contains('mark') ? 2 * 0.3 * 16 : 0;
        return { name: el.outerHTML.slice(0, 80), w: r.width + extra, h: r.height + extra };
      })
      .filter((t) => t.w > 0 && (t.w < 24 || t.h < 24)),
  );
  expect(small).toEqual([]);
});

test('text zooms to 200% without losing content', async ({ page }) => {
  await page.goto('/?lang=es');
  await ready(page);
  // The introduction's text is sized in rem, so it follows the zoom.
  const size = () => page.locator('.intro .lead').evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  // The zoom has applied: the text is twice its size.
  await expect.poll(size).toBeCloseTo(2 * before, 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByRole('searchbox')).toBeVisible();
});
