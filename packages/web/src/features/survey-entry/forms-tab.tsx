import { Group, Pagination, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../components/feedback';
import { date } from '../../lib/format';
import { RECHECK_LABELS, usePaperForms, type EntrySurvey, type RatedUnit } from './api';

const PAGE = 100;

/** The paper forms entered so far, by batch, with where each stands in the re-check. */
export function FormsTab({
  survey,
  units,
  batch,
}: {
  survey: EntrySurvey;
  units: RatedUnit[];
  batch: string;
}) {
  const [filter, setFilter] = useState(batch);
  const [debounced] = useDebouncedValue(filter.trim(), 300);
  const [page, setPage] = useState(1);
  const forms = usePaperForms(survey.id, debounced);
  const unitName = new Map(units.map((u) => [u.unitId, u.unitName]));
  const rows = forms.data?.forms ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label="Lô"
          description="Để trống để xem mọi lô"
          value={filter}
          onChange={(e) => {
            setFilter(e.currentTarget.value);
            setPage(1);
          }}
          w={200}
        />
        {forms.data && (
          <Text size="sm" pb={4} role="status">
            {rows.length.toLocaleString('vi-VN')} phiếu
            {debounced ? ` trong lô ${debounced}` : ''}
          </Text>
        )}
      </Group>
      {forms.isPending ? (
        <Loading />
      ) : forms.isError ? (
        <ErrorMessage error={forms.error} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">Chưa có phiếu nào{debounced ? ` trong lô ${debounced}` : ''}.</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder aria-label="Phiếu đã nhập">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Số phiếu</Table.Th>
                  <Table.Th>Lô</Table.Th>
                  <Table.Th>Đơn vị</Table.Th>
                  <Table.Th>Ngày nhập</Table.Th>
                  <Table.Th>Phúc tra</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((form) => (
                  <Table.Tr key={form.id}>
                    <Table.Td>{form.formNumber}</Table.Td>
                    <Table.Td>{form.batch ?? '—'}</Table.Td>
                    <Table.Td>{unitName.get(form.unitId) ?? form.unitId}</Table.Td>
                    <Table.Td>{date(form.submittedOn)}</Table.Td>
                    <Table.Td>{form.recheck ? RECHECK_LABELS[form.recheck] : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': control === 'previous' ? 'Trang trước' : 'Trang sau',
              })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
