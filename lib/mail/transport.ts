import nodemailer, { type Transporter } from 'nodemailer';

let transporter: Transporter | undefined;

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(mail: { to: string; subject: string; text: string }): Promise<void> {
  transporter ??= nodemailer.createTransport(process.env.SMTP_URL);
  await transporter.sendMail({ from: process.env.MAIL_FROM || 'Republish Desk <desk@localhost>', ...mail });
}
