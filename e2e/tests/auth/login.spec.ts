import { test, expect } from '@playwright/test';
import { loginAs, logout } from '../../fixtures/login';

test('a care manager logs in, sees the current office, and logs out', async ({ page }) => {
  await loginAs(page, 'sakura-cm1');
  await expect(page).toHaveTitle('ホーム｜ケアプラン連携ポータル');
  await expect(page.locator('.site-header__office')).toContainText('ケアプランセンターさくら');
  await expect(page.locator('.site-header__office')).toContainText('1371234567');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ケアプランセンターさくら');
  await logout(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});

test('a wrong password gets a generic message in the error summary', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('ログインID').fill('sakura-cm1');
  await page.getByLabel('パスワード').fill('this is not it');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page).toHaveTitle(/^エラー：ログイン/);
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('入力内容を確認してください');
  await expect(summary).toContainText('ログインIDまたはパスワードが正しくありません。');
  await expect(page.getByLabel('ログインID')).toHaveValue('sakura-cm1');
  await expect(page.getByLabel('パスワード')).toHaveValue('');
});
