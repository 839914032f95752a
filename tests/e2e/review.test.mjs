// End to end: a reviewer picks a district's 20 reports (team-written, in
// several shapes and encodings: UTF-8, BOM+CRLF, GBK, UTF-16, a .docx, one
// that is no report at all) and four bad files at once; the table is right
// for each, the copied pair is found and shown side by side, an opinion
// survives a reload, and the 审核意见 .docx and the batch .csv read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { waitForApp, freshApp, ROOT, OUT, useBrowser } from './harness.mjs';

const DIR = path.join(ROOT, 'tests', 'fixtures', 'review', 'reports');
const REPORTS = fs.readdirSync(DIR).sort().map((f) => path.join(DIR, f));

// What the table must say of each report: unit, year, the five part marks
// (有 written, 空 heading only, 缺 no such part), and whether it has errors.
const EXPECTED = {
  '01-区司法局.txt': ['区司法局', '2025', '有有有有有'],
  '02-区财政局.txt': ['区财政局', '2025', '有有有有有'],
  '03-区生态环境分局.txt': ['区生态环境分局', '2025', '有有有有有'],
  '04-区市场监管局.txt': ['区市场监管局', '2025', '有有有有有'],
  '05-区城市管理局.txt': ['区城市管理局', '2025', '有有有有有'],
  '06-区教育局.txt': ['区教育局', '2025', '有有有有有'],
  '07-区卫生健康局.txt': ['区卫生健康局', '2025', '有有有有有'],
  '08-区民政局.txt': ['区民政局', '2025', '有有缺有缺'],
  '09-区交通运输局.txt': ['区交通运输局', '2025', '有空有有有'],
  '10-区人力资源和社会保障局.txt': ['区人力资源和社会保障局', '2025', '有有有有有'],
  '11-城关镇人民政府.txt': ['城关镇人民政府', '2025', '有有有有有'],
  '12-青山街道办事处.txt': ['青山街道办事处', '2025', '有有有有有'],
  '13-区住房和城乡建设局.docx': ['区住房和城乡建设局', '2025', '有有有有有'],
  // Not a report: the file name stands for the unit, the year is today's guess.
  '14-会议通知.txt': ['14-会议通知', null, '缺缺缺缺缺'],
  '15-区农业农村局.txt': ['区农业农村局', '2025', '有有有有有'],
  '16-区档案馆.txt': ['区档案馆', '2025', '有缺缺缺缺'],
  '17-区统计局.txt': ['区统计局', '2025', '有有有有有'],
  '18-区应急管理局.txt': ['区应急管理局', '2025', '有有有有有'],
  '19-区审计局.txt': ['区审计局', '2024', '有有有有有'],
  '20-区水利局.txt': ['区水利局', '2025', '有有有有有'],
};

const app = useBrowser();

/** The bad files: random bytes, an encrypted .docx (an OLE package holding
 *  an EncryptedPackage stream, as Word writes one with a password), a 60 MB
 *  file and a .pdf. */
