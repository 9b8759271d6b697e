import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loginAs, logout } from '../../fixtures/login';

// The 予実突合 scenario written by `server demo-files` (server/src/cli/demo_reconcile.rs):
// 予定 for two persons in May 2025, and 実績 that leaves out 5月8日 and adds 5月16日 for the first.
const dir = join(process.env.E2E_FILES!, 'reconcile');
const files = readdirSync(dir).map((n) => join(dir, n));
const planUnit = files.filter((p) => !p.includes('UPJSK_'));
const actuals = files.filter((p) => p.includes('UPJSK_'));

async function send(page: import('@playwright/test').Page, paths: string[]): Promise<void> {
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('送るファイル').setInputFiles(paths);
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await page.getByRole('button', { name: `この内容で送信する（${paths.length}件）` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('送信しました');
}

test('予定 for two persons against 実績 with a missing and an extra day: exactly two differences, the partner 差異あり', async ({ page }) => {
  expect(planUnit.length).toBe(3);
  expect(actuals.length).toBe(1);
  await loginAs(page, 'sakura-cm1');
  await send(page, planUnit);
  await logout(page);

  await loginAs(page, 'himawari-helper');
  await send(page, actuals);
  await logout(page);

  await loginAs(page, 'sakura-cm1');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '予実突合' }).click();
  await page.getByLabel('対象年月').fill('2025年5月');
  await page.getByRole('button', { name: '表示する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予実突合（2025年5月分）');

  const table = page.getByRole('table', { name: '利用者・事業所ごとの突合結果' });
  const differences = table.locator('.reconcile-table__differences li');
  await expect(differences).toHaveCount(2);
  await expect(differences.nth(0)).toHaveText('5月8日 111111 9:00〜10:00：予定がありますが、実績がありません。');
  await expect(differences.nth(1)).toHaveText('5月16日 111111 9:00〜10:00：実績がありますが、予定がありません。');
  const yamada = table.getByRole('row', { name: /山田 花子/ });
  await expect(yamada).toContainText('差異あり');
  await expect(yamada).toContainText('ひまわり訪問介護（事業所番号 1372345678）');
  await expect(table.getByRole('row', { name: /鈴木 次郎/ })).toContainText('一致');

  // Drill down: the person's days, both sides side by side.
  await yamada.getByRole('link', { name: /山田 花子/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('山田 花子（ヤマダ ハナコ）の予実（2025年5月分）');
  const days = page.getByRole('table', { name: '日ごとの予定と実績' });
  await expect(days.getByRole('row', { name: /^5月8日/ })).toContainText('予定がありますが、実績がありません。');
  await expect(days.getByRole('row', { name: /^5月16日/ })).toContainText('実績がありますが、予定がありません。');
  await expect(days.getByRole('row', { name: /^5月7日/ })).toContainText('一致');

  // The monthly-cycle board shows the partner as 差異あり, with the care manager in charge.
  await page.getByRole('link', { name: '予実突合の一覧に戻る' }).click();
  await page.getByRole('link', { name: '月次の進み具合' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('月次の進み具合（2025年5月分）');
  const partner = page.getByRole('table', { name: '事業所ごとの進み具合' }).getByRole('row', { name: /ひまわり訪問介護/ });
  await expect(partner.locator('.status-badge')).toHaveText('差異あり');
  await expect(partner).toContainText('送信済み：2人');
  await expect(partner).toContainText('受信済み：2人');
  await expect(partner).toContainText('佐藤 一郎');

  // The discrepancy list downloads as Excel-safe CSV and prints.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '差異一覧をCSVで出力' }).click(),
  ]);
  const csv = readFileSync(await download.path());
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.toString('utf8').trim().split('\r\n')).toHaveLength(3);
  await page.getByRole('link', { name: '印刷用の表示' }).click();
  await expect(page.locator('.print-sheet__stamp')).toContainText('予実突合 差異一覧｜2025年5月分');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-nav')).toBeHidden();
  await expect(page.locator('.print-sheet tbody tr')).toHaveCount(2);
});
