import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD } from '../../fixtures/login';
import { allMail, waitForMail } from '../../fixtures/mail';

test('after ten failed logins the account is told to wait, even with the right password', async ({ page }) => {
  const seen = allMail();
  const attempt = async (password: string) => {
    await page.goto('/login');
    await page.getByLabel('ログインID').fill('himawari-day');
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログインする' }).click();
  };
  for (let i = 0; i < 9; i++) {
    await attempt(`wrong password ${i}`);
    await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  }
  await attempt('wrong password 10');
  await expect(page.getByRole('alert')).toContainText('15分ほど待ってから、もう一度お試しください。');
  await attempt(DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('15分ほど待ってから、もう一度お試しください。');
  await waitForMail('himawari-day@demo.example.jp', 'ログインを一時的に停止しました', seen);
});
