import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

// Keyed by the URL it was made for: a changed SMTP_URL (tests, a reconfigured process) must not
// keep sending through the old server.
let cached: { url: string; transporter: Transporter } | undefined;

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(mail: { to: string; subject: string; text: string; html?: string }): Promise<void> {
  const url = process.env.SMTP_URL!;
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = { url, transporter: nodemailer.createTransport(url) };
  }
  await cached.transporter.sendMail({ from: process.env.MAIL_FROM || 'Republish Desk <desk@localhost>', ...mail });
}
