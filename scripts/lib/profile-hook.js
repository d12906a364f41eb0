// Preloaded into the server by scripts/profile-pages.ts (NODE_OPTIONS=--require …): SIGUSR2
// starts the V8 CPU profiler, the next SIGUSR2 writes the profile to DESK_PROFILE_FILE (then
// SIGUSR2 again starts a new one). Unlike `node --cpu-prof`, the profile covers only the window
// under load, without the server's start-up.
const fs = require('node:fs');
const inspector = require('node:inspector');

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')),
    );
    return;
  }
  session.post('Profiler.stop', (err, result) => {
    running = false;
    if (err) console.error('[profile]', err);
    else fs.writeFileSync(process.env.DESK_PROFILE_FILE, JSON.stringify(result.profile));
    process.send?.('profiled');
    fs.writeFileSync(`${process.env.DESK_PROFILE_FILE}.done`, '');
  });
});
