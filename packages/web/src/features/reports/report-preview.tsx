import type { ReportResponse } from '@chiso/contract';
import { Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';

type Preview = NonNullable<ReportResponse['preview']>;

/** The report's text as the Word document words it: the same sections, sentences and tables. */
export function ReportPreview({ preview }: { preview: Preview | null }) {
  if (!preview) {
    return (
      <Paper withBorder p="md">
        <Text c="dimmed">Bản xem trước có khi kết quả đã được thông qua hoặc công bố.</Text>
      </Paper>
    );
  }
  const { heading } = preview;
  return (
    <Paper withBorder p="lg" style={{ fontFamily: '"Times New Roman", serif' }}>
      <ScrollArea.Autosize mah="85vh" type="auto">
        <Stack gap={6}>
          <Title order={4}>Xem trước</Title>
          {heading.draft && (
            <Text fw={700} ta="right">
              DỰ THẢO
            </Text>
          )}
          {heading.parentAuthority && <Text ta="center">{heading.parentAuthority}</Text>}
          <Text fw={700} ta="center">
            {heading.issuer}
          </Text>
          <Text ta="center">{heading.number}</Text>
          <Text ta="center" fs="italic">
            {heading.place}, {heading.dateText}
          </Text>
          <Text fw={700} ta="center" mt="sm">
            {heading.kind}
          </Text>
          <Text fw={700} ta="center">
            {heading.summary}
          </Text>
          {preview.sections.map((section, i) => (
            <Stack gap={4} key={i} mt={section.level <= 1 ? 'sm' : 0}>
              {section.heading.split('\n').map((line) => (
                <Text
                  key={line}
                  fw={section.level <= 2 ? 700 : 400}
                  fs={section.level === 3 ? 'italic' : undefined}
                  ta={section.level === 0 ? 'center' : undefined}
                >
                  {line}
                </Text>
              ))}
              {section.content.map((item, j) =>
                item.kind === 'table' ? (
                  <Table key={j} withTableBorder withColumnBorders fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        {item.table.columns.map((c) => (
                          <Table.Th key={c}>{c}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {item.table.rows.map((row, k) => (
                        <Table.Tr key={k}>
                          {row.map((cell, m) => (
                            <Table.Td key={m}>{cell}</Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : (
                  <Text
                    key={j}
                    fs={item.kind === 'missing' ? 'italic' : undefined}
                    c={item.kind === 'missing' ? 'red.8' : undefined}
                  >
                    {item.text}
                  </Text>
                ),
              )}
            </Stack>
          ))}
          <Text fw={700} mt="md">
            Nơi nhận:
          </Text>
          {preview.recipients.map((r) => (
            <Text key={r} size="sm">
              - {r}
            </Text>
          ))}
          <Stack gap={0} align="flex-end" mt="sm">
            {preview.signature.onBehalfOf && <Text fw={700}>{preview.signature.onBehalfOf}</Text>}
            <Text fw={700}>{preview.signature.position}</Text>
            <Text mt="xl">{preview.signature.name ?? ''}</Text>
          </Stack>
          <Text fw={700} ta="center" mt="md">
            {preview.appendix.title.replace('\n', ' ')}
          </Text>
          <Text size="sm" fs="italic" ta="center">
            ({preview.appendix.note}) Phụ lục có {preview.appendix.tables} biểu, một biểu cho mỗi cơ
            quan, đơn vị: xem trong văn bản tải về.
          </Text>
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
