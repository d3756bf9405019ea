// End-to-end tests of the release builds (see serve.mjs). Run them with
// `cargo xtask test` (everything) or `cargo xtask e2e` (existing builds).
// The browser is the system's Chromium: nothing is downloaded.
import { defineConfig, devices } from '@playwright/test';
import { CHROME_ARGS, CHROMIUM } from './chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './tests',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROME_ARGS,
    },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    {
      // The phone width runs the specs whose outcome depends on layout, touch
      // or size (the timeline, accessibility, embeds, the smoke test). The
      // hostile-input and language specs test data and strings, which do not
      // change with the width: running them twice only cost CI minutes.
      name: 'mobile',
      testMatch: ['timeline.spec.ts', 'a11y.spec.ts', 'embed.spec.ts', 'smoke.spec.ts'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 375, height: 812 },
        hasTouch: true,
      },
    },
  ],
  webServer: {
    command: `node serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 10_000,
  },
});
