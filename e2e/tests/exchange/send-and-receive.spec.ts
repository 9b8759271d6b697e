import { test, expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loginAs, logout } from '../../fixtures/login';

const filesDir = process.env.E2E_FILES!;
// Everything さくら sends (the 実績 file goes the other way and is not part of this send).
const outgoing = readdirSync(filesDir).filter((n) => n.endsWith('.CSV') && !n.startsWith('UPJSK')).map((n) => join(filesDir, n));

async function openLatestFromSakura(page: Page): Promise<void> {
  await page.getByRole('link', { name: '受信', exact: true }).click();
  await page.getByRole('row', { name: /ケアプランセンターさくら/ }).getByRole('link').first().click();
}

test('a care manager sends a plan unit and a 6/7表 unit to two partners; the partner receives, downloads and marks it imported', async ({ page, browser }) => {
  expect(outgoing.length).toBe(7);
  await loginAs(page, 'sakura-cm1');
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await expect(page.locator('.steps [aria-current="step"]')).toContainText('ファイルを選ぶ');
  await page.getByLabel('送るファイル').setInputFiles(outgoing);
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('内容を確認してください');
  await expect(page.getByRole('heading', { name: '送信先：ひまわり訪問介護（事業所番号 1372345678）' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '送信先：ひまわりデイサービス（事業所番号 1372345679）' })).toBeVisible();
  await expect(page.getByText('被保険者番号').first()).toBeVisible();
  await page.getByRole('button', { name: 'この内容で送信する（7件）' }).click();
  await expect(page.getByText('2か所の事業所に送信しました。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('送信しました');
  await logout(page);

  // 訪問介護's staff member opens it, downloads a file (same bytes) and marks it 取込済.
  await loginAs(page, 'himawari-helper');
  await openLatestFromSakura(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ケアプランセンターさくら');
  const link = page.getByRole('link', { name: /^UP2KYO_.*をダウンロードする$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const downloaded = readFileSync(await download.path());
  const original = readFileSync(outgoing.find((p) => p.includes('UP2KYO_'))!);
  expect(Buffer.compare(downloaded, original)).toBe(0);
  expect(download.suggestedFilename()).toMatch(/^UP2KYO_/);
  await page.getByRole('button', { name: '取込済にする' }).click();
  await expect(page.getByText('取込済にしました。')).toBeVisible();
  const deliveryUrl = page.url();
  await logout(page);

  // Another staff member of the same office sees the same shared history.
  await loginAs(page, 'himawari-admin');
  if (!(await page.locator('.site-header__office').textContent())?.includes('ひまわり訪問介護')) {
    await page.getByRole('link', { name: '事業所の切り替え' }).click();
    await page.getByRole('button', { name: 'ひまわり訪問介護に切り替える' }).click();
  }
  await page.getByRole('link', { name: '受信', exact: true }).click();
  await expect(page.getByRole('row', { name: /ケアプランセンターさくら/ })).toContainText('取込済');
  await logout(page);

  // The sender sees the receipts.
  await loginAs(page, 'sakura-cm1');
  await page.getByRole('link', { name: '送信済み' }).first().click();
  await page.getByRole('row', { name: /ひまわり訪問介護/ }).getByRole('link').first().click();
  const receipts = page.getByRole('table', { name: '開封・ダウンロード・取込の記録' });
  await expect(receipts).toContainText('開封');
  await expect(receipts).toContainText('ダウンロード');
  await expect(receipts).toContainText('取込済');
  await expect(receipts).toContainText('高橋 由美');

  // A user of another office (デイサービス) cannot open 訪問介護's delivery.
  const other = await browser.newContext({ javaScriptEnabled: false });
  const outsider = await other.newPage();
  await loginAs(outsider, 'himawari-day');
  const response = await outsider.goto(deliveryUrl);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await other.close();
});

test('a renamed executable is refused with a clear message and nothing is kept', async ({ page }) => {
  await loginAs(page, 'sakura-cm2');
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('送るファイル').setInputFiles({ name: 'keikaku.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00\x03\x00', 'binary') });
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await expect(page.getByRole('alert')).toContainText('「keikaku.pdf」の中身が拡張子（.pdf）と合いません');
  await page.getByRole('link', { name: '下書き', exact: true }).click();
  await expect(page.getByText('下書きはありません。')).toBeVisible();
});

test('an attachment is addressed by picking a partner the office has exchanged files with', async ({ page }) => {
  // Runs after the first test: さくら has sent to both ひまわり offices.
  await loginAs(page, 'sakura-cm2');
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('最近やり取りした事業所から選ぶ').selectOption({ label: 'ひまわり訪問介護（事業所番号 1372345678・種類 11）' });
  await page.getByLabel('送るファイル').setInputFiles({ name: '訪問介護計画書.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% e2e\n') });
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await expect(page.getByRole('heading', { name: '送信先：ひまわり訪問介護（事業所番号 1372345678）' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'この内容で送信する（1件）' })).toBeEnabled();
  // Not sent: the partner's inbox stays as the other specs expect it.
  await page.getByRole('link', { name: 'この下書きを破棄する' }).click();
  await page.getByRole('button', { name: '下書きを破棄する' }).click();
  await expect(page.getByText('下書きはありません。')).toBeVisible();
});
