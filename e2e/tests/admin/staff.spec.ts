import { test, expect } from '@playwright/test';
import { loginAs, logout } from '../../fixtures/login';
import { allMail, linkIn, waitForMail } from '../../fixtures/mail';

test('an admin adds a staff member, who is invited by mail and can then log in', async ({ page }) => {
  const seen = allMail();
  await loginAs(page, 'sakura-admin');
  await page.getByRole('link', { name: '職員の管理' }).first().click();
  await page.getByRole('link', { name: '職員を追加する' }).click();
  // A first try with mistakes comes back with the error summary, values kept.
  await page.getByLabel('氏名').fill('');
  await page.getByLabel('ログインID').fill('sakura-new');
  await page.getByRole('button', { name: '職員を追加する' }).click();
  await expect(page.getByRole('alert')).toContainText('氏名を入力してください。');
  await expect(page.getByLabel('ログインID')).toHaveValue('sakura-new');

  await page.getByLabel('氏名').fill('渡辺 直子');
  await page.getByLabel('メールアドレス').fill('watanabe@demo.example.jp');
  await page.getByLabel('管理職').check();
  await page.getByRole('button', { name: '職員を追加する' }).click();
  await expect(page.getByText('渡辺 直子さんを追加し、watanabe@demo.example.jp に招待メールを送りました。')).toBeVisible();
  await logout(page);

  const mail = await waitForMail('watanabe@demo.example.jp', '招待', seen);
  await page.goto(linkIn(mail));
  await page.getByLabel('新しいパスワード').fill('naoko first long phrase');
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await expect(page.getByText('パスワードを設定しました。')).toBeVisible();

  await loginAs(page, 'sakura-new', 'naoko first long phrase');
  await expect(page.locator('.user-menu__toggle')).toContainText('渡辺 直子（管理職）');
});

test('an admin of office A opening a staff page of office B gets 404', async ({ page, browser }) => {
  // Office B's admin finds the address of one of B's staff pages.
  const other = await browser.newContext({ javaScriptEnabled: false });
  const bPage = await other.newPage();
  await loginAs(bPage, 'himawari-admin');
  await bPage.goto('/admin/staff');
  const href = await bPage.getByRole('link', { name: '田中 健' }).getAttribute('href');
  expect(href).toMatch(/^\/admin\/staff\/[0-9a-f-]{36}$/);
  await other.close();

  await loginAs(page, 'sakura-admin');
  const response = await page.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await expect(page.getByText('田中 健')).toHaveCount(0);
});

test('a staff member is refused the admin pages', async ({ page }) => {
  await loginAs(page, 'sakura-cm1');
  await expect(page.getByRole('link', { name: '職員の管理' })).toHaveCount(0);
  const response = await page.goto('/admin/staff');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('この操作を行う権限がありません');
});
