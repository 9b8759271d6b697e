import { test, expect } from '@playwright/test';
import { loginAs } from '../../fixtures/login';

test('a user sees where they are signed in and ends another session', async ({ page, browser }) => {
  const other = await browser.newContext({ javaScriptEnabled: false });
  const otherPage = await other.newPage();
  await loginAs(otherPage, 'himawari-admin');
  await loginAs(page, 'himawari-admin');
  await page.goto('/account/sessions');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ログイン中の端末');
  await expect(page.getByText('この端末', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '終了する' }).first().click();
  await expect(page.getByText('ログインを終了しました。')).toBeVisible();
  await otherPage.goto('/');
  await expect(otherPage).toHaveURL(/\/login\?ended=1$/);
  await other.close();
});