function badFiles() {
  const dir = path.join(OUT, 'review-bad');
  fs.mkdirSync(dir, { recursive: true });
  let x = 20251203;
  const random = Buffer.alloc(4096, 0).map(() => { x = (x * 1103515245 + 12345) % 2147483648; return x & 0xff; });
  fs.writeFileSync(path.join(dir, '随机字节.txt'), random);
  const ole = Buffer.alloc(2048, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1024);
  fs.writeFileSync(path.join(dir, '加密文档.docx'), ole);
  const big = path.join(dir, '超大文件.txt');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 60 * 1024 * 1024);
  fs.writeFileSync(path.join(dir, '扫描件.pdf'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1');
  return {
    files: ['随机字节.txt', '加密文档.docx', '超大文件.txt', '扫描件.pdf'].map((f) => path.join(dir, f)),
    says: { '随机字节.txt': '不是文本文件', '加密文档.docx': '已加密', '超大文件.txt': '文件太大（60.0 MB）', '扫描件.pdf': 'PDF' },
  };
}

/** A minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** A fresh app on the desk with `files` picked and read. */
async function deskWith(files) {
  const page = await freshApp(app.context, app.server.url);
  await page.goto(`${app.server.url}#/review`);
  await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(files);
  await page.getByTestId('notice').filter({ hasText: `已读取 ${files.length} 个文件` }).waitFor({ timeout: 60000 });
  return page;
}

const row = (page, file) => page.locator('.review-table tbody tr').filter({ has: page.locator('td.col-file', { hasText: file }) });

async function marks(r) {
  const cells = r.locator('td.mark');
  const n = await cells.count();
  const out = [];
  for (let k = 0; k < n; k += 1) out.push((await cells.nth(k).textContent())[0]);
  return out.join('');
}

test('the reviewer\'s desk: 24 files at once, the table, the copied pair, an opinion kept and exported', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.getByRole('link', { name: '审阅多份报告' }).first().click();
  await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
  const bad = badFiles();
  await page.getByLabel('选择报告文件（可多选）').setInputFiles([...REPORTS, ...bad.files]);
  await page.getByTestId('notice').filter({ hasText: '已读取 24 个文件' }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('.review-table tbody tr').count(), 24);

  for (const [file, [unit, year, parts]] of Object.entries(EXPECTED)) {
    const r = row(page, file);
    assert.equal(await r.count(), 1, file);
    assert.equal(await r.getByLabel(/单位$/).inputValue(), unit, `${file} unit`);
    if (year !== null) assert.equal(await r.getByLabel(/年度$/).inputValue(), year, `${file} year`);
    if (file.startsWith('14-')) {
      assert.match(await r.locator('td.col-findings').innerText(), /可能不是法治政府建设年度报告/);
    }
    assert.equal(await marks(r), parts, `${file} parts`);
  }
  assert.match(await row(page, '18-区应急管理局.txt').locator('td.col-findings').innerText(), /提醒 1\d/, 'half-width punctuation is flagged');
  assert.match(await row(page, '19-区审计局.txt').locator('td.col-findings').innerText(), /错误 1[\s\S]*应写 2025 年的安排/);
  assert.match(await row(page, '08-区民政局.txt').locator('td.col-findings').innerText(), /错误 2[\s\S]*缺少“第一责任人履职情况”部分/);
  assert.match(await row(page, '01-区司法局.txt').locator('td.col-findings').innerText(), /错误 0/);
  // A zero count is grey; only a count above zero takes its severity's colour.
  assert.equal(await row(page, '01-区司法局.txt').locator('.badge', { hasText: '错误 0' }).getAttribute('class'), 'badge badge-zero');
  assert.equal(await row(page, '08-区民政局.txt').locator('.badge', { hasText: '错误 2' }).getAttribute('class'), 'badge badge-error');
  for (const [file, says] of Object.entries(bad.says)) {
    const r = row(page, file);
    assert.equal(await r.locator('td.mark').first().innerText(), '无法读取', file);
    assert.match(await r.locator('td.col-findings').innerText(), new RegExp(says), file);
  }
  // Only the two units that share a paragraph are a pair.
  const pairs = page.locator('.pair-list li');
  assert.equal(await pairs.count(), 1);
  assert.match(await pairs.innerText(), /区市场监管局（04-区市场监管局\.txt） 与 区城市管理局（05-区城市管理局\.txt）：1 段雷同/);
  assert.match(await row(page, '04-区市场监管局.txt').locator('td.col-copied').innerText(), /与区城市管理局雷同 1 段/);
  await page.locator('#review-table-title').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: path.join(OUT, 'review-table.png') });

  // Sorting and filtering by a column.
  await page.getByRole('button', { name: /^字数/ }).click();
  assert.equal(await page.locator('th.col-chars').getAttribute('aria-sort'), 'ascending');
  await page.getByLabel('只看').selectOption('copied');
  assert.equal(await page.locator('.review-table tbody tr').count(), 2);
  await page.getByLabel('只看').selectOption('all');
  await page.getByLabel('筛选列').selectOption('unit');
  await page.getByLabel('包含文字').fill('街道');
  assert.equal(await page.locator('.review-table tbody tr').count(), 1);
  await page.getByLabel('包含文字').fill('');

  // The pair side by side, the differing digit marked.
  await pairs.getByRole('link').click();
  await page.getByRole('heading', { name: '区市场监管局 与 区城市管理局 的雷同段落' }).waitFor();
  const sides = page.locator('.pair-side');
  assert.match(await sides.nth(0).locator('h2').innerText(), /第一部分 第2条/);
  assert.equal((await sides.nth(0).locator('mark').textContent()).replace(/［不同：|］/g, ''), '6');
  assert.equal((await sides.nth(1).locator('mark').textContent()).replace(/［不同：|］/g, ''), '8');
  await page.screenshot({ path: path.join(OUT, 'review-pair.png') });

  // One report: findings ticked into the opinion, the opinion kept over a reload.
  await page.getByRole('link', { name: '查看 04-区市场监管局.txt' }).click();
  await page.getByRole('heading', { name: '区市场监管局 · 04-区市场监管局.txt', level: 1 }).waitFor();
  assert.match(await page.locator('.card-warning').innerText(), /与区城市管理局的报告有 1 段雷同/);
  await page.screenshot({ path: path.join(OUT, 'review-report.png') });
  const opinion = '经审核，报告第一部分第2条与区城市管理局报告的文字基本相同，请核实后重新撰写。';
  await page.getByLabel(/写给该单位的审核意见/).fill(opinion);
  const ticks = page.getByRole('checkbox', { name: '写入审核意见' });
  // 04 has four 提醒 (short sections); the first is ticked into the opinion.
  assert.equal(await ticks.count(), 4);
  await ticks.first().check();
  // No wait for the autosave: leaving the page (pagehide) writes what is pending.
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { name: '区市场监管局 · 04-区市场监管局.txt', level: 1 }).waitFor();
  assert.equal(await page.getByLabel(/写给该单位的审核意见/).inputValue(), opinion, 'the opinion survives a reload');
  assert.equal(await ticks.first().isChecked(), true, 'the tick survives a reload');

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审核意见（Word 文档）' }).click()]);
  assert.equal(docx.suggestedFilename(), '关于《区市场监管局2025年度法治政府建设情况报告》的审核意见.docx');
  const docxPath = path.join(OUT, 'review-opinion.docx');
  fs.copyFileSync(await docx.path(), docxPath);
  // Read back by the project's own reader.
  const fzbg = path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug', 'fzbg');
  const text = execFileSync(fzbg, ['render', docxPath], { encoding: 'utf8' });
  assert.match(text, /^关于《区市场监管局2025年度法治政府建设情况报告》的审核意见\n区市场监管局：\n/);
  assert.ok(text.includes(opinion), text);
  assert.match(text, /具体问题如下：\n一、[^\n]*本部分只有 163 字/);

  await page.getByRole('link', { name: '返回审阅列表' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出汇总表/ }).click()]);
  const bytes = fs.readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM for Excel and WPS');
  const table = parseCsv(bytes.toString('utf8').slice(1));
  assert.equal(table.length, 25);
  assert.deepEqual(table[0].slice(0, 5), ['序号', '单位', '年度', '文件名', '字数']);
  const byFile = new Map(table.slice(1).map((r) => [r[3], r]));
  for (const [file, [unit, year, parts]] of Object.entries(EXPECTED)) {
    const r = byFile.get(file);
    assert.ok(r, file);
    assert.deepEqual([r[1], year === null ? null : r[2], r.slice(5, 10).join('')], [unit, year, parts], file);
  }
  assert.equal(byFile.get('04-区市场监管局.txt')[14], '区城市管理局');
  assert.match(byFile.get('扫描件.pdf')[12], /PDF/);
  // The reviewer's opinion is in the table and in the Word summary.
  assert.equal(table[0][15], '多份报告共有段落');
  assert.equal(table[0][16], '审核意见');
  assert.equal(byFile.get('04-区市场监管局.txt')[16], opinion);
  assert.equal(byFile.get('01-区司法局.txt')[16], '');
  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审核情况汇总（Word 文档）' }).click()]);
  const summaryPath = path.join(OUT, 'review-summary.docx');
  fs.copyFileSync(await summary.path(), summaryPath);
  const summaryText = execFileSync(fzbg, ['render', summaryPath], { encoding: 'utf8' });
  assert.ok(summaryText.includes(`；审核意见：${opinion.replace(/。$/, '')}。`), summaryText);

  // One of the pair taken off the desk: the rest compared again, no pair left.
  await row(page, '05-区城市管理局.txt').getByRole('button', { name: /^移除/ }).click();
  await page.getByText('未发现两份报告之间的雷同段落').waitFor();
  assert.equal(await page.locator('.review-table tbody tr').count(), 23);
  assert.equal(await row(page, '04-区市场监管局.txt').locator('td.col-copied').innerText(), '无');
});

