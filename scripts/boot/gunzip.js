// fflate's gunzip alone, for cores without DecompressionStream. start.js
// imports this file on demand (a dynamic import, which esbuild bundles
// behind an init function), so fflate builds its tables only when used.
export { gunzipSync } from 'fflate';
