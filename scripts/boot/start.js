// The single file's loader (scripts/pack-single.mjs bundles it with the
// wasm-bindgen glue and fflate's gunzip, lowered by esbuild for Chromium 69).
// The wasm's gzip bytes, as base64, are not in this script: they are the
// text of a data block, <script type="application/octet-stream"
// id="fazhi-wasm">, the last element of the page's body, which the browser
// never runs, hashes or hands to the JavaScript parser. This module runs
// once the page is parsed, so it is there to read.
//
// It runs in every core the app supports, from the Chromium 69 of an old
// 360/QQ 极速模式 to today's browsers, so: no top-level await, and each
// newer API used only where it exists.
import init from './glue.js';

const DATA_BLOCK = 'fazhi-wasm';

// The guard (index.html, a classic script that ran before this module).
const boot = window.fazhiBoot;

// User Timing marks for each start-up phase (read by scripts/bench.mjs).
function mark(name) {
  try { performance.mark('fzbg:boot-' + name); } catch (e) { /* no User Timing */ }
}

// Chromium before 71 has no queueMicrotask. Leptos's DOM renderer queues
// its property writes (a field's value) through it and, when the call
// fails, never flushes its queue again: every text box stays empty. A
// resolved promise runs its callback at the same point, as a microtask.
function polyfill() {
  if (typeof window.queueMicrotask !== 'function') {
    window.queueMicrotask = function (callback) {
      Promise.resolve().then(callback).catch((e) => setTimeout(() => { throw e; }));
    };
  }
}

function start() {
  if (typeof WebAssembly !== 'object') return; // the guard has said why
  polyfill();
  mark('script');
  let bytes;
  try {
    const block = document.getElementById(DATA_BLOCK);
    const text = block.textContent;
    // Read once: the page need not keep 780 KB of text in its DOM.
    block.parentNode.removeChild(block);
    if (typeof Uint8Array.fromBase64 === 'function') {
      // Chromium 140, Firefox 133 and later: one native pass.
      bytes = Uint8Array.fromBase64(text);
    } else {
      const s = atob(text);
      bytes = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    }
    mark('decoded');
  } catch (e) {
    boot.fail('程序数据无法读取，文件可能已损坏，请重新复制本文件。', String(e));
    return;
  }
  if (typeof DecompressionStream === 'function') {
    // The inflated bytes are handed to the glue as a Response with the wasm
    // MIME type, so it compiles them with instantiateStreaming while they
    // are still being inflated (measured: about 3x faster than inflating to
    // an ArrayBuffer first). Response(bytes).body, not Blob.stream(): a
    // Blob's bytes go to the browser process and back in chunks.
    const inflating = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
    instantiate(new Response(inflating, { headers: { 'Content-Type': 'application/wasm' } }));
  } else {
    // Chromium before 80 (the cores of older 360/QQ browsers) has no
    // DecompressionStream: inflate here with fflate (about 4 KB of script).
    // Imported on demand: esbuild bundles it behind a function, so the
    // 2.5 ms fflate spends building its tables at load are spent only here.
    import('./gunzip.js').then(({ gunzipSync }) => {
      let bytesOut;
      try {
        bytesOut = gunzipSync(bytes);
      } catch (e) {
        boot.fail('程序数据无法解压，文件可能已损坏，请重新复制本文件。', String(e && e.message || e));
        return;
      }
      instantiate(bytesOut);
    });
  }
}

function instantiate(module) {
  // Asynchronous instantiation (no fetch): unlike initSync, it is not
  // subject to the main-thread size limit of synchronous compilation that
  // older Chromium cores impose.
  init({ module_or_path: module }).then(() => {
    // The module is compiled: from here on no script, eval or wasm compile
    // is needed, so the page's policy tightens (a page's policies only add
    // up). Cores before Chromium 97 needed 'unsafe-eval' to compile the
    // module; this takes it back.
    boot.started();
    mark('mounted');
  }, (e) => {
    boot.started();
    // The app removes #boot when it starts: a failure after that is the
    // app's own (a trap while building the first screen), not the browser's.
    if (!document.getElementById('boot')) {
      boot.crashed(String(e && e.message || e));
      return;
    }
    const reason = e instanceof WebAssembly.CompileError
      ? '程序模块无法编译：浏览器内核过旧，或安全策略禁止运行 WebAssembly。'
      : '程序启动失败。';
    boot.fail(reason, String(e && e.message || e));
  });
}

start();
