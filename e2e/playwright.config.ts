// Browser tests against a freshly started portal (release of nothing: the debug binary built by
// `cargo build`), on a new SQLite file seeded with the demo data, in Debian's Chromium with
// JavaScript off: every page and form must work without it.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 39123);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
const binary = process.env.PORTAL_BINARY ?? join(__dirname, '..', 'target', 'debug', 'server');

// Sample send units between the demo offices, for the upload specs (E2E_FILES).
const filesDir = join(dataDir, 'files');
execFileSync(binary, ['demo-files', filesDir]);
process.env.E2E_FILES = filesDir;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL,
    javaScriptEnabled: false,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [{ name: 'chromium-no-js' }],
  webServer: {
    command: `${binary} --demo`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORTAL_BIND: `127.0.0.1:${port}`,
      PORTAL_BASE_URL: baseURL,
      PORTAL_DATABASE_URL: `sqlite://${dataDir}/portal.db`,
      PORTAL_STORAGE_DIR: join(dataDir, 'objects'),
      RUST_LOG: 'warn',
    },
  },
});
