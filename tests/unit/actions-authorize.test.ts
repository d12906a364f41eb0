import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Every server action is a public POST endpoint: whoever calls it, it must check the session
 * itself (proxy.ts only redirects pages). This reads every app/**\/actions.ts and finds, for each
 * exported function, the check it makes before doing anything (before its first `await` other
 * than the check itself):
 *   - `await requireUser() / requireStaff() / requireAdmin()` in the action, or
 *   - `await currentUser()` handed to a lib handler whose first statements refuse that user
 *     (`if (!staffOnly(user)) return refusal()`, `if (!user) return …`, …) — the handler is
 *     found through the import and parsed too.
 * The table says which check each action must make; a new action, a removed check or a weaker
 * one fails here. The runtime side (the refusals themselves) is in tests/integration/admin-roles.test.ts
 * and the request/licence integration tests.
 */

type Level = 'public' | 'user' | 'publisher' | 'staff' | 'admin';

const EXPECTED: Record<string, Record<string, Level>> = {
  'app/(public)/register/actions.ts': { registerAction: 'public' },
  'app/republish/actions.ts': { submitRequestAction: 'publisher', searchArticlesAction: 'public' },
  'app/account/requests/[ref]/actions.ts': { publisherAction: 'user', messageAction: 'user' },
  'app/admin/articles/actions.ts': { updateArticleRightsAction: 'staff' },
  'app/admin/requests/[ref]/actions.ts': { decideAction: 'staff', staffMessageAction: 'staff' },
  'app/admin/rate-card/actions.ts': { saveRateCardAction: 'staff' },
  'app/admin/outbox/actions.ts': { retryMailAction: 'staff' },
  'app/admin/settings/actions.ts': { saveSettingsAction: 'admin' },
  'app/admin/users/actions.ts': { createStaffAction: 'admin', changeRoleAction: 'admin', setDisabledAction: 'admin' },
  'app/r/unlisted/actions.ts': { askAction: 'publisher' },
  'app/admin/requests/actions.ts': { attachAskAction: 'staff', dismissAskAction: 'staff' },
};

/** Why the public ones are public: nothing they do needs an account. */
const PUBLIC_BECAUSE: Record<string, string> = {
  registerAction: 'creates a publisher account (throttled and validated in lib/auth/users.ts)',
  searchArticlesAction: 'searches the public catalogue only (licensable, visible articles)',
};

const ROOT = path.resolve(__dirname, '..', '..');

function actionFiles(dir = path.join(ROOT, 'app')): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...actionFiles(p));
    else if (e.name === 'actions.ts' || e.name === 'actions.tsx') out.push(path.relative(ROOT, p).split(path.sep).join('/'));
  }
  return out.sort();
}

const parse = (file: string) => ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);

type Fn = { name: string; node: ts.FunctionLikeDeclaration & { body?: ts.ConciseBody }; exported: boolean };

function functions(sf: ts.SourceFile): Fn[] {
  const out: Fn[] = [];
  for (const st of sf.statements) {
    const exported = !!ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isFunctionDeclaration(st) && st.name) out.push({ name: st.name.text, node: st, exported });
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) {
          out.push({ name: d.name.text, node: d.initializer, exported });
        }
      }
    }
  }
  return out;
}

/** Every exported binding of a module, functions or not (a 'use server' file may export only async functions). */
function exportedNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const st of sf.statements) {
    const exported = ts.getModifiers(st as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(st) && !st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
      names.push(...st.exportClause.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text));
    }
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name) names.push(st.name.text);
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
  }
  return names;
}

