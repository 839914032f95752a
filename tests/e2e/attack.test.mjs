// End to end: issue 21's attacks in real Chromium — storage full to the last
// byte before the page opens, someone typing steadily, a refused index
// write, two tabs typing in turn, a draft from a newer version, a garbage
// schema marker, and a .docx that inflates to millions of empty paragraphs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { waitForApp, freshApp, OUT, useBrowser } from './harness.mjs';

const app = useBrowser();

const box = (page, name) => page.getByRole('textbox', { name, exact: true });
const MEASURES = '本部分内容';
const freshPage = () => freshApp(app.context, app.server.url);

async function createDraft(page, unit) {
  await page.goto(app.server.url + '#/new');
  await box(page, '单位名称').waitFor();
  await box(page, '单位名称').fill(unit);
  await box(page, '报告年度').fill('2025');
  await page.getByRole('button', { name: '开始撰写' }).click();
  await page.getByTestId('doc-title').filter({ hasText: unit }).waitFor();
  return page.url().match(/#\/draft\/([^/]+)/)[1];
}

async function openMeasures(page, id) {
  await page.goto(`${app.server.url}#/draft/${id}/section/0`);
  await box(page, MEASURES).waitFor();
}

const stored = (page, id) => page.evaluate((k) => localStorage.getItem(k), `fazhi-report/draft/${id}`);

// Fill what is left of the origin's quota, down to the last byte.
async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try { localStorage.setItem(`other-page/${n++}`, 'x'.repeat(size)); } catch { break; }
      }
    }
    // The last few units: one-character keys with empty values.
    for (let c = 0x4e00; c < 0x4e00 + 4096; c++) {
      try { localStorage.setItem(String.fromCharCode(c), ''); } catch { break; }
    }
    try { localStorage.setItem('p', ''); return false; } catch { return true; }
  });
}

test('storage full to the last byte before the page opens: drafts listed, told full, cleanup frees real space, nothing typed lost', async () => {
  const page = await freshPage();
  const id = await createDraft(page, '存储已满局');
  // A long history, as months of editing leave.
  await page.evaluate((id) => {
    const text = '依法行政，建设法治政府。'.repeat(2000);
    const list = Array.from({ length: 12 }, (_, i) => ({ at: 1_770_000_000_000 + i * 600_000, reason: 'interval', revision: i, text: `${i}${text}` }));
    localStorage.setItem(`fazhi-report/history/${id}`, JSON.stringify(list));
  }, id);
  await page.goto(app.server.url + '#/');
  assert.equal(await fillStorage(page), true, 'not one byte free');
  await page.reload();
  await waitForApp(page);

  const warning = page.getByTestId('storage-warning').filter({ hasText: '存储空间已满' });
  await warning.waitFor();
  const message = await warning.innerText();
  assert.match(message, /草稿都在/);
  assert.match(message, /“存储已满局2025年度法治政府建设情况报告”正文 \d+ KB、历史版本 \d+ KB/);
  await page.getByTestId('draft-row').filter({ hasText: '存储已满局' }).waitFor();
  await page.screenshot({ path: path.join(OUT, 'attack-full-at-open.png') });

  // 备份全部 works on the real store.
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '备份全部' }).click(),
  ]);
  assert.match(fs.readFileSync(await backup.path(), 'utf8'), new RegExp(id));

  await warning.getByRole('button', { name: '清理历史版本以释放空间' }).click();
  const notice = page.getByTestId('notice').filter({ hasText: '释放约' });
  await notice.waitFor();
  const freed = Number((await notice.innerText()).match(/释放约 (\d+) KB/)[1]);
  assert.ok(freed > 100, `real space freed: ${freed} KB`);

  await openMeasures(page, id);
  await box(page, MEASURES).click();
  await page.keyboard.type('清理后写下的内容。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.reload();
  await waitForApp(page);
  assert.equal(await box(page, MEASURES).inputValue(), '清理后写下的内容。');
  await page.close();
});

test('60 characters typed at 150 ms a key: saved within 2 s of the first keystroke, before typing ends', async () => {
  const page = await freshPage();
  const id = await createDraft(page, '持续输入局');
  await openMeasures(page, id);
  await box(page, MEASURES).click();
  const text = Array.from({ length: 60 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]).join('');
  const typing = page.keyboard.type(text, { delay: 150 });
  await page.waitForTimeout(2600);
  const midway = await stored(page, id);
  assert.match(midway, /abcdefgh/, 'saved while the typing goes on');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'section-intro');
  await typing;
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  assert.match(await stored(page, id), new RegExp(text));
  await page.close();
});

test('a refused index write: the next save goes in, no conflict in the same tab', async () => {
  const page = await app.context.newPage();
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'fazhi-report/index' && window.__refuseIndex) {
        window.__refuseIndex = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return set.call(this, key, value);
    };
  });
  await page.goto(app.server.url);
  await waitForApp(page);
  await page.evaluate(() => localStorage.clear());
  const id = await createDraft(page, '索引写入失败局');
  await openMeasures(page, id);
  await box(page, MEASURES).click();
  await page.evaluate(() => { window.__refuseIndex = true; });
  await page.keyboard.type('第一句。');
  await page.getByTestId('save-status').filter({ hasText: '未能保存' }).waitFor();
  await page.keyboard.type('第二句。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  await page.keyboard.type('第三句。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  assert.equal(await page.getByTestId('conflict').count(), 0);
  assert.match(await stored(page, id), /第一句。第二句。第三句。/);
  await page.close();
});

