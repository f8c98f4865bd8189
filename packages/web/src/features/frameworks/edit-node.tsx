import {
  Autocomplete,
  Button,
  Group,
  MultiSelect,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { unitTypeLabel, UNIT_TYPES } from '@chiso/core/units/unit-types.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { FrameworkNodeView, FrameworkView } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { points } from '../../lib/format';
import { RuleEditor } from './rule-editor';
import { toDraft } from './rule-draft';
import { useRuleCheck } from './use-rule-check';

/** "Chủ trì: Phòng Tư pháp; phối hợp: Văn phòng, Phòng Nội vụ", or nothing when none is set. */
export function officesText(node: FrameworkNodeView): string | undefined {
  const parts = [
    node.leadOffice ? `Chủ trì: ${node.leadOffice}` : undefined,
    node.supportingOffices?.length ? `phối hợp: ${node.supportingOffices.join(', ')}` : undefined,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every office name the framework already uses, to offer the same spelling again. */
function officeNames(framework: FrameworkView): string[] {
  const names = framework.nodes.flatMap((n) => [
    ...(n.leadOffice ? [n.leadOffice] : []),
    ...(n.supportingOffices ?? []),
  ]);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'vi'));
}

/**
 * A node's form: title, rule (leaves), evidence asked for, unit types, guidance and the default
 * lead and supporting offices (decision 0019). The server refuses it while a period uses the
 * framework, as every other edit.
 */
export function EditNode({
  framework,
  node,
  onDone,
}: {
  framework: FrameworkView;
  node: FrameworkNodeView;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [title, setTitle] = useState(node.title);
  const [rule, setRule] = useState(() => toDraft(node.rule));
  const [evidence, setEvidence] = useState(node.evidence.join('\n'));
  const [appliesTo, setAppliesTo] = useState(node.appliesTo);
  const [guidance, setGuidance] = useState(node.guidance ?? '');
  const [leadOffice, setLeadOffice] = useState(node.leadOffice ?? '');
  const [supporting, setSupporting] = useState(node.supportingOffices ?? []);
  const check = useRuleCheck(rule, node.maxPoints);
  const ruleOk = check.rule !== undefined;
  const names = officeNames(framework);
  const save = useMutation({
    mutationFn: () =>
      api('PATCH', `/frameworks/${framework.id}/nodes/${node.code}`, {
        title,
        ...(node.isLeaf && ruleOk ? { rule } : {}),
        evidence: evidence
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        appliesTo,
        guidance: guidance.trim() || null,
        leadOffice: leadOffice.trim() || null,
        supportingOffices: supporting,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.framework(framework.id) });
      notifySaved(`Đã lưu mục ${node.code}`);
      onDone();
    },
  });
  return (
    <Stack>
      <Text size="sm">
        Điểm tối đa: {points(node.maxPoints)} (sửa điểm bằng cách nhập lại bộ chỉ số, để tổng luôn
        khớp)
      </Text>
      <TextInput label="Tên" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      {node.isLeaf && (
        <RuleEditor
          draft={rule}
          onChange={setRule}
          check={check}
          maxPoints={node.maxPoints}
          pointsDecimals={framework.pointsDecimals}
        />
      )}
      <Textarea
        label="Tài liệu kiểm chứng cần có (mỗi dòng một loại)"
        value={evidence}
        onChange={(e) => setEvidence(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <MultiSelect
        label="Chỉ áp dụng cho loại đơn vị (để trống: mọi loại)"
        data={[...new Set([...Object.keys(UNIT_TYPES), ...appliesTo])].map((key) => ({
          value: key,
          label: unitTypeLabel(key),
        }))}
        value={appliesTo}
        onChange={setAppliesTo}
        clearable
      />
      <Textarea
        label="Hướng dẫn chấm điểm"
        value={guidance}
        onChange={(e) => setGuidance(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Autocomplete
        label="Đơn vị chủ trì (mặc định)"
        description="Tên phòng, ban như bộ chỉ số ghi; mỗi đơn vị được đánh giá tự khớp với phòng, ban của mình và có thể chọn khác"
        placeholder="Ví dụ: Phòng Tư pháp"
        data={names}
        value={leadOffice}
        onChange={setLeadOffice}
      />
      <TagsInput
        label="Đơn vị phối hợp (mặc định)"
        description="Gõ tên từng đơn vị rồi nhấn Enter hoặc dấu chấm phẩy (;)"
        data={names.filter((name) => name !== leadOffice.trim())}
        value={supporting}
        // A name left typed when the field loses focus, or pasted, may still hold the separator.
        onChange={(values) =>
          setSupporting(
            [...new Set(values.flatMap((v) => v.split(';')).map((v) => v.trim()))].filter(Boolean),
          )
        }
        splitChars={[';']}
        clearable
      />
      <ErrorMessage error={save.error} />
      <Group>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={node.isLeaf && !ruleOk}
        >
          Lưu
        </Button>
        <Button variant="default" onClick={onDone}>
          Hủy
        </Button>
      </Group>
    </Stack>
  );
}
