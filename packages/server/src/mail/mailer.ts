import nodemailer from 'nodemailer';

/** One message: plain Vietnamese text and a simple HTML version of it. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send: (message: MailMessage) => Promise<void>;
  close: () => void;
}

/** nodemailer over SMTP (CHISO_SMTP_URL), from CHISO_MAIL_FROM. */
export function smtpMailer(config: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from: config.from, ...message });
    },
    close: () => transport.close(),
  };
}
