import { z } from 'zod';

// Runs in the browser before any component (Next's instrumentation-client convention). zod builds
// its fast object parsers with `new Function`, probing first whether eval is allowed; our CSP
// refuses eval, and Chromium reports the refused probe as a `securitypolicyviolation` even though
// zod catches it and falls back. `jitless` skips the probe and the fast path (the server keeps both).
z.config({ jitless: true });
