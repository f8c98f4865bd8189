import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { PublicDownloads, PublicLicence } from './api';
import classes from './portal.module.css';

/**
 * The whole result of the period as open data: three formats, the data dictionary, and the
 * licence with how to credit it, said before anyone downloads.
 */
export function Downloads({
  downloads,
  licence,
  year,
}: {
  downloads: PublicDownloads;
  licence: PublicLicence;
  year: number;
}) {
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="tai-du-lieu">
      <Stack gap="xs">
        <Title order={2} size="h4" id="tai-du-lieu">
          Tải toàn bộ kết quả năm {year}
        </Title>
        <Text size="sm">
          Kết quả của mọi đơn vị trong kỳ, mỗi đơn vị một dòng. Số liệu trong tệp dùng dấu chấm thập
          phân để máy đọc được; ý nghĩa và đơn vị từng cột có trong bảng mô tả dữ liệu.
        </Text>
        <Group gap="xs" className={classes.noPrint}>
          <Button component="a" href={downloads.csv} download variant="default" size="sm">
            Tải CSV
          </Button>
          <Button component="a" href={downloads.xlsx} download variant="default" size="sm">
            Tải Excel (.xlsx)
          </Button>
          <Button component="a" href={downloads.json} download variant="default" size="sm">
            Tải JSON
          </Button>
          <Button component="a" href={downloads.dictionary} download variant="subtle" size="sm">
            Bảng mô tả dữ liệu
          </Button>
        </Group>
        <Text size="sm">
          Dữ liệu được dùng lại tự do theo{' '}
          <Anchor href={licence.url} target="_blank" rel="noopener noreferrer" size="sm">
            {licence.name}
          </Anchor>
          . Khi dùng lại, xin ghi: <i>{licence.attribution}</i>
        </Text>
      </Stack>
    </Paper>
  );
}
