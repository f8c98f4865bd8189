import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  API_TOKEN_SCOPES,
  API_TOKEN_SCOPE_LABELS,
  DEFAULT_ROTATION_GRACE_DAYS,
  MAX_ROTATION_GRACE_DAYS,
  type ApiTokenScope,
} from '@chiso/core/access/api-tokens.js';
import { useState } from 'react';
import type { ApiTokenView, IssuedApiToken } from '../../api/types';
import { DateInput, isoDate } from '../../components/date-input';
import { ErrorMessage } from '../../components/feedback';

export interface IssueInput {
  name: string;
  scopes: ApiTokenScope[];
  expiresOn?: string;
}

/** The issue form: a name for the source system, its scopes, an optional last day. */
export function IssueDialog({
  opened,
  onClose,
  onIssue,
  loading,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onIssue: (input: IssueInput) => void;
  loading: boolean;
  error: unknown;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['statistics:write']);
  const [expiry, setExpiry] = useState('');
  const expiresOn = isoDate(expiry);
  const ready =
    name.trim() !== '' && scopes.length > 0 && (expiry.trim() === '' || expiresOn !== undefined);
  return (
    <Modal opened={opened} onClose={onClose} title="Cấp mã API" centered size="lg">
      <Stack>
        <TextInput
          label="Tên hệ thống dùng mã"
          description="Ví dụ: Hệ thống thông tin giải quyết TTHC tỉnh"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          required
          data-autofocus
        />
        <Checkbox.Group label="Quyền" value={scopes} onChange={setScopes} required>
          <Stack gap={6} mt={6}>
            {API_TOKEN_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={`${API_TOKEN_SCOPE_LABELS[scope]} (${scope})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <DateInput
          label="Dùng được đến hết ngày (để trống: đến khi thu hồi)"
          value={expiry}
          onChange={setExpiry}
          width={260}
        />
        <ErrorMessage error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button
            disabled={!ready}
            loading={loading}
            onClick={() =>
              onIssue({
                name: name.trim(),
                scopes,
                ...(expiresOn !== undefined ? { expiresOn } : {}),
              })
            }
          >
            Cấp mã API
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The secret, shown this once, with a copy button and the warning that it will not be again. */
export function SecretDialog({
  issued,
  onClose,
}: {
  issued: IssuedApiToken | undefined;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={issued !== undefined}
      onClose={onClose}
      title="Mã API mới"
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      {issued && (
        <Stack>
          <Alert color="orange" title="Mã này chỉ hiện một lần">
            Hãy sao chép và lưu mã vào cấu hình của hệ thống “{issued.token.name}” ngay bây giờ. Sau
            khi đóng hộp thoại này, chiso không thể cho xem lại mã; nếu mất mã, hãy đổi mã mới.
          </Alert>
          <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }} aria-label="Mã API">
            {issued.secret}
          </Text>
          <Group justify="space-between">
            <CopyButton value={issued.secret}>
              {({ copied, copy }) => (
                <Button color={copied ? 'green' : undefined} onClick={copy}>
                  {copied ? 'Đã sao chép' : 'Sao chép mã'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Tôi đã lưu mã, đóng
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Asks how long the old token keeps working once the new one is issued. */
export function RotateDialog({
  token,
  onClose,
  onRotate,
  loading,
  error,
}: {
  token: ApiTokenView | undefined;
  onClose: () => void;
  onRotate: (graceDays: number) => void;
  loading: boolean;
  error: unknown;
}) {
  const [grace, setGrace] = useState<number | string>(DEFAULT_ROTATION_GRACE_DAYS);
  const days = typeof grace === 'number' ? grace : Number.NaN;
  const valid = Number.isInteger(days) && days >= 0 && days <= MAX_ROTATION_GRACE_DAYS;
  return (
    <Modal
      opened={token !== undefined}
      onClose={onClose}
      title={`Đổi mã API “${token?.name ?? ''}”`}
      centered
      size="lg"
    >
      <Stack>
        <Text size="sm">
          Một mã mới được cấp (cùng tên, quyền và hạn dùng). Mã cũ {token?.prefix} vẫn dùng được
          trong số ngày chuyển tiếp dưới đây để kịp thay mã trong hệ thống; 0 ngày: mã cũ ngừng
          ngay.
        </Text>
        <NumberInput
          label="Số ngày chuyển tiếp"
          min={0}
          max={MAX_ROTATION_GRACE_DAYS}
          allowDecimal={false}
          value={grace}
          onChange={setGrace}
          w={200}
          error={valid ? undefined : `Từ 0 đến ${MAX_ROTATION_GRACE_DAYS} ngày`}
        />
        <ErrorMessage error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Hủy
          </Button>
          <Button disabled={!valid} loading={loading} onClick={() => onRotate(days)}>
            Đổi mã
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