test('reading 120 reports keeps the page answering, with a progress bar', async () => {
  const page = await freshApp(app.context, app.server.url);
  await page.goto(`${app.server.url}#/review`);
  await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
  const dir = path.join(OUT, 'review-many');
  fs.mkdirSync(dir, { recursive: true });
  const body = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'review', 'src', '01-区司法局.txt'), 'utf8');
  const files = [];
  for (let i = 0; i < 120; i += 1) {
    const f = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(f, body.replaceAll('区司法局', `第${i}单位`).replaceAll('46件', `${i + 100}件`).replace('212件', `${i * 7 + 3}件`).replace('240户', `${i * 13}户`));
    files.push(f);
  }
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ entryTypes: ['longtask'] });
  });
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(files);
  await page.locator('progress#review-progress').waitFor({ timeout: 10000 });
  await page.getByTestId('notice').filter({ hasText: '已读取 120 个文件' }).waitFor({ timeout: 120000 });
  const long = await page.evaluate(() => window.__longTasks);
  console.log(`review: 120 reports, long tasks over 50 ms: ${long.length} (longest ${Math.round(Math.max(0, ...long))} ms)`);
  // The table fills 50 rows per turn of the page: the last row comes last.
  await page.locator('.review-table tbody tr').nth(119).waitFor();
  assert.equal(await page.locator('.review-table tbody tr').count(), 120);
  assert.equal(await page.locator('.review-table tbody').count(), 3);
  // Sorted by length, the whole table is built again, in chunks too.
  await page.getByRole('button', { name: /^字数/ }).click();
  await page.locator('.review-table tbody tr').nth(119).waitFor();
  assert.equal(await page.locator('.review-table tbody tr').count(), 120);
});

