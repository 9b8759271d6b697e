import { test, expect } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loginAs, logout } from '../../fixtures/login';

const filesDir = process.env.E2E_FILES!;
// The plan unit for ひまわり訪問介護: 第1〜3表 and the plan-tied 補足 (ファイル連番 20250401090000).
const planUnit = readdirSync(filesDir)
  .filter((n) => /^(UP1KYO|UP2KYO|UP3KYO|UPHOSOKU_000000)_/.test(n))
  .map((n) => join(filesDir, n));

test('the partner opens a plan as its paper form and prints it on A4 landscape with the version stamp', async ({ page }, testInfo) => {
  expect(planUnit.length).toBe(4);
  await loginAs(page, 'sakura-cm1');
  await page.getByRole('link', { name: 'ファイルを送る' }).first().click();
  await page.getByLabel('送るファイル').setInputFiles(planUnit);
  await page.getByRole('button', { name: 'アップロードして内容を確認する' }).click();
  await page.getByRole('button', { name: 'この内容で送信する（4件）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('送信しました');
  await logout(page);

  await loginAs(page, 'himawari-helper');
  await page.getByRole('link', { name: '受信', exact: true }).click();
  await page.getByRole('row', { name: /ケアプランセンターさくら/ }).getByRole('link').first().click();
  await page.getByRole('link', { name: /^UP2KYO_.*を帳票で見る$/ }).click();

  await expect(page).toHaveTitle(/^第2表 居宅サービス計画書（２）｜/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('第2表 居宅サービス計画書（２）');
  const sheet = page.locator('section.print-sheet').first();
  await expect(sheet.getByRole('heading', { level: 2 }).first()).toContainText('居宅サービス計画書（２）');
  const needs = page.getByRole('table', { name: '生活全般の解決すべき課題・援助目標・援助内容' });
  await expect(needs.getByRole('columnheader', { name: '生活全般の解決すべき課題（ニーズ）' })).toBeVisible();
  const stamp = sheet.locator('.version-stamp');
  await expect(stamp).toContainText('作成');
  await expect(stamp).toContainText('受信 ');

  // Print: the portal's frame and the page heading go, the sheet and its stamp stay.
  await page.emulateMedia({ media: 'print' });
  await expect(stamp).toBeVisible();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(needs).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plan2-print.png'), fullPage: true });

  // A4 from the page's own @page rules: the sheet's named page is landscape.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await testInfo.attach('plan2.pdf', { body: pdf, contentType: 'application/pdf' });
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [width, height] of boxes) {
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
    expect(Math.round(width)).toBe(842);
    expect(Math.round(height)).toBe(595);
  }
});
