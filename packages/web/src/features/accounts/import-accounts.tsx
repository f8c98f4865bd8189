import { Alert, Button, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/hooks';
import type { ImportedUsers } from '../../api/types';
import { notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';

/** The answer as the job keeps it: first passwords only in the requester's first read. */
type ImportedAccounts = {
  created: (Omit<ImportedUsers['created'][number], 'initialPassword'> & {
    initialPassword?: string;
  })[];
  passwordsShown?: boolean;
};

/** Accounts from a spreadsheet; each first password is shown once, here. */
export function ImportAccounts() {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [created, setCreated] = useState<ImportedAccounts | undefined>();
  const run = useImportJob('/users/import', async (job) => {
    // Kept here: the server hands the first passwords out once.
    setCreated(job.result as ImportedAccounts);
    await client.invalidateQueries({ queryKey: keys.users });
    notifySaved('Đã nhập tài khoản');
    setFile(null);
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
        <ImportJobStatus state={run} />
        <Group>
          <Button
            onClick={() => {
              if (!file) return;
              setCreated(undefined);
              run.start(file);
            }}
            loading={run.busy}
            disabled={!file}
          >
            Nhập
          </Button>
        </Group>
        {created?.passwordsShown && (
          <Alert color="yellow" title="Mật khẩu đầu tiên đã được hiện một lần">
            Máy chủ chỉ cho xem mật khẩu đầu tiên một lần; hãy đặt lại mật khẩu cho tài khoản cần.
          </Alert>
        )}
        {created && !created.passwordsShown && (
          <Table aria-label="Mật khẩu đầu tiên">
            <Table.Tbody>
              {created.created.map((u) => (
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