test('an unreadable review record: a message, the desk works, and the old record is offered for download', async () => {
  // A record this copy cannot read (damaged, or written by another version
  // of the tool) with the reviewer's opinion in it.
  const raw = '{"files":[{"name":"01-区司法局.txt","opinion":"请补充第三部分的述法内容。"';
  const page = await freshApp(app.context, app.server.url);
  await page.evaluate((r) => localStorage.setItem('fazhi-report/review', r), raw);
  await page.goto(`${app.server.url}#/review`);
  await page.getByRole('heading', { name: '审阅多份报告', level: 1 }).waitFor();
  await page.getByText('原始内容已另行保存，可在“草稿库”中下载').waitFor();
  await page.screenshot({ path: path.join(OUT, 'review-unreadable-record.png') });
  // The desk starts afresh and keeps what is picked now.
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(REPORTS.slice(0, 2));
  await page.getByTestId('notice').filter({ hasText: '已读取 2 个文件' }).waitFor({ timeout: 60000 });
  await page.waitForFunction(() => (localStorage.getItem('fazhi-report/review') || '').includes('01-区司法局.txt'));
  // The old record, word for word, among the unreadable data in the library.
  await page.goto(`${app.server.url}#/`);
  const section = page.getByRole('region', { name: '无法读取的数据' });
  await section.waitFor();
  assert.match(await section.innerText(), /fazhi-report\/set-aside\/review-/);
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '下载原始内容' }).click()]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), raw);
  await page.close();
});

