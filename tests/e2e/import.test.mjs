// End to end: importing text files — the seed comes back byte for byte, a GBK
// file is recognised and the encoding reported, a renamed .docx is refused
// with a clear message and nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, waitForApp, ROOT, OUT } from './harness.mjs';

const SEED = path.join(ROOT, '..', 'shared', 'seed', '000_7470bc842f3634e7.txt');
let server;
let context;
before(async () => { server = await serveDist(); context = await launch(); });
after(async () => { await context?.close(); await server?.close(); });

async function library() {
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto(server.url + '#/');
  await page.reload();
  await waitForApp(page);
  await page.getByRole('link', { name: '草稿库' }).first().click();
  await page.getByRole('heading', { name: '草稿库' }).waitFor();
  return page;
}

test('the seed report imports into five sections and exports to the same bytes', async () => {
  const page = await library();
  await page.getByLabel('导入文本文件（.txt）').setInputFiles(SEED);
  await page.getByTestId('notice').filter({ hasText: '编码：UTF-8' }).filter({ hasText: '五项内容齐全' }).waitFor();
  assert.equal(await page.getByTestId('task-row').count(), 5);
  assert.match(await page.getByTestId('doc-title').innerText(), /区国资委2023年度/);
  await page.getByRole('link', { name: /^一、/ }).click();
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
  await page.getByLabel('导入文本文件（.txt）').setInputFiles(path.join(ROOT, 'tests', 'corpus', '11_gbk_crlf.txt'));
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
    await page.getByLabel('导入文本文件（.txt）').setInputFiles(file);
    await page.getByTestId('storage-warning').filter({ hasText: message }).filter({ hasText: name }).waitFor();
  }
  await page.screenshot({ path: path.join(OUT, 'import-refused.png') });
  assert.equal(await page.getByTestId('draft-row').count(), 0);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/draft/'))), []);
  await page.close();
});
