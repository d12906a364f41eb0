import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Files the desk keeps in DATA_DIR (the licence-signing keys, the auth secret) go to a temporary
// folder per test file, never into the repository's data/.
if (!process.env.DATA_DIR) process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-vitest-'));
