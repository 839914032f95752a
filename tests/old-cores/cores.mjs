// The old Chromium cores that 360/QQ 浏览器 "极速模式" shipped on older
// office PCs, as headless builds from the npm registry (the only place this
// machine can download from): chrome-aws-lambda carries a brotli-compressed
// headless Chromium for AWS Lambda.
//   1.6.3  -> Chromium 69   (no DecompressionStream, no top-level await,
//                             no 'wasm-unsafe-eval', no bulk memory/sign-ext)
//   1.20.4 -> Chromium 78   (the same, plus bulk memory and sign-ext)
//   5.5.0  -> Chromium 88   (DecompressionStream; still no 'wasm-unsafe-eval')
// `ensureCores()` fetches and unpacks them once into a cache outside the
// repository (FAZHI_OLD_CORES or ~/.cache/fazhi-old-cores; ~150 MB) and
// returns how to start each. Idempotent: a second call only checks files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';

export const CORES = [
  { name: 'Chromium 69', pkg: '1.6.3', major: 69 },
  { name: 'Chromium 78', pkg: '1.20.4', major: 78 },
  { name: 'Chromium 88', pkg: '5.5.0', major: 88 },
];
// The shared libraries (NSS, expat …) the Lambda image lacks ship in
// aws.tar.br; 1.6.3 carries none, so every core uses 5.5.0's set.
const LIBS_FROM = '5.5.0';

export const CACHE = process.env.FAZHI_OLD_CORES || path.join(os.homedir(), '.cache', 'fazhi-old-cores');

function log(msg) { console.log(`old-cores: ${msg}`); }

function unbrotli(src, dest) {
  fs.writeFileSync(dest, zlib.brotliDecompressSync(fs.readFileSync(src)));
}

function ensurePackage(pkg) {
  const dir = path.join(CACHE, pkg);
  const done = path.join(dir, '.unpacked');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`fetching chrome-aws-lambda@${pkg} from the npm registry`);
  const tgz = execFileSync('npm', ['pack', `chrome-aws-lambda@${pkg}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', tgz], { cwd: dir });
  fs.rmSync(path.join(dir, tgz));
  const bin = path.join(dir, 'package', 'bin');
  const chromium = fs.readdirSync(bin).find((f) => /^chromium.*\.br$/.test(f));
  if (!chromium) throw new Error(`chrome-aws-lambda@${pkg} has no chromium*.br in ${bin}`);
  unbrotli(path.join(bin, chromium), path.join(dir, 'chromium'));
  fs.chmodSync(path.join(dir, 'chromium'), 0o755);
  for (const lib of ['aws', 'swiftshader']) {
    const br = path.join(bin, `${lib}.tar.br`);
    if (!fs.existsSync(br)) continue;
    const tar = path.join(dir, `${lib}.tar`);
    unbrotli(br, tar);
    fs.mkdirSync(path.join(dir, lib), { recursive: true });
    execFileSync('tar', ['xf', tar, '-C', path.join(dir, lib)]);
    fs.rmSync(tar);
  }
  fs.rmSync(path.join(dir, 'package'), { recursive: true, force: true });
  fs.writeFileSync(done, new Date().toISOString());
  return dir;
}

function libDirs(root) {
  // Every folder under aws/ and swiftshader/ holding a shared object.
  const out = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    const entries = fs.readdirSync(d, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && /\.so(\.|$)/.test(e.name))) out.push(d);
    for (const e of entries) if (e.isDirectory()) walk(path.join(d, e.name));
  };
  walk(path.join(root, 'aws'));
  walk(path.join(root, 'swiftshader'));
  return out;
}

export function ensureCores() {
  fs.mkdirSync(CACHE, { recursive: true });
  const libs = libDirs(ensurePackage(LIBS_FROM));
  return CORES.map((c) => {
    const dir = ensurePackage(c.pkg);
    return {
      ...c,
      bin: path.join(dir, 'chromium'),
      env: { ...process.env, LD_LIBRARY_PATH: [...libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    };
  });
}

// `node cores.mjs` fetches what is missing; `--check` only says (exit 1)
// whether something is.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const missing = [LIBS_FROM, ...CORES.map((c) => c.pkg)].filter((p) => !fs.existsSync(path.join(CACHE, p, '.unpacked')));
    if (missing.length) { log(`missing: chrome-aws-lambda ${missing.join(', ')}`); process.exit(1); }
  } else {
    for (const c of ensureCores()) log(`${c.name}: ${c.bin}`);
  }
}
