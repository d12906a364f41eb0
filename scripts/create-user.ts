/** npm run user:create -- --email E --role staff|admin [--name N]; password from PASSWORD or a prompt. */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ROLES } from '@/db/schema';
import { createUser, EmailTakenError } from '@/lib/auth/users';
import { emailSchema, passwordSchema } from '@/lib/validation/auth';

async function prompt(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // Hide what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.includes(question)) process.stderr.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string', default: 'staff' }, name: { type: 'string' } },
  });
  const args = z
    .object({ email: emailSchema, role: z.enum(ROLES), name: z.string().trim().min(1).optional() })
    .safeParse(values);
  if (!args.success) {
    console.error('Usage: npm run user:create -- --email you@example.org --role staff|admin [--name "Your Name"]');
    console.error(args.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
    process.exit(2);
  }
  const password = process.env.PASSWORD ?? (await prompt('Password (at least 10 characters): '));
  const pw = passwordSchema.safeParse(password);
  if (!pw.success) {
    console.error(pw.error.issues[0]!.message);
    process.exit(2);
  }
  getDb();
  try {
    const user = await createUser({
      email: args.data.email,
      name: args.data.name ?? args.data.email.split('@')[0]!,
      password: pw.data,
      role: args.data.role,
    });
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`);
  } catch (e) {
    if (e instanceof EmailTakenError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

main();
