// The timeline in a real WordPress (issue 26): Debian's wordpress, PHP and
// MariaDB (wordpress.mjs), and the release build behind nginx as in the
// other end-to-end tests. `cargo xtask test` runs it as its own step, after
// them; `cargo xtask e2e --config playwright.wordpress.config.ts` runs it
// against the last builds.
import { defineConfig, devices } from '@playwright/test';
import { CHROME_ARGS, CHROMIUM } from './chromium.mjs';
import { e2ePorts } from './nginx.mjs';

const PORTS = e2ePorts();

export default defineConfig({
  testDir: './tests-wordpress',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORTS.wordpress}`,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM, args: CHROME_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: [
    {
      command: `node nginx.mjs e2e --port ${PORTS.app}`,
      url: `http://127.0.0.1:${PORTS.app}/index.html`,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // MariaDB, a fresh WordPress with the author's post, and PHP's server.
      command: `node wordpress.mjs --port ${PORTS.wordpress} --app ${PORTS.app}`,
      url: `http://127.0.0.1:${PORTS.wordpress}/wp-includes/js/wp-embed.js`,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
