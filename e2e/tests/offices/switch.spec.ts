import { test, expect } from '@playwright/test';
import { loginAs } from '../../fixtures/login';

test('a member of two offices switches office and the header follows', async ({ page }) => {
  await loginAs(page, 'himawari-admin');
  const header = page.locator('.site-header__office');
  const first = (await header.textContent()) ?? '';
  const target = first.includes('ひまわり訪問介護') ? 'ひまわりデイサービス' : 'ひまわり訪問介護';
  await page.getByRole('link', { name: '事業所の切り替え' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('事業所の切り替え');
  await page.getByRole('button', { name: `${target}に切り替える` }).click();
  await expect(page.getByText(`${target}に切り替えました。`)).toBeVisible();
  await expect(header).toContainText(target);
});
