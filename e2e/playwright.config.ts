// Browser tests against a freshly started portal (release of nothing: the debug binary built by
// `cargo build`), on a new SQLite file seeded with the demo data, in Debian's Chromium with
// JavaScript off: every page and form must work without it (the upload form's script, which only
// adds comfort, is checked by the one spec that turns JavaScript on). A real SMTP server (aiosmtpd,
// writing a maildir that fixtures/mail.ts reads) receives the portal's mail.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 39123);
const baseURL = `http://127.0.0.1:${port}`;
// The config is evaluated again in each worker: keep the first process's folder (env is inherited).
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'portal-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? port + 1);
process.env.E2E_MAILDIR ??= join(dataDir, 'maildir');
const targetDir = process.env.CARGO_TARGET_DIR ?? join(__dirname, '..', 'target');
const binary = process.env.PORTAL_BINARY ?? join(targetDir, 'debug', 'server');

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
  webServer: [{
    command: `python3 -m aiosmtpd -n -l 127.0.0.1:${smtpPort} -c aiosmtpd.handlers.Mailbox ${process.env.E2E_MAILDIR}`,
    port: smtpPort,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }, {
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
      PORTAL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PORTAL_MAIL_POLL_SECONDS: '1',
      RUST_LOG: 'warn',
    },
  }],
});
