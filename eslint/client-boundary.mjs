// A local ESLint rule: a client component ('use client' file) — and proxy.ts — must not import a module
// that only the server may run. Next's build also fails on it, but only for the modules a page actually
// bundles; this fails at once, in the editor, with the file that crossed the line.
import fs from 'node:fs';
import path from 'node:path';

/** Modules that are the database itself: never in a client bundle, even without a marker. */
const SERVER_MODULES = new Set(['@/db/client', '@/db/schema', '@/db/prepared', 'server-only']);
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];
const marked = new Map();

/** The file an '@/…' or relative import names, or null for a package. */
function resolveFile(source, fromFile, root) {
  let base;
  if (source.startsWith('@/')) base = path.join(root, source.slice(2));
  else if (source.startsWith('.')) base = path.resolve(path.dirname(fromFile), source);
  else return null;
  for (const ext of ['', ...EXTENSIONS]) {
    const file = base + ext;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

/** True when the module starts its imports with `import 'server-only'` (lib/**, db/client.ts). */
function isMarkedServerOnly(file) {
  if (!marked.has(file)) marked.set(file, /^import ['"]server-only['"];?$/m.test(fs.readFileSync(file, 'utf8')));
  return marked.get(file);
}

function isClientModule(program) {
  for (const node of program.body) {
    if (node.type !== 'ExpressionStatement' || typeof node.directive !== 'string') return false;
    if (node.directive === 'use client') return true;
  }
  return false;
}

const typeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

export const clientBoundary = {
  meta: {
    type: 'problem',
    docs: {
      description:
        "Client components and proxy.ts import no server-only module (db/client, db/schema values, files marked 'server-only').",
    },
    schema: [{ type: 'object', properties: { always: { type: 'boolean' } }, additionalProperties: false }],
    messages: {
      server:
        "'{{source}}' is server-only and this file runs outside the server (a 'use client' component or the proxy). Import plain values from '@/db/enums' or pass data down as props; type-only imports are fine.",
    },
  },
  create(context) {
    const always = context.options[0]?.always === true;
    const root = context.cwd;
    let applies = always;
    const check = (node) => {
      if (!applies || !node.source || typeOnly(node)) return;
      const source = node.source.value;
      const file = resolveFile(source, context.filename, root);
      const normalized = file
        ? '@/' +
          path
            .relative(root, file)
            .replace(/\\/g, '/')
            .replace(/(\/index)?\.(tsx?|m?js)$/, '')
        : source;
      if (SERVER_MODULES.has(normalized) || SERVER_MODULES.has(source) || (file && isMarkedServerOnly(file))) {
        context.report({ node: node.source, messageId: 'server', data: { source } });
      }
    };
    return {
      Program(program) {
        applies = always || isClientModule(program);
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

const plugin = { rules: { 'client-boundary': clientBoundary } };
export default plugin;
