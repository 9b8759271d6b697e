import { test, expect } from '@playwright/test';
import { createStaff } from '../../fixtures/accounts';
import { loginAs, logout } from '../../fixtures/login';
import { allMail, linkIn, waitForMail } from '../../fixtures/mail';

test('an admin sends a reset mail and the staff member sets a new password', async ({ page }) => {
  await createStaff(page, { name: '林 再設定', login: 'sakura-reset', email: 'hayashi@demo.example.jp', password: 'the first long phrase' });
  const seen = allMail();
  await loginAs(page, 'sakura-admin');
  await page.goto('/admin/staff');
  await page.getByRole('link', { name: '林 再設定' }).click();
  await page.getByRole('button', { name: 'パスワード再設定メールを送る' }).click();
  await expect(page.getByText('林 再設定さんにパスワード再設定メールを送りました。')).toBeVisible();
  await logout(page);

  const mail = await waitForMail('hayashi@demo.example.jp', 'パスワード再設定のご案内', seen);
  expect(mail.body).toContain('事業所の管理者から');
  await page.goto(linkIn(mail));
  await page.getByLabel('新しいパスワード').fill('a brand new long phrase');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードを変更しました。')).toBeVisible();
  await loginAs(page, 'sakura-reset', 'a brand new long phrase');
});