test('two tabs typing alternately every 200 ms: one edits at a time, no copies, every fragment in the final text', async () => {
  const a = await freshPage();
  const id = await createDraft(a, '两页交替局');
  await openMeasures(a, id);
  const b = await app.context.newPage();
  await b.goto(`${app.server.url}#/draft/${id}/section/0`);
  await waitForApp(b);
  await box(b, MEASURES).waitFor();
  const editable = (p) => p.waitForFunction(() => {
    const f = document.getElementById('section-intro');
    return f && !f.readOnly;
  });
  const fragments = [];
  for (let i = 0; i < 32; i++) {
    const p = i % 2 ? b : a;
    const take = p.getByRole('button', { name: '在此标签页编辑' });
    if (await take.count()) {
      await take.click();
    }
    await editable(p);
    await box(p, MEASURES).click();
    await p.keyboard.press('Control+End');
    const fragment = `片段${i}。`;
    await p.keyboard.type(fragment);
    fragments.push(fragment);
    await p.waitForTimeout(200);
  }
  await b.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  assert.match(await stored(b, id), new RegExp(fragments.join('')), 'every fragment, in order');
  assert.equal(await a.getByTestId('conflict').count() + await b.getByTestId('conflict').count(), 0);
  const drafts = await b.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/draft/')).length);
  assert.equal(drafts, 1, 'no copies');
  await a.close();
  await b.close();
});

test('a draft from a newer version is read-only and its entry untouched', async () => {
  const page = await freshPage();
  const id = await createDraft(page, '新版本草稿局');
  const entry = await page.evaluate((id) => {
    const key = `fazhi-report/draft/${id}`;
    const d = JSON.parse(localStorage.getItem(key));
    d.schema_version = 99;
    d.reviewers = ['张三'];
    localStorage.setItem(key, JSON.stringify(d));
    return localStorage.getItem(key);
  }, id);
  await openMeasures(page, id);
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('storage-warning').filter({ hasText: '更新版本' }).waitFor();
  const field = box(page, MEASURES);
  assert.equal(await field.getAttribute('readonly'), '');
  await field.click();
  await page.keyboard.type('不应写入。');
  await page.waitForTimeout(2500);
  assert.equal(await field.inputValue(), '');
  assert.equal(await stored(page, id), entry);
  await page.screenshot({ path: path.join(OUT, 'attack-newer-draft.png') });
  await page.close();
});

test('a garbage schema marker says what is paused and 备份全部 still works', async () => {
  const page = await freshPage();
  const id = await createDraft(page, '标记损坏局');
  await page.evaluate(() => localStorage.setItem('fazhi-report/schema', '"garbage"'));
  await page.goto(app.server.url + '#/');
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('storage-warning').filter({ hasText: '保存、新建和导入已暂停' }).waitFor();
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '备份全部' }).click(),
  ]);
  assert.match(fs.readFileSync(await backup.path(), 'utf8'), new RegExp(id));
  await page.close();
});

// One deflated entry in a zip, written by hand (node has deflate and crc32).
function zipOne(name, data) {
  const nameBuf = Buffer.from(name);
  const deflated = zlib.deflateRawSync(data, { level: 9 });
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(local.length + nameBuf.length + deflated.length, 16);
  return Buffer.concat([local, nameBuf, deflated, central, nameBuf, end]);
}

test('a 74 KB .docx of 50 MiB of empty paragraphs: refused with a Chinese message, the tab responsive, drafts untouched', async () => {
  const page = await freshPage();
  const id = await createDraft(page, '文件炸弹局');
  await openMeasures(page, id);
  await box(page, MEASURES).click();
  await page.keyboard.type('原有内容。');
  await page.getByTestId('save-status').filter({ hasText: '已保存' }).waitFor();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('fazhi-report/draft/'))));

  const head = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const tail = '</w:body></w:document>';
  const n = Math.floor((50 * 1024 * 1024 - 64 - head.length - tail.length) / 6);
  const bomb = zipOne('word/document.xml', Buffer.from(head + '<w:p/>'.repeat(n) + tail));
  assert.ok(bomb.length < 200 * 1024, `${bomb.length} bytes`);

  await page.goto(app.server.url + '#/');
  await page.getByTestId('draft-row').first().waitFor();
  const started = Date.now();
  await page.getByLabel(/导入文件/).setInputFiles({ name: '空段落.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bomb });
  const warning = page.getByTestId('storage-warning').filter({ hasText: '远多于其中的文字' });
  await warning.waitFor();
  console.log(`# amplification .docx (${Math.round(bomb.length / 1024)} KB, 50 MiB inflated): refused ${Date.now() - started} ms after the file was chosen`);
  const message = await warning.innerText();
  assert.match(message, /空段落.docx/);
  assert.match(message, /草稿没有任何改动/);
  assert.match(message, /请确认文件来源/);
  // The tab answers at once and nothing was written.
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  assert.equal(await page.getByTestId('draft-row').count(), 1);
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('fazhi-report/draft/'))));
  assert.equal(after, before);
  await page.screenshot({ path: path.join(OUT, 'attack-docx-bomb.png') });
  await page.close();
});
