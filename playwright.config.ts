// End-to-end tests in a real Chromium against the BUILT app. `npm run test:e2e` first builds
// it with `--mode e2e` into dist-e2e/ (the same build as dist/ plus the test hook in
// src/ui/testHook.ts, which lets tests step simulated time). Two servers serve dist-e2e/:
//   - vite preview at the domain root, http://127.0.0.1:4173/
//   - e2e/support/static-server.mjs under a deep sub-path, the way a course server or a
//     GitHub Pages project site would: http://127.0.0.1:4174/courses/cs101/statecraft/
//
// Browser: Debian's Chromium at /usr/bin/chromium by default (Playwright cannot download
// its own browsers on every machine). PLAYWRIGHT_CHROMIUM_PATH overrides the path; set it
// to the empty string to use the browsers installed by `npx playwright install`.
// E2E_PORT (default 4173) moves both servers: see e2e/support/urls.ts.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  PREVIEW_PORT,
  PREVIEW_URL,
  SUBPATH_APP_URL,
  SUBPATH_BASE,
  SUBPATH_PORT,
} from './e2e/support/urls';

const isCI = !!process.env.CI;

// Both servers serve dist-e2e/ as built; without it they would start and answer 404 until the
// web-server timeout. Fail at once with the fix instead.
if (!existsSync(new URL('./dist-e2e/index.html', import.meta.url))) {
  throw new Error(
    'dist-e2e/index.html not found: run "npm run build:e2e" first ("npm run test:e2e" does).',
  );
}

const chromiumPathFromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
const executablePath =
  chromiumPathFromEnv === undefined ? '/usr/bin/chromium' : chromiumPathFromEnv || undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  // Waits are for conditions; the budget only bounds how long a broken page is waited for, and
  // a page load on a machine busy with other work can take several seconds.
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: PREVIEW_URL,
    trace: 'on-first-retry',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: 'preview',
      command: `npx vite preview --outDir dist-e2e --port ${PREVIEW_PORT}`,
      url: PREVIEW_URL,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      name: 'subpath',
      command: `node e2e/support/static-server.mjs --base ${SUBPATH_BASE} --port ${SUBPATH_PORT} --root dist-e2e`,
      url: SUBPATH_APP_URL,
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
  ],
});