const isAsync = (fn: Fn) => !!ts.getModifiers(fn.node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

const bodyStatements = (node: Fn['node']): readonly ts.Statement[] => (node.body && ts.isBlock(node.body) ? node.body.statements : []);

const calleeName = (call: ts.CallExpression) => (ts.isIdentifier(call.expression) ? call.expression.text : undefined);

function firstAwait(node: ts.Node): ts.AwaitExpression | undefined {
  let found: ts.AwaitExpression | undefined;
  const visit = (n: ts.Node) => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isAwaitExpression(n)) found = n;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

const REQUIRE: Record<string, Level> = { requireUser: 'user', requireStaff: 'staff', requireAdmin: 'admin' };

/** `await requireX()` as the action's first await. */
function directGuard(fn: Fn): Level | undefined {
  const a = fn.node.body && firstAwait(fn.node.body);
  if (a && ts.isCallExpression(a.expression)) return REQUIRE[calleeName(a.expression) ?? ''];
  return undefined;
}

/** The first `await` of the action is `await currentUser()` passed as argument i to an imported handler. */
function delegated(fn: Fn, sf: ts.SourceFile): { handler: string; from: string; argIndex: number } | undefined {
  let hit: { handler: string; argIndex: number } | undefined;
  const first = fn.node.body && firstAwait(fn.node.body);
  const visit = (n: ts.Node) => {
    if (hit || ts.isFunctionLike(n)) return;
    if (ts.isCallExpression(n)) {
      n.arguments.forEach((arg, i) => {
        if (ts.isAwaitExpression(arg) && ts.isCallExpression(arg.expression) && calleeName(arg.expression) === 'currentUser' && calleeName(n)) {
          hit ??= { handler: calleeName(n)!, argIndex: i };
        }
      });
    }
    ts.forEachChild(n, visit);
  };
  if (fn.node.body) ts.forEachChild(fn.node.body, visit);
  if (!hit) return undefined;
  // Nothing may run (and be awaited) before the user is fetched and handed over.
  const firstIsCurrentUser = first && ts.isCallExpression(first.expression) && calleeName(first.expression) === 'currentUser';
  const firstIsHandler = first && ts.isCallExpression(first.expression) && calleeName(first.expression) === hit.handler;
  if (!firstIsCurrentUser && !firstIsHandler) return undefined;
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings || !ts.isNamedImports(st.importClause.namedBindings)) continue;
    const el = st.importClause.namedBindings.elements.find((e) => e.name.text === hit!.handler);
    if (el) return { handler: (el.propertyName ?? el.name).text, from: (st.moduleSpecifier as ts.StringLiteral).text, argIndex: hit.argIndex };
  }
  return undefined;
}

function resolveModule(spec: string, fromFile: string): string {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(path.join(ROOT, fromFile)), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return path.relative(ROOT, c).split(path.sep).join('/');
  throw new Error(`cannot resolve ${spec} from ${fromFile}`);
}

const refuses = (st: ts.Statement): boolean => {
  const s = ts.isBlock(st) ? st.statements[0] : st;
  if (!s) return false;
  if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
  return ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && ['notFound', 'redirect', 'forbidden', 'unauthorized'].includes(calleeName(s.expression) ?? '');
};

/**
 * The level a handler's leading guards give to its parameter `user`: the `if (…) return/throw`
 * statements that test it and come before the handler's first await.
 */
function handlerGuard(fn: Fn, argIndex: number): Level | undefined {
  const param = fn.node.parameters[argIndex];
  if (!param || !ts.isIdentifier(param.name)) return undefined;
  const user = param.name.text;
  const levels = new Set<string>();
  for (const st of bodyStatements(fn.node)) {
    if (firstAwait(st) || ts.isTryStatement(st)) break;
    if (!ts.isIfStatement(st) || !refuses(st.thenStatement)) continue;
    const cond = st.expression.getText().replace(/\s+/g, '');
    if (!new RegExp(`\\b${user}\\b`).test(cond)) continue;
    if (cond.includes(`!adminOnly(${user})`) || cond.includes(`${user}?.role!=='admin'`)) levels.add('admin');
    if (cond.includes(`!staffOnly(${user})`) || cond.includes(`!isStaff(${user})`)) levels.add('staff');
    if (new RegExp(`(^|[(|&])!${user}($|[)|&])`).test(cond)) levels.add('user');
    if (new RegExp(`(^|[(|&])isStaff\\(${user}\\)`).test(cond) && cond.includes(`!${user}.organizationId`)) levels.add('publisher');
  }
  for (const l of ['admin', 'staff', 'publisher', 'user'] as const) if (levels.has(l)) return l;
  return undefined;
}

