import { Card, Code, CopyButton, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { MEASURE_KEYS, MEASURE_LABELS } from '@chiso/core/statistics/catalogue.js';
import { useState } from 'react';
import { usePeriods } from '../../api/hooks';

/** How a source system calls the push: the real address of a chosen period, a curl command. */
export function PushExample() {
  const periods = usePeriods();
  const [periodId, setPeriodId] = useState<string | null>(null);
  const period = periods.data?.find((p) => p.id === periodId) ?? periods.data?.[0];
  const chosen = period?.id ?? '<mã-kỳ-đánh-giá>';
  // The period's own year, and a unit code to fill in: a copied command never sends a made-up unit.
  const countedTo = `${period?.year ?? new Date().getFullYear()}-09-30`;
  const url = `${window.location.origin}/api/push/periods/${chosen}/statistics`;
  const command = [
    `curl -X POST '${url}' \\`,
    `  -H 'Authorization: Bearer chiso_…' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"countedTo":"${countedTo}","rows":[{"unitId":"<mã đơn vị>","received":600,"resolved":596,"resolvedOnTime":574}]}'`,
  ].join('\n');
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>Cách gửi số liệu thống kê TTHC</Title>
        <Text size="sm">
          Hệ thống gửi mỗi đơn vị một dòng (mã đơn vị và các chỉ tiêu là số nguyên không âm); mọi
          dòng được kiểm tra như khi nhập tệp và chỉ lưu khi tất cả đều đúng. Mã cần quyền “Gửi số
          liệu thống kê TTHC” và kỳ phải thuộc phạm vi của cơ quan cấp mã.
        </Text>
        <Select
          label="Kỳ đánh giá"
          data={(periods.data ?? []).map((period) => ({ value: period.id, label: period.name }))}
          value={periodId ?? periods.data?.[0]?.id ?? null}
          onChange={setPeriodId}
          w={420}
          allowDeselect={false}
        />
        <Code block>{command}</Code>
        <Group>
          <CopyButton value={command}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}>
                {copied ? 'Đã sao chép' : 'Sao chép lệnh'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          Các chỉ tiêu: {MEASURE_KEYS.map((key) => `${key} (${MEASURE_LABELS[key]})`).join('; ')}.
          Tài liệu đầy đủ: /api/docs, mục “Kết nối hệ thống (API)”.
        </Text>
      </Stack>
    </Card>
  );
}
