/**
 * The path (with its token) of the newest link of `kind` mailed to `email`, read from the running
 * server's outbox the way a person reads their mail (text part).
 */
export async function mailedLink(email: string, kind: string, path: string): Promise<string> {
  const { default: Database } = await import('better-sqlite3');
  const nodePath = await import('node:path');
  const db = new Database(nodePath.join(process.env.E2E_DATA_DIR!, 'desk.db'), { readonly: true });
  try {
    const row = db
      .prepare('select text from outbox where "to" = ? and kind = ? order by id desc limit 1')
      .get(email.toLowerCase(), kind) as { text: string } | undefined;
    const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const link = row && new RegExp(`https?://\\S+${escaped}\\?token=[A-Za-z0-9_-]+`).exec(row.text)?.[0];
    if (!link) throw new Error(`No ${kind} mail for ${email}`);
    const url = new URL(link);
    return url.pathname + url.search;
  } finally {
    db.close();
  }
}
