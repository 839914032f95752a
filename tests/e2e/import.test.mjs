// End to end: importing text files — the seed comes back byte for byte, a GBK
// file is recognised and the encoding reported, a renamed .docx is refused
// with a clear message and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { waitForApp, freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_7470bc842f3634e7.txt');
const app = useBrowser();

async function library() {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  return page;
}

test('the seed report imports into five sections and exports to the same bytes', async () => {
  const page = await library();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('notice').filter({ hasText: '编码：UTF-8' }).filter({ hasText: '五项内容齐全' }).waitFor();
  assert.equal(await page.getByTestId('task-row').count(), 5);
  assert.match(await page.getByTestId('doc-title').innerText(), /区国资委2023年度/);
  await page.getByRole('link', { name: /^一、/ }).click();
  // The section screen replaces the task list after the hash changes.
  await page.getByRole('heading', { level: 1, name: /^一、/ }).waitFor();
  assert.equal(await page.getByTestId('item').count(), 3);
  await page.getByRole('button', { name: '← 返回任务列表' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出文本文件（.txt）' }).click(),
  ]);
  assert.deepEqual(fs.readFileSync(await download.path()), fs.readFileSync(SEED));
  await page.close();
});

test('a GBK file is recognised and the encoding is reported', async () => {
  const page = await library();
  await page.getByLabel(/导入文件/).setInputFiles(path.join(ROOT, 'tests', 'corpus', '11_gbk_crlf.txt'));
  await page.getByTestId('notice').filter({ hasText: 'GBK/GB18030' }).waitFor();
  assert.match(await page.getByTestId('doc-title').innerText(), /某镇人民政府2024年度/);
  await page.close();
});

test('a .docx renamed to .txt, an empty file and binary data are refused; nothing changes', async () => {
  const page = await library();
  const files = [
    ['renamed.txt', Buffer.from('PK\x03\x04\x14\x00\x06\x00 word/document.xml', 'latin1'), 'Word 文档'],
    ['empty.txt', Buffer.alloc(0), '空的'],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), '不是文本文件'],
  ];
  for (const [name, bytes, message] of files) {
    const file = path.join(OUT, name);
    fs.writeFileSync(file, bytes);
    await page.getByLabel(/导入文件/).setInputFiles(file);
    await page.getByTestId('storage-warning').filter({ hasText: message }).filter({ hasText: name }).waitFor();
  }
  await page.screenshot({ path: path.join(OUT, 'import-refused.png') });
  assert.equal(await page.getByTestId('draft-row').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/draft/'))), []);
  await page.close();
});

test('export .docx and a share file through the UI, and import each again', async () => {
  const page = await library();
  await page.getByLabel(/导入文件/).setInputFiles(SEED);
  await page.getByTestId('task-row').first().waitFor();
  await page.getByRole('button', { name: '检查并导出' }).click();

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word（.docx）' }).click()]);
  assert.equal(docx.suggestedFilename(), '区国资委2023年度法治政府建设情况报告.docx');
  const docxFile = path.join(OUT, 'export.docx');
  await docx.saveAs(docxFile);
  assert.equal(fs.readFileSync(docxFile).subarray(0, 4).toString('latin1'), 'PK\x03\x04');

  const [share] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出分享文件' }).click()]);
  assert.match(share.suggestedFilename(), /\.fzbg\.json$/);
  const shareFile = path.join(OUT, 'export.fzbg.json');
  await share.saveAs(shareFile);

  for (const [file, how] of [[docxFile, 'Word 文档'], [shareFile, '分享文件']]) {
    await page.goto(app.server.url + '#/');
    await page.getByLabel(/导入文件/).setInputFiles(file);
    await page.getByTestId('notice').filter({ hasText: how }).filter({ hasText: '五项内容齐全' }).waitFor();
    const [txt] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出文本文件（.txt）' }).click()]);
    assert.deepEqual(fs.readFileSync(await txt.path()), fs.readFileSync(SEED), `${how}: no character lost`);
  }
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/draft/')).length), 3);
  await page.close();
});

test('a corrupt .docx and a share file from a newer version are refused; nothing changes', async () => {
  const page = await library();
  const corrupt = path.join(OUT, 'corrupt.docx');
  fs.writeFileSync(corrupt, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]));
  await page.getByLabel(/导入文件/).setInputFiles(corrupt);
  await page.getByTestId('storage-warning').filter({ hasText: 'corrupt.docx' }).waitFor();
  const newer = path.join(OUT, 'newer.fzbg.json');
  fs.writeFileSync(newer, JSON.stringify({ format: 'fazhi-report-share', schema: 99, draft: {} }));
  await page.getByLabel(/导入文件/).setInputFiles(newer);
  await page.getByTestId('storage-warning').filter({ hasText: '更新版本' }).waitFor();
  assert.equal(await page.getByTestId('draft-row').count(), 0);
  await page.close();
});
