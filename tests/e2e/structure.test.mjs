// End to end (issue #16): a Word report whose numbering is Word's automatic
// numbering (the "一、" is only in numbering.xml, reached through the heading
// style, as Chinese-locale Word writes it) imports into its five parts, shown
// in the task list as Word shows them; a report that spreads its measures over
// thematic headings shows that part once, with its themes; a .docx with broken
// numbering imports as plain text with a notice and every paragraph kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const DOCX = path.join(ROOT, 'tests', 'corpus', 'docx');
const app = useBrowser();

async function importFile(file) {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  await page.getByLabel(/导入文件/).setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: 'Word 文档' }).waitFor();
  return page;
}

test('Word automatic numbering through heading styles: five parts with their numbers as Word shows them', async () => {
  const page = await importFile(path.join(DOCX, '12_word_cn_style_numbering.docx'));
  assert.match(await page.getByTestId('notice').innerText(), /找到 5 个部分，规定的五项内容齐全/);
  const rows = page.getByTestId('task-row').locator('.task-link');
  assert.deepEqual(await rows.allInnerTexts(), [
    '一、2024年度推进法治政府建设的主要举措和成效',
    '二、2024年度推进法治政府建设存在的不足和原因',
    '三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况',
    '四、2025年度推进法治政府建设的主要安排',
    '五、其他需要报告的情况',
  ]);
  await page.getByTestId('notice').getByRole('button', { name: '关闭提示' }).click();
  await page.screenshot({ path: path.join(OUT, 'docx-numbering-tasklist.png'), fullPage: true });
  // The items carry Word's （一） too.
  await page.getByRole('link', { name: /^一、/ }).click();
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  assert.equal(await page.getByTestId('item').count(), 3);
  await page.close();
});

test('thematic measures headings from a LibreOffice list: one part, its themes listed, nothing missing', async () => {
  const page = await importFile(path.join(DOCX, '04_lo_thematic_measures.docx'));
  assert.match(await page.getByTestId('notice').innerText(), /找到 5 个部分（“主要举措和成效”分为 3 个主题），规定的五项内容齐全/);
  // Five rows: the three themes are one part.
  assert.equal(await page.getByTestId('task-row').count(), 5);
  const first = page.getByTestId('task-row').first();
  assert.match(await first.locator('.task-link').innerText(), /主要举措和成效/);
  assert.deepEqual(await first.getByTestId('task-theme').allInnerTexts(), [
    '一、坚持依法行政，加快政府职能转变',
    '二、健全决策机制，提高决策质量',
    '三、严格规范公正文明执法',
  ]);
  assert.equal(await page.locator('.error-summary').count(), 0, 'no part reported missing');
  await page.getByTestId('notice').getByRole('button', { name: '关闭提示' }).click();
  await page.screenshot({ path: path.join(OUT, 'docx-thematic-tasklist.png'), fullPage: true });
  // Each theme opens its own items.
  await first.getByTestId('task-theme').nth(1).click();
  await page.getByRole('heading', { level: 1, name: /^二、健全决策机制/ }).waitFor();
  assert.equal(await page.getByTestId('item').count(), 2);
  await page.close();
});

test('a .docx whose numbering.xml is malformed imports as plain text with a notice, no paragraph lost', async () => {
  const page = await importFile(path.join(DOCX, '18_bad_numbering_malformed.docx'));
  const notice = await page.getByTestId('notice').innerText();
  assert.match(notice, /自动编号信息缺失或已损坏/);
  assert.match(notice, /五项内容齐全/);
  assert.equal(await page.getByTestId('task-row').count(), 5);
  await page.close();
});
