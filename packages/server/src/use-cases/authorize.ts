import { can, DomainError, ERROR_CODES, type AccessTarget, type Action } from '@chiso/core';
import type { CurrentActor, UseCaseContext } from '../context.js';

const ACTION_TEXT: Record<Action, string> = {
  administer: 'quản trị hệ thống',
  readAudit: 'xem nhật ký thay đổi',
  readAssessment: 'xem hồ sơ tự đánh giá của đơn vị này',
  editSelfAssessment: 'chấm điểm tự đánh giá cho đơn vị này',
  submitAssessment: 'gửi kết quả tự đánh giá của đơn vị này',
  respondExplanation: 'giải trình cho đơn vị này',
  appraise: 'thẩm định đơn vị này',
  readResultsPreview: 'xem kết quả trước khi công bố',
  approveResults: 'thông qua kết quả',
  readCouncilDecision: 'tải quyết định phê duyệt và công bố Chỉ số CCHC',
  publish: 'công bố kết quả',
  correctResults: 'đính chính kết quả đã công bố',
  readResultsReport: 'xem báo cáo kết quả đánh giá Chỉ số CCHC',
  editResultsReport: 'soạn báo cáo kết quả đánh giá Chỉ số CCHC',
  enterSurveyResponses: 'nhập phiếu khảo sát',
  readSurveyResults: 'xem kết quả khảo sát của đơn vị này',
  manageOffices: 'quản lý các phòng, ban của đơn vị này',
  readImprovement: 'xem theo dõi, kế hoạch và nhiệm vụ của đơn vị này',
  editImprovement: 'lập kế hoạch, giao nhiệm vụ cho đơn vị này',
  approvePlan: 'phê duyệt kế hoạch của đơn vị này',
  reportTask: 'báo cáo tiến độ nhiệm vụ này',
  dispatchTasks: 'giao nhiệm vụ cho các đơn vị',
  manageStatistics: 'quản lý số liệu thống kê TTHC',
};

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireActor(ctx: UseCaseContext): CurrentActor {
  if (!ctx.actor) {
    throw new DomainError(ERROR_CODES.UNAUTHENTICATED, 'Bạn cần đăng nhập để thực hiện việc này');
  }
  return ctx.actor;
}

/** The actor, if the policy lets them take the action on the target; FORBIDDEN otherwise. */
export function authorize(
  ctx: UseCaseContext,
  action: Action,
  target: AccessTarget = {},
): CurrentActor {
  const actor = requireActor(ctx);
  if (!can(actor, action, target)) {
    throw new DomainError(ERROR_CODES.FORBIDDEN, `Bạn không có quyền ${ACTION_TEXT[action]}`);
  }
  return actor;
}
