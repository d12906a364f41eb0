// @ts-check
const path = require('node:path');

/**
 * How the production server is started (`npm start`, the browser tests, the bench, the profiler):
 * node with a bounded old-generation heap, then scripts/server.js.
 *
 * Why the bound: V8 sizes its default limit from the machine (about 4 GB on a 24 GB host) and
 * lets garbage pile up towards it before collecting in full, so a busy server's resident memory
 * grew to 550+ MB while what it keeps alive is a fraction of that. With a bound, V8 collects
 * sooner instead. SERVER_HEAP_MB changes it (default 192; raise it for a very large desk).
 */
function serverArgs() {
  const mb = Number(process.env.SERVER_HEAP_MB) || 192;
  return [`--max-old-space-size=${mb}`, path.join(__dirname, '..', 'server.js')];
}

module.exports = { serverArgs };
