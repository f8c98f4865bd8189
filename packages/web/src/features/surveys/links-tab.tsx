import { formatVietnamTime } from '@chiso/core/time/vietnam-time.js';
import {
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Loading, notifyError, notifySaved } from '../../components/feedback';
import type { CreatedLink, LinkCapBody } from '@chiso/contract';
import { linkUrl, surveyKeys, type SurveyDetail, type SurveyLink } from './api';
import { ConfirmButton } from './confirm-button';
import { QrCode } from './qr-code';
import { useSurveyUnits } from './survey-units';

/**
 * One open link per unit for its one-stop desk: anyone with it may answer once per device.
 * Creating it again gives a new address and the old one stops working.
 */
export function LinksTab({ survey }: { survey: SurveyDetail }) {
  const { units, loading } = useSurveyUnits(survey);
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (unitId: string) =>
      api<CreatedLink>('POST', `/surveys/${survey.id}/links`, { unitId }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: surveyKeys.detail(survey.id) });
      notifySaved('Đã tạo đường dẫn mở');
    },
    onError: notifyError,
  });
  if (loading) return <Loading />;
  const links = new Map(survey.links.map((l) => [l.unitId, l]));
  if (units.length === 0) return <Text>Kỳ này chưa có đơn vị nào thuộc loại được đánh giá.</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Dán mã QR tại bộ phận một cửa của đơn vị để người dân quét và trả lời ngay. Mỗi thiết bị chỉ
        gửi được một phiếu qua đường dẫn.
      </Text>
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Đường dẫn mở theo đơn vị" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đơn vị</Table.Th>
                <Table.Th>Đường dẫn</Table.Th>
                <Table.Th>Mã QR</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => {
                const link = links.get(u.unitId);
                const busy = create.isPending && create.variables === u.unitId;
                return (
                  <Table.Tr key={u.unitId}>
                    <Table.Td>{u.unitName}</Table.Td>
                    <Table.Td>
                      {link ? <LinkAddress link={link} /> : '—'}
                      {link && <Bursts link={link} />}
                      {link && <LinkCap surveyId={survey.id} link={link} unitName={u.unitName} />}
                    </Table.Td>
                    <Table.Td>
                      {link?.active && (
                        <QrCode
                          value={linkUrl(link.token)}
                          size={112}
                          label={`Mã QR đường dẫn mở của ${u.unitName}`}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      {link ? (
                        <ConfirmButton
                          title="Đổi đường dẫn?"
                          message={`Đường dẫn và mã QR cũ của ${u.unitName} sẽ không dùng được nữa; cần dán mã QR mới tại bộ phận một cửa.`}
                          confirmLabel="Đổi đường dẫn"
                          onConfirm={() => create.mutate(u.unitId)}
                          loading={busy}
                          size="compact-sm"
                          variant="default"
                        >
                          Đổi đường dẫn
                        </ConfirmButton>
                      ) : (
                        <Button
                          size="compact-sm"
                          onClick={() => create.mutate(u.unitId)}
                          loading={busy}
                          aria-label={`Tạo đường dẫn mở cho ${u.unitName}`}
                        >
                          Tạo đường dẫn
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}

function LinkAddress({ link }: { link: SurveyLink }) {
  const url = linkUrl(link.token);
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {url}
      </Text>
      <Group gap="xs">
        {link.active ? (
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                size="compact-xs"
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'green' : undefined}
                onClick={copy}
                aria-label={`Sao chép đường dẫn của ${link.unitName}`}
              >
                {copied ? 'Đã sao chép' : 'Sao chép'}
              </Button>
            )}
          </CopyButton>
        ) : (
          <Badge color="gray" variant="light">
            đã ngừng
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** Suspicious bursts through the link: one address sending many answers in a few minutes. */
function Bursts({ link }: { link: SurveyLink }) {
  if (link.suspiciousBursts === 0 || !link.burstsSince) return null;
  return (
    <Text size="xs" c="orange.9" mt={4}>
      {`Đáng ngờ: ${link.suspiciousBursts} lần một địa chỉ mạng gửi hơn 5 phiếu trong 10 phút (từ ${formatVietnamTime(Date.parse(link.burstsSince))})`}
    </Text>
  );
}

/** The administrator's cap on the link's answers a day; empty for none. */
function LinkCap({
  surveyId,
  link,
  unitName,
}: {
  surveyId: string;
  link: SurveyLink;
  unitName: string;
}) {
  const client = useQueryClient();
  const [value, setValue] = useState<number | string>(link.dailyCap ?? '');
  const save = useMutation({
    mutationFn: (body: LinkCapBody) =>
      api<SurveyDetail>('PUT', `/surveys/${surveyId}/links/${link.unitId}/cap`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: surveyKeys.detail(surveyId) });
      notifySaved('Đã lưu số phiếu tối đa mỗi ngày');
    },
    onError: notifyError,
  });
  return (
    <Group gap="xs" mt={4} align="end">
      <NumberInput
        size="xs"
        w={170}
        label="Tối đa mỗi ngày (để trống: không giới hạn)"
        aria-label={`Số phiếu tối đa mỗi ngày qua đường dẫn của ${unitName}`}
        min={1}
        max={100_000}
        allowDecimal={false}
        value={value}
        onChange={setValue}
      />
      <Button
        size="compact-xs"
        variant="default"
        loading={save.isPending}
        aria-label={`Lưu số phiếu tối đa mỗi ngày của ${unitName}`}
        onClick={() => save.mutate({ dailyCap: typeof value === 'number' ? value : null })}
      >
        Lưu
      </Button>
    </Group>
  );
}
