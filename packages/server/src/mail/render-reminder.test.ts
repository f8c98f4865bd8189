import { describe, expect, it } from 'vitest';
import { renderReminderMail } from './render-reminder.js';

describe('a reminder as an e-mail', () => {
  const mail = renderReminderMail(
    'lan.nt@snv.hoaan.gov.vn',
    {
      title: 'Còn 1 ngày đến hạn tự đánh giá: Chỉ số CCHC năm 2022',
      body: 'Sở Nội vụ <SNV> chưa gửi kết quả "tự đánh giá" & giải trình.\nDòng thứ hai.',
      link: '/ky-danh-gia/p1/don-vi/SNV',
    },
    'https://chiso.hoaan.gov.vn',
  );

  it('takes the title as subject and ends the text with the page to open', () => {
    expect(mail.subject).toBe('Còn 1 ngày đến hạn tự đánh giá: Chỉ số CCHC năm 2022');
    expect(mail.text.split('\n').slice(0, 4)).toEqual([
      'Sở Nội vụ <SNV> chưa gửi kết quả "tự đánh giá" & giải trình.',
      'Dòng thứ hai.',
      '',
      'Mở trên chiso: https://chiso.hoaan.gov.vn/ky-danh-gia/p1/don-vi/SNV',
    ]);
  });

  it('escapes the text in the HTML copy, one paragraph per line', () => {
    expect(mail.html).toContain(
      '<p>Sở Nội vụ &#60;SNV&#62; chưa gửi kết quả &#34;tự đánh giá&#34; &#38; giải trình.</p><p>Dòng thứ hai.</p>',
    );
    expect(mail.html).toContain(
      '<a href="https://chiso.hoaan.gov.vn/ky-danh-gia/p1/don-vi/SNV">Mở trên chiso</a>',
    );
    expect(mail.html).not.toContain('<SNV>');
  });
});
