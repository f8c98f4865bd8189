import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { FrameworkReview, FrameworkView } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { date, dateTime } from '../../lib/format';
import { ConfirmButton } from '../surveys/confirm-button';

type Check = NonNullable<FrameworkReview['copy']>['checks'][number];

/** The words around a year found in a text, the year itself in bold. */
function Excerpt({ check }: { check: Check }) {
  const at = check.excerpt.indexOf(check.found);
  if (at < 0) return <>{check.excerpt}</>;
  return (
    <>
      {check.excerpt.slice(0, at)}
      <Text span fw={700}>
        {check.found}
      </Text>
      {check.excerpt.slice(at + check.found.length)}
    </>
  );
}

/** Whether a year found by the copy is still written where it was (false once edited away). */
function stillWritten(check: Check, framework: FrameworkView): boolean {
  const node = framework.nodes.find((n) => n.code === check.code);
  if (!node) return false;
  if (check.kind !== 'yearInText') return true;
  const text =
    check.field === 'Tên'
      ? node.title
      : check.field === 'Hướng dẫn'
        ? (node.guidance ?? '')
        : check.field === 'Tài liệu kiểm chứng'
          ? node.evidence.join('\n')
          : JSON.stringify(node.rule);
  return text.includes(check.found);
}

const CHECK_LABELS: Record<Check['kind'], string> = {
  leapDay: 'Ngày 29/02',
  leapYear: 'Năm nhuận',
  yearInText: 'Năm trong nội dung',
};

/**
 * What a copy to a new year changed and what it left to the administrator (decision 0013):
 * every date moved, every year written in a text, and the confirmation that lets a period
 * use the framework.
 */
export function ReviewPanel({
  framework,
  admin,
  onEdit,
}: {
  framework: FrameworkView;
  admin: boolean;
  onEdit: (code: string) => void;
}) {
  const client = useQueryClient();
  const { review } = framework;
  const pending = review.status === 'needsReview';
  const [open, setOpen] = useState(pending);
  const confirm = useMutation({
    mutationFn: () => api<FrameworkView>('POST', `/frameworks/${framework.id}/review`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.framework(framework.id) });
      await client.invalidateQueries({ queryKey: keys.frameworks });
      notifySaved('Đã xác nhận rà soát; bộ chỉ số dùng được cho kỳ đánh giá');
    },
  });
  const copy = review.copy;
  if (!copy) return null;
  const years = copy.toYear - copy.fromYear;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>Rà soát sau khi sao chép</Title>
            <Text size="sm" c="dimmed">
              Sao chép từ “{copy.fromName}” (năm {copy.fromYear}) sang năm {copy.toYear}
            </Text>
          </div>
          <Badge size="lg" variant="light" color={pending ? 'orange' : 'green'}>
            {review.statusLabel}
          </Badge>
        </Group>
        {pending ? (
          <Alert color="orange" title="Chưa dùng được cho kỳ đánh giá">
            Các ngày trong quy tắc chấm đã được dời {years >= 0 ? 'thêm' : 'lùi'} {Math.abs(years)}{' '}
            năm. Hãy xem từng ngày đã dời và từng mục cần kiểm tra dưới đây, sửa mục nào cần sửa
            (nút “Sửa”), rồi bấm “Xác nhận đã rà soát”.
          </Alert>
        ) : (
          <Group justify="space-between">
            <Text size="sm">
              Đã xác nhận rà soát lúc {dateTime(review.reviewedAt)}: {copy.dates.length} ngày đã
              dời, {copy.checks.length} mục đã kiểm tra.
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)}>
              {open ? 'Ẩn danh sách' : 'Xem danh sách'}
            </Button>
          </Group>
        )}
        {open && (
          <>
            {copy.name && copy.name.from !== copy.name.to && (
              <Text size="sm">
                Tên bộ chỉ số: “{copy.name.from}” → “{copy.name.to}”
              </Text>
            )}
            <Title order={4}>Các ngày đã dời ({copy.dates.length})</Title>
            {copy.dates.length === 0 ? (
              <Text size="sm" c="dimmed">
                Không quy tắc chấm nào có ngày.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={600}>
                <Table striped withTableBorder aria-label="Các ngày đã dời">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Mục</Table.Th>
                      <Table.Th>Tham số</Table.Th>
                      <Table.Th>Năm {copy.fromYear}</Table.Th>
                      <Table.Th>Năm {copy.toYear}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {copy.dates.map((d) => (
                      <Table.Tr key={`${d.code}-${d.field}-${d.from}`}>
                        <Table.Td>{d.code}</Table.Td>
                        <Table.Td>{d.field}</Table.Td>
                        <Table.Td>{date(d.from)}</Table.Td>
                        <Table.Td fw={600}>{date(d.to)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Title order={4}>Cần kiểm tra ({copy.checks.length})</Title>
            {copy.checks.length === 0 ? (
              <Text size="sm" c="dimmed">
                Không có năm nào được ghi trong tên, hướng dẫn, tài liệu kiểm chứng hay điều kiện.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table striped withTableBorder aria-label="Các mục cần kiểm tra">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Mục</Table.Th>
                      <Table.Th>Ở đâu</Table.Th>
                      <Table.Th>Nội dung khi sao chép</Table.Th>
                      <Table.Th>Việc cần làm</Table.Th>
                      {admin && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {copy.checks.map((c, i) => (
                      <Table.Tr key={`${c.code}-${c.field}-${c.found}-${i}`}>
                        <Table.Td>{c.code}</Table.Td>
                        <Table.Td>
                          {c.field}
                          <Badge size="xs" variant="light" ml={6} color="gray">
                            {CHECK_LABELS[c.kind]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            <Excerpt check={c} />
                          </Text>
                          {!stillWritten(c, framework) && (
                            <Badge size="xs" color="green" variant="light" mt={4}>
                              Đã sửa
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.message}</Text>
                        </Table.Td>
                        {admin && (
                          <Table.Td>
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => onEdit(c.code)}
                              aria-label={`Sửa mục ${c.code} (cần kiểm tra)`}
                            >
                              Sửa
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
        <ErrorMessage error={confirm.error} />
        {admin && pending && (
          <Group>
            <ConfirmButton
              title="Xác nhận đã rà soát?"
              message={`Bạn đã xem ${copy.dates.length} ngày đã dời và ${copy.checks.length} mục cần kiểm tra. Sau khi xác nhận, bộ chỉ số dùng được cho kỳ đánh giá năm ${copy.toYear}; việc xác nhận được ghi nhật ký.`}
              confirmLabel="Xác nhận"
              color="green"
              loading={confirm.isPending}
              onConfirm={() => confirm.mutate()}
            >
              Xác nhận đã rà soát
            </ConfirmButton>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
