// @ts-check
const path = require('node:path');

/**
 * How the production server is started (`npm start`, the browser tests, the bench, the profiler):
 * node, then scripts/server.js.
 *
 * SERVER_HEAP_MB bounds V8's old-generation heap (`--max-old-space-size`). Unset, V8 sizes its
 * limit from the machine (about 4 GB on a 24 GB host) and lets garbage pile up towards it, so a
 * busy server's resident memory reaches 400–570 MB. Bounded at 192 MB the bench's peak was 317 MB,
 * but signed-in pages cost 12–20% more CPU (more full collections; docs/PERFORMANCE.md), and a
 * heavy export could meet the limit: a bound for small hosts that need it, not a default.
 */
/** @param {NodeJS.ProcessEnv} [env] the server's environment (the caller's own by default) */
function serverArgs(env = process.env) {
  const mb = Number(env.SERVER_HEAP_MB);
  const heap = Number.isInteger(mb) && mb > 0 ? [`--max-old-space-size=${mb}`] : [];
  return [...heap, path.join(__dirname, '..', 'server.js')];
}

module.exports = { serverArgs };
