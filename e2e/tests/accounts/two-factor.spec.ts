import { test, expect } from '@playwright/test';
import { createStaff } from '../../fixtures/accounts';
import { loginAs, logout } from '../../fixtures/login';
import { totp } from '../../fixtures/totp';

test('a user enables two-factor login and must enter a code at the next login', async ({ page }) => {
  await createStaff(page, { name: '加藤 二要素', login: 'sakura-totp', email: 'kato.nifa@demo.example.jp', password: 'a long phrase for two steps' });
  await loginAs(page, 'sakura-totp', 'a long phrase for two steps');

  // Enrol: the QR code and the key to type; the app's code confirms it.
  await page.getByRole('banner').locator('summary').click();
  await page.getByRole('link', { name: '2段階認証' }).click();
  await page.getByRole('button', { name: '2段階認証を設定する' }).click();
  await expect(page.getByRole('img', { name: '認証アプリに登録するためのQRコード' })).toBeVisible();
  const secret = ((await page.locator('.manual-key').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('確認コード').fill(totp(secret));
  await page.getByRole('button', { name: '2段階認証を有効にする' }).click();
  await expect(page.getByText('2段階認証を有効にしました。')).toBeVisible();
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);
  await page.getByRole('link', { name: 'ホームへ進む' }).click();
  await logout(page);

  // Next login: password, then the code (the next time step: the last one was used).
  await page.goto('/login');
  await page.getByLabel('ログインID').fill('sakura-totp');
  await page.getByLabel('パスワード').fill('a long phrase for two steps');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('確認コードの入力');
  await page.getByLabel('確認コード').fill('000000');
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByRole('alert')).toContainText('確認コードが正しくありません。');
  await page.getByLabel('確認コード').fill(totp(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'ログインする' }).click();
  await expect(page.getByText('現在の事業所：')).toBeVisible();
  await expect(page.locator('.user-menu__toggle')).toContainText('加藤 二要素');
});
