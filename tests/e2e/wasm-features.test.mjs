// Which WebAssembly features the release build needs decides the oldest
// browser core that can run it. scripts/build.sh records the variant it built
// (dist/wasm-variant.txt): "mvp" must validate as pure WebAssembly MVP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, ROOT, SINGLE_FILE } from './harness.mjs';

const wasmName = fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
const wasmPath = path.join(DIST, wasmName);
const variant = fs.readFileSync(path.join(DIST, 'wasm-variant.txt'), 'utf8').trim();
const WASM_OPT = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');

/** The features named in the target_features custom section (none: MVP). */
function targetFeatures(bytes) {
  const module = new WebAssembly.Module(bytes);
  return WebAssembly.Module.customSections(module, 'target_features').flatMap((section) => {
    const b = new Uint8Array(section);
    const names = [];
    let i = 1; // a count below 128 fits in one LEB128 byte
    while (i < b.length) {
      const prefix = String.fromCharCode(b[i]);
      const len = b[i + 1];
      names.push(prefix + new TextDecoder().decode(b.subarray(i + 2, i + 2 + len)));
      i += 2 + len;
    }
    return names;
  });
}

/** Validate with wasm-opt allowing only MVP features; '' when valid. */
function mvpErrors(file) {
  // wasm-opt enables whatever the target_features section lists, so strip
  // the section first, then validate with every post-MVP feature disabled.
  const stripped = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fzbg-wasm-')), 'stripped.wasm');
  execFileSync(WASM_OPT, ['--strip-target-features', file, '-o', stripped]);
  try {
    execFileSync(WASM_OPT, ['--mvp-features', stripped, '-o', os.devNull], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String(e.stderr).split('\n').slice(0, 3).join('\n');
  }
}

test(`the release wasm (${variant} build) uses only the features its variant allows`, (t) => {
  const bytes = fs.readFileSync(wasmPath);
  const features = targetFeatures(bytes);
  t.diagnostic(`target_features: ${features.join(' ') || '(none)'}`);
  if (variant === 'mvp') {
    assert.deepEqual(features, []);
    assert.equal(mvpErrors(wasmPath), '', 'validates as WebAssembly MVP');
  } else {
    assert.equal(variant, 'stable');
    t.diagnostic(`stable build, post-MVP: ${mvpErrors(wasmPath).split('\n')[0]}`);
  }
});

test('the single file embeds exactly the release wasm (gzip-compressed)', () => {
  const html = fs.readFileSync(SINGLE_FILE, 'utf8');
  // The wasm is the base64 text of the data block the loader reads.
  const embedded = /<script type="application\/octet-stream" id="fazhi-wasm">([A-Za-z0-9+/=]+)<\/script>/.exec(html)?.[1];
  assert.ok(embedded, 'the wasm is embedded as base64');
  const bytes = Buffer.from(embedded, 'base64');
  const wasm = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
  assert.deepEqual(wasm, fs.readFileSync(wasmPath));
});
