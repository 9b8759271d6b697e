import { test, expect } from '@playwright/test';
import { loginAs, logout } from '../../fixtures/login';
import { allMail, linkIn, waitForMail } from '../../fixtures/mail';

test('an admin sends a reset mail and the staff member sets a new password', async ({ page }) => {
  const seen = allMail();
  await loginAs(page, 'himawari-admin');
  // 高橋 由美 works at ひまわり訪問介護: act as its admin.
  if (!((await page.locator('.site-header__office').textContent()) ?? '').includes('ひまわり訪問介護')) {
    await page.goto('/offices');
    await page.getByRole('button', { name: 'ひまわり訪問介護に切り替える' }).click();
  }
  await page.goto('/admin/staff');
  await page.getByRole('link', { name: '高橋 由美' }).click();
  await page.getByRole('button', { name: 'パスワード再設定メールを送る' }).click();
  await expect(page.getByText('高橋 由美さんにパスワード再設定メールを送りました。')).toBeVisible();
  await logout(page);

  const mail = await waitForMail('himawari-helper@demo.example.jp', 'パスワード再設定のご案内', seen);
  expect(mail.body).toContain('事業所の管理者から');
  await page.goto(linkIn(mail));
  await page.getByLabel('新しいパスワード').fill('takahashi new long phrase');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードを変更しました。')).toBeVisible();
  await loginAs(page, 'himawari-helper', 'takahashi new long phrase');
});