test('two tabs on the desk: each takes in the other\'s opinions as they are saved, and neither writes over the other', async () => {
  const a = await deskWith(REPORTS.slice(0, 2));
  await a.waitForFunction(() => (localStorage.getItem('fazhi-report/review') || '').includes('02-'));
  const stored = (page) => page.evaluate(() => localStorage.getItem('fazhi-report/review') || '');
  // A report opened in a second tab; an opinion written there is saved.
  const b = await app.context.newPage();
  await b.goto(`${app.server.url}#/review/report/1`);
  await waitForApp(b);
  const theirs = '第二个标签页填写的审核意见。';
  await b.getByLabel(/写给该单位的审核意见/).fill(theirs);
  await b.waitForFunction((t) => (localStorage.getItem('fazhi-report/review') || '').includes(t), theirs);
  // The first tab, which did nothing meanwhile, has it: its report page shows it.
  await a.goto(`${app.server.url}#/review/report/1`);
  assert.equal(await a.getByLabel(/写给该单位的审核意见/).inputValue(), theirs);
  // It writes another report's opinion: both are stored.
  await a.goto(`${app.server.url}#/review/report/0`);
  const mine = '第一个标签页填写的审核意见。';
  await a.getByLabel(/写给该单位的审核意见/).fill(mine);
  await a.waitForFunction((m) => (localStorage.getItem('fazhi-report/review') || '').includes(m), mine);
  assert.ok((await stored(a)).includes(theirs), 'the second tab\'s opinion is kept');
  // The second, still on its report, writes more: it keeps the first's too,
  // and the first tab, showing that report now, follows as it is saved.
  await a.goto(`${app.server.url}#/review/report/1`);
  await b.getByLabel(/写给该单位的审核意见/).fill(`${theirs}谢谢。`);
  await a.waitForFunction((t) => document.querySelector('#opinion-text').value === t, `${theirs}谢谢。`);
  assert.ok((await stored(b)).includes(mine), 'the first tab\'s opinion is kept');
  // Both change the same report's opinion before hearing of each other:
  // the later save writes nothing over the other and names the report.
  await a.getByLabel(/写给该单位的审核意见/).fill('第一个标签页改写的意见。');
  await b.evaluate(() => {
    const r = JSON.parse(localStorage.getItem('fazhi-report/review'));
    r.files[1].opinion = '第二个标签页改写的意见。';
    localStorage.setItem('fazhi-report/review', JSON.stringify(r));
  });
  await a.getByText('也作了不同的修改').waitFor();
  await a.screenshot({ path: path.join(OUT, 'review-two-tabs-both-changed.png') });
  assert.ok((await stored(a)).includes('第二个标签页改写的意见。'));
  assert.ok(!(await stored(a)).includes('第一个标签页改写的意见。'), 'nothing written over it');
  // Reloaded, the first tab has the stored record and saves again.
  await a.reload();
  await waitForApp(a);
  assert.equal(await a.getByLabel(/写给该单位的审核意见/).inputValue(), '第二个标签页改写的意见。');
  await a.getByLabel(/写给该单位的审核意见/).fill('第一个标签页改写的意见。');
  await a.waitForFunction(() => (localStorage.getItem('fazhi-report/review') || '').includes('第一个标签页改写的意见。'));
  // The second clears the desk: the first, with nothing unsaved, says a reload shows it.
  await b.goto(`${app.server.url}#/review`);
  b.once('dialog', (d) => d.accept());
  await b.getByRole('button', { name: '清空审阅列表' }).click();
  await a.getByText('本页已按最新的审阅记录更新').waitFor();
  await a.getByText('没有这份报告').waitFor();
  assert.equal(await stored(a), '', 'nothing brought back');
  // The second picks a batch again: the first, on the table, shows it.
  await a.goto(`${app.server.url}#/review`);
  await b.getByLabel('选择报告文件（可多选）').setInputFiles(REPORTS.slice(0, 3));
  await b.getByTestId('notice').filter({ hasText: '已读取 3 个文件' }).waitFor({ timeout: 60000 });
  await a.locator('.review-table tbody tr').nth(2).waitFor();
  assert.equal(await a.locator('.review-table tbody tr').count(), 3);
  await a.close();
  await b.close();
});

