// 版の管理 end to end: a newer plan makes the older one 更新済 on the partner's side, the
// older page warns and links to the newest, the diff names the changed field, the partner
// confirms the newest version, and the sender sees who confirmed and who has not seen it.
import { test, expect, type Page } from '@playwright/test';
import { loginAs, logout } from '../../fixtures/login';
import { planUnit, type SpecFile } from '../../fixtures/spec-files';

// A person no other spec sends, so this chain is the spec's own.
const INSURED = '0000077777';
const HELPER = '1372345678_11'; // ひまわり訪問介護
const DAY = '1372345679_15'; // ひまわりデイサービス

async function send(page: Page, files: SpecFile[]): Promise<void> {
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('送るファイル').setInputFiles(files);
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await page.getByRole('button', { name: `この内容で送信する（${files.length}件）` }).click();
  await expect(page.getByText('2か所の事業所に送信しました。')).toBeVisible();
}

function rows(page: Page) {
  return page.getByRole('table', { name: '受信したファイル' }).locator('tbody tr');
}

test('a newer plan supersedes the older one for the partner, who confirms it; the sender sees who has not seen it', async ({ page }, testInfo) => {
  // v1 to both partners.
  await loginAs(page, 'sakura-cm1');
  await send(page, [...planUnit(INSURED, '20260410090000', HELPER), ...planUnit(INSURED, '20260410090000', DAY)]);
  await logout(page);

  // 訪問介護 opens v1: it is the newest so far.
  await loginAs(page, 'himawari-helper');
  await page.getByRole('link', { name: '受信', exact: true }).click();
  await expect(rows(page).first()).toContainText('最新');
  await rows(page).first().getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ケアプランセンターさくら');
  await expect(page.getByText('この計画は新しい版で置き換えられています')).toHaveCount(0);
  await logout(page);

  // v2 with a changed 要介護状態区分 and 認定有効期間終了日, to both partners.
  const change = (f: string[]) => {
    f[19] = '20270331';
    f[20] = '23';
  };
  await loginAs(page, 'sakura-cm1');
  await send(page, [...planUnit(INSURED, '20260415090000', HELPER, change), ...planUnit(INSURED, '20260415090000', DAY, change)]);
  await logout(page);

  // 訪問介護's inbox: v2 最新, v1 更新済 with a link to the newest.
  await loginAs(page, 'himawari-helper');
  await page.getByRole('link', { name: '受信', exact: true }).click();
  await expect(rows(page).nth(0)).toContainText('最新');
  await expect(rows(page).nth(1)).toContainText('更新済');
  await expect(rows(page).nth(1).getByRole('link', { name: '最新版へ' })).toBeVisible();

  // v1's page: the banner, before the heading, with links to the newest and to the changes.
  await rows(page).nth(1).getByRole('link').first().click();
  const banner = page.getByRole('region', { name: 'この計画は新しい版で置き換えられています' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('版 1/2');
  await expect(page.getByRole('button', { name: /内容確認済にする/ })).toHaveCount(0);
  const v1Url = page.url();

  // v1's print view (帳票): the sheet's repeated header carries 版 1/2 and 旧版, and the banner
  // prints with it, so a paper copy of the old version says so.
  await page.getByRole('link', { name: /^UP1KYO_.*を帳票で見る$/ }).click();
  await page.emulateMedia({ media: 'print' });
  const sheet = page.locator('section.print-sheet').first();
  const printedStamp = sheet.locator('thead .version-stamp');
  await expect(printedStamp).toContainText('版 1/2');
  await expect(printedStamp).toContainText('旧版');
  await expect(printedStamp).toContainText('最新版ではありません');
  const printedBanner = sheet.getByRole('region', { name: 'この計画は新しい版で置き換えられています' });
  await expect(printedBanner).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  const shot = await sheet.screenshot({ path: testInfo.outputPath('plan1-v1-print.png') });
  await testInfo.attach('plan1-v1-print.png', { body: shot, contentType: 'image/png' });
  // The screenshot is of the printed sheet, and the stamp and banner are inside it.
  const sheetBox = (await sheet.boundingBox())!;
  expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(Math.abs(shot.readUInt32BE(16) - sheetBox.width)).toBeLessThanOrEqual(1);
  for (const part of [printedStamp, printedBanner]) {
    const box = (await part.boundingBox())!;
    expect(box.height).toBeGreaterThan(0);
    expect(box.y).toBeGreaterThanOrEqual(sheetBox.y);
    expect(box.y + box.height).toBeLessThanOrEqual(sheetBox.y + sheetBox.height);
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(printedBanner.getByRole('link', { name: '最新版を表示する' })).toHaveAttribute('href', /\/form$/);
  await page.goto(v1Url);

  // The diff names the changed fields, old → new.
  await banner.getByRole('link', { name: '変更点を確認する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('変更点の確認');
  await expect(page.getByText('2件の違いがあります。')).toBeVisible();
  const changed = page.getByRole('row', { name: /要介護状態区分/ });
  await expect(changed).toContainText('06');
  await expect(changed).toContainText('23');
  await expect(page.getByRole('row', { name: /認定有効期間終了日/ })).toContainText('2027年3月31日');

  // B confirms v2.
  await page.goto(v1Url);
  await page.getByRole('link', { name: '最新版を表示する' }).click();
  await expect(page.getByText('この計画は新しい版で置き換えられています')).toHaveCount(0);
  await page.getByRole('button', { name: /内容確認済にする/ }).click();
  await expect(page.getByText('内容確認済にしました。送信元にも伝わります。')).toBeVisible();
  await expect(page.getByRole('table', { name: 'このファイルに含まれる書類と版' })).toContainText('高橋 由美');
  await logout(page);

  // さくら sees B confirmed v2, and that デイサービス has not seen it.
  await loginAs(page, 'sakura-cm1');
  await page.getByRole('link', { name: '送信済み' }).first().click();
  await page.getByRole('row', { name: /ひまわり訪問介護/ }).filter({ hasText: '最新' }).first().getByRole('link').first().click();
  await page.getByRole('link', { name: '送信先ごとの確認状況' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('送信先ごとの確認状況');
  const helperRow = page.getByRole('row', { name: /ひまわり訪問介護/ });
  await expect(helperRow).toContainText('版 2/2');
  await expect(helperRow.getByRole('cell').nth(4)).toContainText('高橋 由美');
  const dayRow = page.getByRole('row', { name: /ひまわりデイサービス/ });
  await expect(dayRow).toContainText('未開封');
  await expect(page.locator('[data-chase-list]')).toContainText('ひまわりデイサービス');
  await expect(page.locator('[data-chase-list]')).not.toContainText('ひまわり訪問介護');

  // The 確認状況 list has デイサービス's newest version to chase.
  await page.getByRole('link', { name: '確認状況', exact: true }).click();
  await expect(page.getByRole('table', { name: '送信先が未確認の最新版' })).toContainText('ひまわりデイサービス');
});
