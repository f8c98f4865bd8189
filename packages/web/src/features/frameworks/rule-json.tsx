import { Accordion, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { isDraft, type Draft } from './rule-draft';

const show = (draft: Draft) => JSON.stringify(draft, null, 2);

function parse(text: string): Draft | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isDraft(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The rule as JSON, the same text a spreadsheet's "Quy tắc chấm" column takes, for those who
 * prefer it. Kept in sync both ways: the form's changes rewrite the text, and text that is
 * valid JSON becomes the form's rule; text that is not yet JSON stays as typed.
 */
export function RuleJson({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const [text, setText] = useState(() => show(draft));
  useEffect(() => {
    // Only when the form changed the rule: what is being typed is left alone.
    setText((current) =>
      JSON.stringify(parse(current)) === JSON.stringify(draft) ? current : show(draft),
    );
  }, [draft]);
  const invalid = parse(text) === undefined;
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="json">
        <Accordion.Control>Nâng cao (JSON)</Accordion.Control>
        <Accordion.Panel>
          <Text size="xs" c="dimmed" mb={4}>
            Cùng nội dung với cột &quot;Quy tắc chấm&quot; khi nhập bộ chỉ số từ Excel. Sửa ở đây
            hoặc trên biểu mẫu đều được; hai bên luôn khớp nhau.
          </Text>
          <Textarea
            label="Quy tắc chấm dạng JSON"
            value={text}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setText(next);
              const parsed = parse(next);
              if (parsed) onChange(parsed);
            }}
            error={
              invalid ? 'Chưa đúng cú pháp JSON; biểu mẫu giữ quy tắc hợp lệ gần nhất' : undefined
            }
            autosize
            minRows={6}
            // The app's own font, not a monospace one: Debian's DejaVu Sans Mono has no
            // precomposed Vietnamese letters and draws "số" as "sô´".
            styles={{ input: { fontSize: 13 } }}
          />
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
