import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/hooks';
import type { FrameworkNodeView, FrameworkView } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';

/**
 * A new code for a node and everything under it, when the new year's framework numbers a
 * criterion differently; the code map then says the old code continues under the new one.
 */
export function RenumberNode({
  framework,
  node,
  onDone,
}: {
  framework: FrameworkView;
  node: FrameworkNodeView;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const [code, setCode] = useState(node.code);
  const renumber = useMutation({
    mutationFn: () =>
      api<FrameworkView>(
        'POST',
        `/frameworks/${framework.id}/nodes/${encodeURIComponent(node.code)}/renumber`,
        { code: code.trim() },
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.framework(framework.id) });
      notifySaved(`Đã đổi mã ${node.code} thành ${code.trim()}`);
      onDone();
    },
  });
  const children = framework.nodes.filter((n) => n.code.startsWith(`${node.code}.`)).length;
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label="Mã"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          w={140}
        />
        <Button
          variant="default"
          onClick={() => renumber.mutate()}
          loading={renumber.isPending}
          disabled={code.trim() === '' || code.trim() === node.code}
        >
          Đổi mã
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Chỉ đổi được khi bộ chỉ số chưa dùng cho kỳ đánh giá nào
        {children > 0 ? `; ${children} mục con được đổi mã theo` : ''}. Bảng đối chiếu với năm trước
        được cập nhật theo mã mới.
      </Text>
      <ErrorMessage error={renumber.error} title="Chưa đổi được mã" />
    </Stack>
  );
}
