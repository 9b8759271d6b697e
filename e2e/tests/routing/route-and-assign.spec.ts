import { test, expect, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loginAs, logout } from '../../fixtures/login';
import { allMail, waitForMail } from '../../fixtures/mail';

// 実績 from ひまわり訪問介護 to ケアプランセンターさくら for three persons (server/src/cli/demo_files.rs
// `actuals_for`; a Rust test keeps this file current).
const fixtures = join(__dirname, '..', '..', 'fixtures', 'routing');
const actuals = join(fixtures, readdirSync(fixtures).find((n) => n.startsWith('UPJSK_'))!);

const roster = '\uFEFF保険者番号,被保険者番号,氏名,フリガナ,生年月日,担当者ログインID,担当者名\r\n'
  + '131016,0000012345,青木 太郎,アオキ タロウ,19400101,sakura-cm1,\r\n'
  + '131016,0000022222,井上 花子,いのうえ はなこ,,sakura-cm2,\r\n';

async function myInboxHas(page: Page, login: string, itemPath: string | null, mine: string, notMine: string): Promise<void> {
  await loginAs(page, login);
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^自分の受信/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('自分の受信');
  // Newest first: earlier specs may have left other items from the same partner.
  const row = page.getByRole('row', { name: /ひまわり訪問介護/ }).first();
  await expect(row.locator('.my-person')).toContainText(mine);
  await expect(page.locator('main')).not.toContainText(notMine);
  if (itemPath) await expect(row.getByRole('link')).toHaveAttribute('href', itemPath);
  await logout(page);
}

test('items are routed per person to each care manager; the manager assigns the rest, reassigns, and staff cannot assign', async ({ page }) => {
  // The manager fills the roster from a CSV, through the preview.
  await loginAs(page, 'sakura-admin');
  await page.getByRole('link', { name: '利用者台帳' }).click();
  await page.getByRole('link', { name: 'CSVから取り込む' }).click();
  await page.getByLabel('CSVファイル').setInputFiles({ name: 'daichou.csv', mimeType: 'text/csv', buffer: Buffer.from(roster, 'utf8') });
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await expect(page.getByRole('table', { name: '取り込む内容' })).toContainText('井上 花子');
  await page.getByRole('button', { name: 'この内容で取り込む（2人）' }).click();
  await expect(page.getByText('利用者台帳に2人分を取り込みました。')).toBeVisible();
  await expect(page.getByRole('row', { name: /井上 花子（イノウエ ハナコ）/ })).toContainText('鈴木 美咲');
  await logout(page);

  // The service office sends 実績 with persons of both care managers and one unknown person.
  await loginAs(page, 'himawari-helper');
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('送るファイル').setInputFiles([actuals]);
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await page.getByRole('button', { name: 'この内容で送信する（1件）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('送信しました');
  await logout(page);

  // Each care manager sees only their own person in 自分の受信.
  await myInboxHas(page, 'sakura-cm1', null, '青木 太郎', '井上 花子');
  await myInboxHas(page, 'sakura-cm2', null, '井上 花子', '青木 太郎');

  // The manager finds the rest in 未割当 and assigns it; the assignee gets a mail.
  const seen = allMail();
  await loginAs(page, 'sakura-admin');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^未割当/ }).click();
  const queued = page.getByRole('row', { name: /ひまわり訪問介護/ }).first();
  await expect(queued).toContainText('1人');
  const itemPath = (await queued.getByRole('link').getAttribute('href'))!;
  await queued.getByRole('checkbox').check();
  await page.getByLabel('割り当てる担当者').selectOption({ label: '鈴木 美咲' });
  await page.getByRole('button', { name: '選んだファイルを割り当てる' }).click();
  await expect(page.getByText('1件のファイルを割り当てました。')).toBeVisible();
  await expect(page.getByText('未割当のファイルはありません。')).toBeVisible();
  const mail = await waitForMail('sakura-cm2@demo.example.jp', '担当のファイルが割り当てられました', seen);
  expect(mail.body).toContain('ひまわり訪問介護から届いたファイル1件');
  expect(mail.body).not.toContain('0000033333');

  // The item shows each person's 担当 and why.
  await page.goto(itemPath);
  const routing = page.getByRole('table', { name: '利用者ごとの担当' });
  await expect(routing.getByRole('row', { name: /青木 太郎/ })).toContainText('担当者台帳により');
  await expect(routing.getByRole('row', { name: /0000033333/ })).toContainText('管理者の割り当てにより');

  // A reassignment moves the item: 鈴木's persons go to 佐藤.
  await page.getByRole('link', { name: '担当者を変更する' }).click();
  await page.getByLabel(/青木 太郎/).uncheck();
  await page.getByRole('radio', { name: '佐藤 一郎' }).check();
  await page.getByRole('button', { name: '割り当てる' }).click();
  await expect(page.getByText('担当者を変更しました。')).toBeVisible();
  await expect(routing.getByRole('row', { name: /井上 花子/ })).toContainText('佐藤 一郎');
  await logout(page);

  await loginAs(page, 'sakura-cm2');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^自分の受信/ }).click();
  await expect(page.locator(`a[href="${itemPath}"]`)).toHaveCount(0);
  await logout(page);

  // A staff user cannot assign others (403), neither the page nor the form post.
  await loginAs(page, 'sakura-cm1');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: /^自分の受信/ }).click();
  await expect(page.locator(`a[href="${itemPath}"]`)).toHaveCount(1);
  const assignPage = await page.goto(`${itemPath}/assign`);
  expect(assignPage?.status()).toBe(403);
  const post = await page.request.post(`${itemPath}/assign`, {
    form: { version: '1', persons: '131016:0000033333', to: 'none' },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
});
