import { test, expect } from '@playwright/test';
import { createStaff } from '../../fixtures/accounts';
import { loginAs } from '../../fixtures/login';
import { allMail, linkIn, waitForMail } from '../../fixtures/mail';

test('a user who forgot the password sets a new one through the mailed link', async ({ page }) => {
  await createStaff(page, { name: '森 忘子', login: 'sakura-forgot', email: 'mori@demo.example.jp', password: 'the first long phrase' });
  const seen = allMail();
  await page.goto('/login');
  await page.getByRole('link', { name: 'パスワードを忘れた場合' }).click();
  await page.getByLabel('ログインIDまたはメールアドレス').fill('sakura-forgot');
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByText('登録されていれば、メールを送信しました。')).toBeVisible();

  const mail = await waitForMail('mori@demo.example.jp', 'パスワード再設定のご案内', seen);
  await page.goto(linkIn(mail));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('新しいパスワードの設定');
  await expect(page.getByText('森 忘子さん（ログインID：sakura-forgot）')).toBeVisible();
  // A common password is refused with the reason; the link stays usable.
  await page.getByLabel('新しいパスワード').fill('password1234567');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByRole('alert')).toContainText('よく使われていて推測されやすい');
  await page.getByLabel('新しいパスワード').fill('a second phrase she picked');
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await expect(page.getByText('パスワードを変更しました。新しいパスワードでログインしてください。')).toBeVisible();

  await loginAs(page, 'sakura-forgot', 'a second phrase she picked');
  await waitForMail('mori@demo.example.jp', 'パスワードが変更されました', seen);

  // The same link cannot be used twice.
  await page.goto(linkIn(mail));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('このリンクは使えません');
});

test('an unknown account gets the same answer', async ({ page }) => {
  await page.goto('/password/forgot');
  await page.getByLabel('ログインIDまたはメールアドレス').fill('nobody@demo.example.jp');
  await page.getByRole('button', { name: '再設定のメールを送る' }).click();
  await expect(page.getByText('登録されていれば、メールを送信しました。')).toBeVisible();
});
