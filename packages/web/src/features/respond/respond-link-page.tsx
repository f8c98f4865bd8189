import { Anchor, Button, CopyButton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Loading } from '../../components/feedback';
import { describeTrouble, fetchLinkForm, saveLinkDraft, submitLink, type Answers } from './api';
import { RespondForm } from './respond-form';
import { RespondShell, StatusScreen } from './respond-shell';

/** The query parameter that carries a draft's resume token in the address. */
const RESUME_PARAM = 'tiep-tuc';

/** /phieu/mo/:token: the open link (QR code at the one-stop desk), same form, no code. */
export default function RespondLinkPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <RespondShell>
      <LinkForm key={token} token={token} fromAddress={params.get(RESUME_PARAM) ?? undefined} />
    </RespondShell>
  );
}

// The resume token of a draft saved on this device, by link: private browsing or a full
// storage must not stop anyone from answering, so failures are ignored.
const storageKey = (token: string) => `chiso.phieu.${token}`;

function storedResume(token: string): string | undefined {
  try {
    return window.localStorage.getItem(storageKey(token)) ?? undefined;
  } catch {
    return undefined;
  }
}

function storeResume(token: string, resume: string | undefined) {
  try {
    if (resume) window.localStorage.setItem(storageKey(token), resume);
    else window.localStorage.removeItem(storageKey(token));
  } catch {
    // Nothing to do: the address shown after saving still brings the draft back.
  }
}

const retryNetwork = (count: number, error: unknown) =>
  error instanceof ApiError && error.code === 'NETWORK' && count < 2;

function LinkForm({ token, fromAddress }: { token: string; fromAddress: string | undefined }) {
  const [initialResume] = useState(() => fromAddress ?? storedResume(token));
  const [resume, setResume] = useState(initialResume);
  const resumeRef = useRef(initialResume);

  useEffect(() => {
    if (fromAddress) storeResume(token, fromAddress);
  }, [token, fromAddress]);

  const form = useQuery({
    queryKey: ['phieu', 'lien-ket', token, initialResume],
    queryFn: async () => {
      try {
        return await fetchLinkForm(token, initialResume);
      } catch (error) {
        // A resume token mangled in the address must not keep the form closed: start afresh.
        if (initialResume && error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
          storeResume(token, undefined);
          resumeRef.current = undefined;
          setResume(undefined);
          return fetchLinkForm(token, undefined);
        }
        throw error;
      }
    },
    retry: retryNetwork,
    staleTime: Infinity,
    gcTime: 0,
  });

  const saveDraft = useCallback(
    async (answers: Answers) => {
      const saved = await saveLinkDraft(token, answers, resumeRef.current);
      resumeRef.current = saved.resumeToken;
      setResume(saved.resumeToken);
      storeResume(token, saved.resumeToken);
    },
    [token],
  );
  const formToken = form.data?.formToken;
  const submit = useCallback(
    async (answers: Answers) => {
      await submitLink(token, answers, resumeRef.current, formToken ?? '');
    },
    [token, formToken],
  );

  if (form.isPending) return <Loading label="Đang mở phiếu…" />;
  if (form.isError) {
    const trouble = describeTrouble(form.error, 'link', 'open');
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
      <StatusScreen title="Thiết bị này đã gửi phiếu">
        <Text>
          Phiếu đánh giá {form.data.unit.name} đã được gửi từ thiết bị này; mỗi thiết bị chỉ gửi một
          phiếu cho mỗi đơn vị. Cảm ơn Ông/Bà đã tham gia khảo sát.
        </Text>
      </StatusScreen>
    );
  }
  const address = resume
    ? `${window.location.origin}/phieu/mo/${encodeURIComponent(token)}?${new URLSearchParams({ [RESUME_PARAM]: resume }).toString()}`
    : undefined;
  return (
    <RespondForm
      form={form.data}
      channel="link"
      saveDraft={saveDraft}
      submit={submit}
      onSent={() => storeResume(token, undefined)}
      resumeHint={
        <Stack gap="xs">
          <Text size="sm">
            Trên máy này, Ông/Bà chỉ cần mở lại phiếu (quét lại mã QR) để trả lời tiếp. Trên máy
            khác, dùng địa chỉ dưới đây:
          </Text>
          {address && (
            <>
              <TextInput
                label="Địa chỉ để trả lời tiếp"
                value={address}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton value={address}>
                {({ copied, copy }) => (
                  <Button variant="light" size="md" onClick={copy}>
                    {copied ? 'Đã chép địa chỉ' : 'Chép địa chỉ'}
                  </Button>
                )}
              </CopyButton>
            </>
          )}
        </Stack>
      }
    />
  );
}
