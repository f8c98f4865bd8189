import { Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isSurveyCode, normalizeSurveyCode } from '@chiso/core/surveys/codes.js';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Loading } from '../../components/feedback';
import { describeTrouble, fetchCodeForm, saveCodeDraft, submitCode, type Answers } from './api';
import { RespondForm } from './respond-form';
import {
  CodeEntry,
  CodeEntryScreen,
  displayCode,
  RespondShell,
  StatusScreen,
} from './respond-shell';

/** /phieu: type the personal code; /phieu/:code: the form of that code. */
export default function RespondCodePage() {
  const { code } = useParams();
  return (
    <RespondShell>
      {code ? <CodeForm key={code} code={normalizeSurveyCode(code)} /> : <CodeEntryScreen />}
    </RespondShell>
  );
}

/** Network failures are worth another try; a "no such code" is not. */
const retryNetwork = (count: number, error: unknown) =>
  error instanceof ApiError && error.code === 'NETWORK' && count < 2;

function CodeForm({ code }: { code: string }) {
  const valid = isSurveyCode(code);
  const form = useQuery({
    queryKey: ['phieu', 'ma', code],
    queryFn: () => fetchCodeForm(code),
    enabled: valid,
    retry: retryNetwork,
    // Asked once while the form is open; asked again (never from memory) when it is reopened.
    staleTime: Infinity,
    gcTime: 0,
  });
  const saveDraft = useCallback(
    async (answers: Answers) => {
      await saveCodeDraft(code, answers);
    },
    [code],
  );
  const submit = useCallback(
    async (answers: Answers) => {
      await submitCode(code, answers);
    },
    [code],
  );

  if (!valid) return <UnknownCode code={code} />;
  if (form.isPending) return <Loading label="Đang mở phiếu…" />;
  if (form.isError) {
    if (form.error instanceof ApiError && form.error.code === 'NOT_FOUND') {
      return <UnknownCode code={code} />;
    }
    const trouble = describeTrouble(form.error, 'code', 'open');
    return (
      <StatusScreen title={trouble.title} color="red.8">
        <Text>{trouble.message}</Text>
        {trouble.retry && (
          <Anchor component="button" type="button" onClick={() => void form.refetch()}>
            Thử mở lại phiếu
          </Anchor>
        )}
      </StatusScreen>
    );
  }
  if (form.data.answered) {
    return (
      <StatusScreen title="Mã phiếu này đã được dùng">
        <Text>
          Phiếu của mã {displayCode(code)} đã được gửi; mỗi mã chỉ dùng để trả lời một lần. Cảm ơn
          Ông/Bà đã tham gia khảo sát.
        </Text>
      </StatusScreen>
    );
  }
  const address = `${window.location.origin}/phieu`;
  return (
    <RespondForm
      form={form.data}
      channel="code"
      saveDraft={saveDraft}
      submit={submit}
      resumeHint={
        <Text size="sm">
          Ông/Bà có thể đóng trang. Để trả lời tiếp, mở lại địa chỉ này hoặc vào{' '}
          <Anchor component={Link} to="/phieu">
            {address}
          </Anchor>{' '}
          và nhập mã phiếu <b>{displayCode(code)}</b>; các câu đã chọn vẫn còn.
        </Text>
      }
    />
  );
}

function UnknownCode({ code }: { code: string }) {
  return (
    <StatusScreen title="Không tìm thấy mã phiếu" color="red.8">
      <Stack gap="md">
        <Text>
          Không có phiếu nào mang mã <b>{displayCode(code)}</b>. Ông/Bà vui lòng kiểm tra lại mã in
          trên giấy mời (10 chữ và số; không có chữ I, O và số 0, 1) rồi nhập lại.
        </Text>
        <CodeEntry initial={displayCode(code)} autoFocus={false} />
      </Stack>
    </StatusScreen>
  );
}
