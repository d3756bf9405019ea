// End-to-end tests of the release builds, served by Debian's nginx with the
// configuration we ship (deploy/nginx/, started by nginx.mjs). Run them
// with `cargo xtask test` (everything) or `cargo xtask e2e` (existing
// builds). The browser is the system's Chromium: nothing is downloaded.
import { defineConfig, devices } from '@playwright/test';
import { CHROME_ARGS, CHROMIUM } from './chromium.mjs';
import { e2ePorts } from './nginx.mjs';

// E2E_PORT moves them all: the app on it, the others just above (nginx.mjs).
const PORTS = e2ePorts();
const PORT = PORTS.app;

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
      testMatch: ['timeline.spec.ts', 'overview.spec.ts', 'shell.spec.ts', 'a11y.spec.ts', 'embed.spec.ts', 'smoke.spec.ts'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 375, height: 812 },
        hasTouch: true,
      },
    },
  ],
  webServer: [
    {
      // nginx with deploy/nginx/'s files: dist/ at /, the sub-path build at
      // /sub/path/, and on the next ports a host site of another origin and
      // stand-in pages of the new URL scheme. Stopped with the run (SIGTERM
      // to its process group, also on failure or Ctrl-C).
      command: `node nginx.mjs e2e --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      // Never another run's server: the tests check the configuration as
      // it is now. (A busy port fails the run; E2E_PORT moves it.)
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // Compressing a fresh build's files (brotli 11) comes first.
      timeout: 60_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // Only the fault injection (faults.mjs), which nginx cannot do.
      command: `node serve.mjs --port ${PORTS.faults}`,
      url: `http://127.0.0.1:${PORTS.faults}/health`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 10_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
