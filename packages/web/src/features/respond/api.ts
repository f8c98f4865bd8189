import { FINAL_REFUSALS, FORM_TOKEN_SPENT } from '@chiso/core/surveys/answering.js';
import { api, ApiError } from '../../api/client';

import type {
  Answered,
  Answers,
  DraftSaved,
  LinkDraft,
  LinkFormResponse,
  PublicForm,
  PublicQuestion,
} from '@chiso/contract';

/** Option keys chosen, by question code; null when a question is left blank. */
export type { Answers, PublicForm, PublicQuestion };

export type PublicSurvey = PublicForm['survey'];

/** By personal code: answered says the code was used. */
export type CodeForm = PublicForm;

/**
 * By a unit's link: answered says this device (its cookie) already sent a form for the unit;
 * formToken is sent back with the answers, once.
 */
export type LinkForm = LinkFormResponse;

const codePath = (code: string) => `/public/surveys/code/${encodeURIComponent(code)}`;
const linkPath = (token: string) => `/public/surveys/link/${encodeURIComponent(token)}`;

export const fetchCodeForm = (code: string) => api<CodeForm>('GET', codePath(code));

export const saveCodeDraft = (code: string, answers: Answers) =>
  api<DraftSaved>('PUT', `${codePath(code)}/draft`, { answers });

export const submitCode = (code: string, answers: Answers) =>
  api<Answered>('POST', codePath(code), { answers });

export const fetchLinkForm = (token: string, resume: string | undefined) =>
  api<LinkForm>(
    'GET',
    resume ? `${linkPath(token)}?${new URLSearchParams({ resume }).toString()}` : linkPath(token),
  );

export const saveLinkDraft = (token: string, answers: Answers, resumeToken: string | undefined) =>
  api<LinkDraft>('PUT', `${linkPath(token)}/draft`, {
    answers,
    ...(resumeToken ? { resumeToken } : {}),
  });

export const submitLink = (
  token: string,
  answers: Answers,
  resumeToken: string | undefined,
  formToken: string,
) =>
  api<Answered>('POST', linkPath(token), {
    answers,
    formToken,
    ...(resumeToken ? { resumeToken } : {}),
  });

/** What went wrong, told to a respondent: a title, and what to do. */
export interface Trouble {
  title: string;
  message: string;
  /** The form can be sent again later (the answers stay on screen). */
  retry: boolean;
}

/** The text as a sentence: with its full stop. */
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * A failure in words a respondent understands. The server's own message is kept where it says
 * more than a generic sentence could (a survey ended or not yet open, how long to wait).
 */
export function describeTrouble(
  error: unknown,
  channel: 'code' | 'link',
  /** Opening the form (nothing answered yet) or answering it (answers on screen). */
  phase: 'open' | 'answer' = 'answer',
): Trouble {
  const kept = phase === 'answer' ? ' Câu trả lời vẫn còn trên màn hình.' : '';
  if (!(error instanceof ApiError)) {
    return {
      title: 'Đã có lỗi',
      message: `Ông/Bà vui lòng thử lại sau ít phút.${kept}`,
      retry: true,
    };
  }
  switch (error.code) {
    case 'NETWORK':
      return {
        title: 'Không kết nối được',
        message: `Máy chưa kết nối được với máy chủ; Ông/Bà kiểm tra mạng rồi thử lại.${kept}`,
        retry: true,
      };
    case 'NOT_FOUND':
      return channel === 'code'
        ? {
            title: 'Không tìm thấy mã phiếu',
            message:
              'Mã phiếu không đúng. Ông/Bà vui lòng kiểm tra lại mã in trên giấy mời (10 chữ và số; không có chữ I, O và số 0, 1).',
            retry: false,
          }
        : {
            title: 'Địa chỉ khảo sát không còn dùng được',
            message:
              'Đường dẫn hoặc mã QR này không đúng hoặc đã được thay. Ông/Bà vui lòng hỏi lại cán bộ tại nơi tiếp nhận hồ sơ.',
            retry: false,
          };
    case 'CONFLICT':
      if (error.message === FORM_TOKEN_SPENT)
        return {
          title: 'Phiếu đã được gửi hoặc đã quá hạn',
          message: `${sentence(error.message)}${kept}`,
          retry: false,
        };
      return channel === 'code'
        ? {
            title: 'Mã phiếu này đã được dùng',
            message:
              'Mỗi mã phiếu chỉ dùng để trả lời một lần và phiếu của mã này đã được gửi. Cảm ơn Ông/Bà đã tham gia.',
            retry: false,
          }
        : {
            title: 'Thiết bị này đã gửi phiếu',
            message:
              'Mỗi thiết bị chỉ gửi một phiếu đánh giá cho mỗi đơn vị, và thiết bị này đã gửi. Cảm ơn Ông/Bà đã tham gia khảo sát.',
            retry: false,
          };
    case 'INVALID_STATE':
    case 'WINDOW_CLOSED':
      // An ended survey (closed, or its period approved) will not come back: say so plainly.
      return FINAL_REFUSALS.includes(error.message)
        ? {
            title: 'Phiếu khảo sát đã kết thúc',
            message: `${sentence(error.message)} Cảm ơn Ông/Bà đã quan tâm.`,
            retry: false,
          }
        : {
            title: 'Phiếu khảo sát không nhận trả lời lúc này',
            message: sentence(error.message),
            retry: false,
          };
    case 'RATE_LIMITED':
      return {
        title: 'Xin Ông/Bà đợi ít phút',
        message: `${sentence(error.message)}${kept}`,
        retry: true,
      };
    case 'VALIDATION_FAILED':
      return {
        title: 'Phiếu chưa đầy đủ',
        message: [error.message, ...error.details].join(' — '),
        retry: true,
      };
    default:
      return {
        title: 'Chưa gửi được',
        message: `${sentence(error.message)} Ông/Bà vui lòng thử lại.${kept}`,
        retry: true,
      };
  }
}
