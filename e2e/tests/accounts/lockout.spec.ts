import { test, expect } from '@playwright/test';
import { createStaff } from '../../fixtures/accounts';
import { allMail, waitForMail } from '../../fixtures/mail';

test('after ten failed logins the account is told to wait, even with the right password', async ({ page }) => {
  await createStaff(page, { name: '石井 施錠', login: 'sakura-lock', email: 'ishii@demo.example.jp', password: 'a long phrase to lock' });
  const seen = allMail();
  const attempt = async (password: string) => {
    await page.goto('/login');
    await page.getByLabel('ログインID').fill('sakura-lock');
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログインする' }).click();
  };
  for (let i = 0; i < 9; i++) {
    await attempt(`wrong password ${i}`);
    await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  }
  await attempt('wrong password 10');
  await expect(page.getByRole('alert')).toContainText('15分ほど待ってから、もう一度お試しください。');
  await attempt('a long phrase to lock');
  await expect(page.getByRole('alert')).toContainText('15分ほど待ってから、もう一度お試しください。');
  await waitForMail('ishii@demo.example.jp', 'ログインを一時的に停止しました', seen);
});
