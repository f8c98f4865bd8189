/**
 * What a person can be notified of. Each kind is a reminder source on the server and a line in
 * everyone's preferences (in-app, e-mail); adding a source adds its kind here.
 */
export const NOTIFICATION_KINDS = [
  'windowClosing',
  'supplementRequested',
  'explanationOpened',
  'taskDue',
  'surveyCodesUnanswered',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  windowClosing: 'Sắp hết hạn tự đánh giá',
  supplementRequested: 'Yêu cầu bổ sung tài liệu kiểm chứng',
  explanationOpened: 'Mở vòng giải trình',
  taskDue: 'Nhiệm vụ sắp đến hạn, quá hạn',
  surveyCodesUnanswered: 'Mã phiếu khảo sát chưa được trả lời',
};

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
