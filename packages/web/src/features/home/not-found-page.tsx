import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <Stack>
      <Title order={2}>Không tìm thấy trang</Title>
      <Text>Địa chỉ này không có trong chiso.</Text>
      <Anchor component={Link} to="/">
        Về trang chính
      </Anchor>
    </Stack>
  );
}
