import { Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { upload } from '../../api/client';
import { keys } from '../../api/hooks';
import type { ImportedUsers } from '../../api/types';
import { ErrorMessage, notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';

/** Accounts from a spreadsheet; each first password is shown once, here. */
export function ImportAccounts() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: () => upload<ImportedUsers>('/users/import', file as File),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.users });
      notifySaved('Đã nhập tài khoản');
      setFile(null);
    },
  });
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Nhập tài khoản từ Excel</Title>
        <Text size="sm" c="dimmed">
          Các cột: "Tên đăng nhập", "Họ và tên", "Vai trò" (quản trị, cán bộ đầu mối, thủ trưởng,
          thẩm định, hội đồng, người xem), "Mã đơn vị" và, nếu có, "Thư điện tử", "Mật khẩu". Ô mật
          khẩu để trống thì mật khẩu đầu tiên được tạo ngẫu nhiên và chỉ hiện một lần dưới đây;
          người dùng phải đổi mật khẩu ở lần đăng nhập đầu.
        </Text>
        <FilePicker
          file={file}
          onFile={setFile}
          label="Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn"
        />
        <ErrorMessage error={run.error} title="Tệp chưa nhập được (không có gì được lưu)" />
        <Group>
          <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!file}>
            Nhập
          </Button>
        </Group>
        {run.data && (
          <Table aria-label="Mật khẩu đầu tiên">
            <Table.Tbody>
              {run.data.created.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>
                    <Code>{u.initialPassword}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