test('备份全部 carries the reviewer\'s opinions to another computer; after 从备份恢复 the desk asks for the files again', async () => {
  const page = await deskWith(REPORTS.slice(0, 3));
  await page.goto(`${app.server.url}#/review/report/1`);
  const opinion = '请补充第三部分的述法内容。';
  await page.getByLabel(/写给该单位的审核意见/).fill(opinion);
  // Backed up at once from the library: the opinion just typed is in the file.
  await page.goto(`${app.server.url}#/`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份全部' }).click()]);
  await page.getByTestId('notice').filter({ hasText: '以及审阅列表中 3 个文件的审核意见和勾选' }).waitFor();
  const file = path.join(OUT, 'backup-with-review.json');
  await download.saveAs(file);
  const backup = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(backup.review.length, 3);
  assert.equal(backup.review[1].opinion, opinion);
  // Another computer: nothing stored; the backup restored.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForApp(page);
  await page.goto(`${app.server.url}#/`);
  await page.getByLabel('从备份恢复').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: '审阅记录：新增 3 份报告' }).waitFor();
  await page.goto(`${app.server.url}#/review`);
  await page.getByText(/以下3个文件的内容没有保存在本机/).waitFor();
  await page.screenshot({ path: path.join(OUT, 'review-restored.png'), fullPage: true });
  // Picking the files again brings the reports back under the opinion.
  await page.getByLabel('选择报告文件（可多选）').setInputFiles(REPORTS.slice(0, 3));
  await page.getByTestId('notice').filter({ hasText: '已读取 3 个文件' }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByText(/以下3个文件的内容没有保存在本机/).count(), 0);
  await page.goto(`${app.server.url}#/review/report/1`);
  assert.equal(await page.getByLabel(/写给该单位的审核意见/).inputValue(), opinion);
  await page.close();
});

