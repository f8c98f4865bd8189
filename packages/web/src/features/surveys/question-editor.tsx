import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { SIPAS_ELEMENTS } from '@chiso/core/surveys/questionnaire.js';
import type { Draft, DraftOption, DraftQuestion } from './draft';
import type { SurveyLeaf } from './survey-leaves';

interface Props {
  kind: Draft['kind'];
  group: string;
  question: DraftQuestion;
  index: number;
  count: number;
  leaves: SurveyLeaf[];
  onChange: (question: DraftQuestion) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

const ELEMENT_OPTIONS = Object.entries(SIPAS_ELEMENTS).map(([value, label]) => ({ value, label }));

/** One question: code, text, what it feeds (a leaf or a SIPAS element) and its answer options. */
export function QuestionEditor({
  kind,
  group,
  question,
  index,
  count,
  leaves,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const name = `câu ${index + 1}`;
  const set = (patch: Partial<DraftQuestion>) => onChange({ ...question, ...patch });
  const setOption = (o: number, patch: Partial<DraftOption>) =>
    set({ options: question.options.map((x, i) => (i === o ? { ...x, ...patch } : x)) });
  const leafData = leaves.map((leaf) => {
    const fits = group.trim() === '' || leaf.groups.some((g) => g.group === group.trim());
    return {
      value: leaf.code,
      label: `${leaf.code}. ${leaf.title}${fits ? '' : ' (quy tắc chưa có nhóm này)'}`,
    };
  });
  if (question.leafCode && !leaves.some((l) => l.code === question.leafCode)) {
    leafData.push({
      value: question.leafCode,
      label: `${question.leafCode} (không có trong bộ chỉ số)`,
    });
  }
  return (
    <Card withBorder padding="sm" component="fieldset" aria-label={`Câu hỏi thứ ${index + 1}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>Câu {index + 1}</Text>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={`Đưa ${name} lên trên`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Đưa ${name} xuống dưới`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={onRemove}
              disabled={count === 1}
            >
              Xoá câu
            </Button>
          </Group>
        </Group>
        <Group align="flex-start" wrap="wrap" grow>
          <TextInput
            label="Mã câu"
            value={question.code}
            onChange={(e) => set({ code: e.currentTarget.value })}
            maw={120}
            required
          />
          {kind === 'par' ? (
            <Select
              label="Tiêu chí nhận điểm"
              placeholder={leaves.length ? 'Chọn tiêu chí' : 'Bộ chỉ số chưa có tiêu chí khảo sát'}
              data={leafData}
              value={question.leafCode}
              onChange={(value) => set({ leafCode: value })}
              searchable
              clearable
              miw={260}
            />
          ) : (
            <Select
              label="Yếu tố SIPAS"
              placeholder="Chọn yếu tố"
              data={ELEMENT_OPTIONS}
              value={question.element}
              onChange={(value) => set({ element: value })}
              miw={260}
            />
          )}
        </Group>
        <Textarea
          label="Nội dung câu hỏi"
          value={question.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          autosize
          minRows={2}
          required
        />
        <Checkbox
          label="Không bắt buộc (người trả lời được bỏ trống)"
          checked={question.optional}
          onChange={(e) => set({ optional: e.currentTarget.checked })}
        />
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} aria-label={`Phương án trả lời của ${name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Phương án</Table.Th>
                <Table.Th>Nội dung</Table.Th>
                <Table.Th w={110}>Trọng số (%)</Table.Th>
                {kind === 'sipas' && <Table.Th w={90}>Hài lòng</Table.Th>}
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {question.options.map((option, o) => (
                <Table.Tr key={o}>
                  <Table.Td>
                    <TextInput
                      aria-label={`${name}, phương án ${o + 1}: ký hiệu`}
                      value={option.key}
                      onChange={(e) => setOption(o, { key: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${name}, phương án ${o + 1}: nội dung`}
                      value={option.label}
                      onChange={(e) => setOption(o, { label: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${name}, phương án ${o + 1}: trọng số (%)`}
                      value={option.weight}
                      inputMode="decimal"
                      onChange={(e) => setOption(o, { weight: e.currentTarget.value })}
                    />
                  </Table.Td>
                  {kind === 'sipas' && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`${name}, phương án ${o + 1}: tính là hài lòng`}
                        checked={option.satisfied}
                        onChange={(e) => setOption(o, { satisfied: e.currentTarget.checked })}
                      />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Xoá ${name}, phương án ${o + 1}`}
                      disabled={question.options.length <= 2}
                      onClick={() => set({ options: question.options.filter((_, i) => i !== o) })}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group>
          <Button
            size="compact-sm"
            variant="default"
            disabled={question.options.length >= 10}
            onClick={() =>
              set({
                options: [
                  ...question.options,
                  {
                    key: String.fromCharCode(65 + question.options.length),
                    label: '',
                    weight: '0',
                    satisfied: false,
                  },
                ],
              })
            }
          >
            Thêm phương án
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
