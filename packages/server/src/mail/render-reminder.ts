import type { MailMessage } from './mailer.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A reminder as an e-mail: the title as subject, the body, and the page to open in the app. */
export function renderReminderMail(
  to: string,
  reminder: { title: string; body: string; link: string | null },
  publicUrl: string,
): MailMessage {
  const url = reminder.link ? `${publicUrl}${reminder.link}` : publicUrl;
  const text = [
    reminder.body,
    '',
    `Mở trên chiso: ${url}`,
    '',
    '—',
    'Thư này do hệ thống chiso gửi tự động; bạn có thể chọn nhận hay không trong mục Thông báo → Tùy chọn.',
  ].join('\n');
  const paragraphs = reminder.body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const html = `<!doctype html><html lang="vi"><body style="font-family: Arial, sans-serif; font-size: 15px">${paragraphs}<p><a href="${escapeHtml(url)}">Mở trên chiso</a></p><p style="color: #666; font-size: 13px">Thư này do hệ thống chiso gửi tự động; bạn có thể chọn nhận hay không trong mục Thông báo → Tùy chọn.</p></body></html>`;
  return { to, subject: reminder.title, text, html };
}
