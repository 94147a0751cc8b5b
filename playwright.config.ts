import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

// Debian's Chromium where it is installed (CI installs it; Playwright's own download cannot run here);
// elsewhere CASEBINDER_CHROMIUM, or the browser `npx playwright install chromium` fetched.
const chromium = process.env.CASEBINDER_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright resolves imports by a tsconfig's `paths`; tsconfig.json's map a package to its type
  // declarations (for tsc only), so the tests load with a tsconfig that maps nothing.
  tsconfig: './tsconfig.shared.json',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    colorScheme: 'light',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