function levelOf(file: string, fn: Fn, sf: ts.SourceFile): { level: Level; via: string } {
  const direct = directGuard(fn);
  if (direct) return { level: direct, via: 'itself' };
  const d = delegated(fn, sf);
  if (d) {
    const libFile = resolveModule(d.from, file);
    const handler = functions(parse(libFile)).find((f) => f.name === d.handler && f.exported);
    if (!handler) throw new Error(`${file}: ${d.handler} is not an exported function of ${libFile}`);
    const level = handlerGuard(handler, d.argIndex);
    if (level) return { level, via: `${libFile} ${d.handler}` };
    return { level: 'public', via: `${libFile} ${d.handler} (takes the user but does not refuse anyone first)` };
  }
  return { level: 'public', via: 'no check' };
}

describe('server actions authorize inside', () => {
  const files = actionFiles();

  it('every actions file is in the table, and every entry still exists', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    it(`${file}: each exported action makes the expected check before anything else`, () => {
      const sf = parse(file);
      expect(sf.text.trimStart(), file).toMatch(/^['"]use server['"]/);
      const fns = functions(sf).filter((f) => f.exported);
      expect(exportedNames(sf).sort(), `${file} exports`).toEqual(Object.keys(EXPECTED[file] ?? {}).sort());
      for (const fn of fns) {
        expect(isAsync(fn), `${file} ${fn.name} is async`).toBe(true);
        const want = EXPECTED[file]![fn.name]!;
        const got = levelOf(file, fn, sf);
        expect(`${fn.name}: ${got.level} (${got.via})`).toBe(`${fn.name}: ${want} (${got.via})`);
        if (want === 'public') expect(PUBLIC_BECAUSE[fn.name], `${fn.name} is public: say why`).toBeTruthy();
      }
    });
  }
});

describe('the checker itself', () => {
  const fakeFile = (src: string) => ts.createSourceFile('x.ts', src, ts.ScriptTarget.Latest, true);
  const guardOf = (src: string) => handlerGuard(functions(fakeFile(src))[0]!, 0);

  it('sees the handler guards the app uses', () => {
    expect(guardOf('export async function f(user, fd) { if (!staffOnly(user)) return refusal(); await x(); }')).toBe('staff');
    expect(guardOf('export async function f(user, fd) { if (!adminOnly(user)) return refusal(); }')).toBe('admin');
    expect(guardOf('export async function f(user) { const v = 1; if (!user) return fail(); if (isStaff(user) || !user.organizationId) return fail(); }')).toBe('publisher');
    expect(guardOf('export async function f(user) { if (!user) return { ok: false }; }')).toBe('user');
  });

  it('does not count a guard that comes after the work, tests another variable, or does not refuse', () => {
    expect(guardOf('export async function f(user) { await write(); if (!staffOnly(user)) return refusal(); }')).toBeUndefined();
    expect(guardOf('export async function f(user, other) { if (!staffOnly(other)) return refusal(); }')).toBeUndefined();
    expect(guardOf('export async function f(user) { if (!staffOnly(user)) console.log("hm"); }')).toBeUndefined();
    expect(guardOf('export async function f(user) { if (staffOnly(user)) return refusal(); }')).toBeUndefined();
  });

  it('an action must fetch the user before anything else it awaits', () => {
    const sf = fakeFile(
      "'use server';\nimport { h } from '@/lib/admin/review';\nexport async function a(fd) { await write(fd); return h(await currentUser(), fd); }\nexport async function b(fd) { await requireStaff(); }",
    );
    const [a, b] = functions(sf);
    expect(delegated(a!, sf)).toBeUndefined();
    expect(directGuard(b!)).toBe('staff');
  });
});