/** Reports of `units`, the first `sharing` of them with the same paragraph. */
function sharingBatch(dir, units, sharing) {
  fs.mkdirSync(dir, { recursive: true });
  const shared = '强化行政执法监督。全年组织开展行政执法案卷评查2次，评查案卷86卷，发现问题12个，已全部整改到位，并建立问题清单和整改台账。';
  return units.map((u, i) => {
    const own = `本单位第${i + 1}项独有的工作。全年办理相关事项${10 + i * 7}件，同比增长${3 + i}%，群众满意度明显提升。`;
    const text = `${u}2025年度法治政府建设情况报告\n一、2025年度推进法治政府建设的主要举措和成效\n1. ${own}\n${i < sharing ? `2. ${shared}\n` : ''}二、2025年度推进法治政府建设存在的不足和原因\n无。\n`;
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-${u}.txt`);
    fs.writeFileSync(file, text);
    return file;
  });
}

test('a paragraph in four reports of six is listed once with all four, not dropped as template wording', async () => {
  const files = sharingBatch(path.join(OUT, 'shared-batch'), ['甲局', '乙局', '丙局', '丁局', '戊局', '己局'], 4);
  const page = await deskWith(files);
  const section = page.getByRole('region', { name: '多份报告共有的段落' });
  await section.waitFor();
  const text = await section.innerText();
  assert.match(text, /4 份报告：甲局（第一部分 第2条）、乙局（第一部分 第2条）、丙局（第一部分 第2条）、丁局（第一部分 第2条）/);
  assert.match(text, /评查案卷86卷/);
  assert.match(await row(page, '01-甲局.txt').locator('td.col-copied').innerText(), /另有 1 段与多份报告相同/);
  assert.match(await row(page, '05-戊局.txt').locator('td.col-copied').innerText(), /^无$/);
  await page.getByText('未发现两份报告之间的雷同段落（多份报告共有的段落见下文）').waitFor();
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'review-shared.png') });
  // The .csv says it too.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出汇总表/ }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.ok(csv.split('\r\n')[0].endsWith(',雷同单位,多份报告共有段落,审核意见'));
  assert.match(csv.split('\r\n')[1], /,1,$/);
  await page.close();
});

test('back from a report the table is as it was left: filter, order and the row last read; 下一份 follows the rows shown', async () => {
  const page = await deskWith(REPORTS);
  await page.getByLabel('只看').selectOption('errors');
  await page.getByRole('button', { name: /^字数/ }).click();
  await page.getByRole('button', { name: /^字数/ }).click();
  const shownFiles = async () => page.locator('.review-table tbody tr td.col-file').allInnerTexts();
  const shown = await shownFiles();
  assert.ok(shown.length >= 3, shown.join(' '));
  // Read the second row's report, then the next one as the table shows them.
  await page.locator('.review-table tbody tr').nth(1).locator('td.col-file a').click();
  await page.getByRole('heading', { level: 1, name: new RegExp(shown[1].replace(/[.()（）]/g, '.')) }).waitFor();
  await page.getByRole('link', { name: '下一份 →' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(shown[2].replace(/[.()（）]/g, '.')) }).waitFor();
  await page.getByRole('link', { name: '← 上一份' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(shown[1].replace(/[.()（）]/g, '.')) }).waitFor();
  // Back to the table: the same filter and order, the focus on the row last read.
  await page.getByRole('link', { name: '返回审阅列表' }).click();
  await page.locator('.review-table').waitFor();
  assert.equal(await page.getByLabel('只看').inputValue(), 'errors');
  assert.equal(await page.locator('th.col-chars').getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await shownFiles(), shown);
  await page.waitForFunction((f) => document.activeElement?.textContent === f, shown[1]);
  await page.close();
});

test('the same file picked again is not a second row; a corrected version with the same name replaces the old, the opinion kept, and the notice says both', async () => {
  const dir = path.join(OUT, 'versions');
  const [first, second] = sharingBatch(dir, ['甲局', '乙局'], 0);
  const page = await deskWith([first, second]);
  await page.goto(`${app.server.url}#/review/report/0`);
  await page.getByLabel(/写给该单位的审核意见/).fill('请补充第三部分。');
  await page.goto(`${app.server.url}#/review`);
  // The unit sends a corrected report under the same name; the other file is picked again by mistake.
  const corrected = path.join(dir, 'corrected');
  fs.mkdirSync(corrected, { recursive: true });
  fs.writeFileSync(path.join(corrected, path.basename(first)), fs.readFileSync(first, 'utf8').replace('无。', '执法队伍专业化水平有待提高，原因是培训不足。'));
  await page.getByLabel('选择报告文件（可多选）').setInputFiles([path.join(corrected, path.basename(first)), second]);
  const notice = page.getByTestId('notice').filter({ hasText: '已读取 2 个文件。当前共 2 份' });
  await notice.waitFor({ timeout: 60000 });
  assert.match(await notice.innerText(), /其中1个文件与列表中已有的文件内容相同，未重复添加：02-乙局\.txt。“01-甲局\.txt”替换了列表中同名的旧版本/);
  assert.equal(await page.locator('.review-table tbody tr').count(), 2);
  await page.goto(`${app.server.url}#/review/report/0`);
  assert.equal(await page.getByLabel(/写给该单位的审核意见/).inputValue(), '请补充第三部分。');
  await page.getByText('培训不足').first().waitFor();
  await page.close();
});

test('the opinion is signed by the reviewing office and dated the day it is exported; the office is kept', async () => {
  const [file] = sharingBatch(path.join(OUT, 'signed'), ['甲局'], 0);
  const page = await deskWith([file]);
  await page.goto(`${app.server.url}#/review/report/0`);
  await page.getByLabel(/写给该单位的审核意见/).fill('请补充第三部分。');
  await page.getByLabel('署名（审核单位）').fill('某区司法局');
  await page.getByLabel('署名（审核单位）').press('Tab');
  await page.locator('#opinion-office').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'review-opinion-signed.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出审核意见（文本文件）' }).click()]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const today = await page.evaluate(() => { const d = new Date(Date.now() + 8 * 3600 * 1000); return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`; });
  assert.ok(text.endsWith(`请补充第三部分。\n\n某区司法局\n${today}\n`), text);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByLabel('署名（审核单位）').inputValue(), '某区司法局');
  await page.close();
});

test('sorting by 单位 follows pinyin, as Excel and WPS sort unit names', async () => {
  const files = sharingBatch(path.join(OUT, 'pinyin'), ['中北镇', '杨柳青镇', '安定镇', '北辰区司法局'], 0);
  const page = await deskWith(files);
  await page.getByRole('button', { name: /^单位/ }).click();
  await page.locator('th.col-unit[aria-sort="ascending"]').waitFor();
  const units = await page.locator('.review-table tbody tr td:nth-child(2) input').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(units, ['安定镇', '北辰区司法局', '杨柳青镇', '中北镇']);
  await page.close();
});
