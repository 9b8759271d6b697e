import { test, expect } from '@playwright/test';
import { loginAs, logout } from '../../fixtures/login';
import { allMail, linkIn, waitForMail } from '../../fixtures/mail';

test('an invited staff member sets a password and joins', async ({ page }) => {
  const seen = allMail();
  await loginAs(page, 'sakura-admin');
  await page.goto('/admin/staff/new');
  await page.getByLabel('氏名').fill('小林 恵');
  await page.getByLabel('ログインID').fill('sakura-kobayashi');
  await page.getByLabel('メールアドレス').fill('kobayashi@demo.example.jp');
  await page.getByLabel('職員', { exact: true }).check();
  await page.getByRole('button', { name: '職員を追加する' }).click();
  await expect(page.getByText('小林 恵さんを追加し、kobayashi@demo.example.jp に招待メールを送りました。')).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('招待中');
  await logout(page);

  const mail = await waitForMail('kobayashi@demo.example.jp', 'ケアプラン連携ポータルへの招待', seen);
  expect(mail.body).toContain('ケアプランセンターさくら');
  await page.goto(linkIn(mail));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('パスワードの設定');
  await page.getByLabel('新しいパスワード').fill('megumi picked a long one');
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await expect(page.getByText('パスワードを設定しました。')).toBeVisible();
  await loginAs(page, 'sakura-kobayashi', 'megumi picked a long one');
  await expect(page.locator('.user-menu__toggle')).toContainText('小林 恵（職員）');
});
