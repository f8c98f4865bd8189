import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { unitTypeLabel, UNIT_TYPES } from '@chiso/core/units/unit-types.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { keys, useFrameworks } from '../../api/hooks';
import type { FrameworkImported, FrameworkPreview } from '../../api/types';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { date, points } from '../../lib/format';

export default function FrameworksPage() {
  const { user } = useSession();
  const frameworks = useFrameworks();
  if (frameworks.isPending) return <Loading />;
  if (frameworks.error) return <ErrorMessage error={frameworks.error} />;
  return (
    <Stack>
      <Title order={2}>Bộ chỉ số</Title>
      <Table striped withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bộ chỉ số</Table.Th>
            <Table.Th>Năm</Table.Th>
            <Table.Th>Loại đơn vị</Table.Th>
            <Table.Th>Cập nhật</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {frameworks.data.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Anchor component={Link} to={`/bo-chi-so/${f.id}`}>
                  {f.name}
                </Anchor>
                {f.reviewStatus === 'needsReview' && (
                  <Badge color="orange" variant="light" ml="xs">
                    Chưa rà soát
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{f.year}</Table.Td>
              <Table.Td>{unitTypeLabel(f.unitType)}</Table.Td>
              <Table.Td>{date(f.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {user?.role === 'administrator' && <ImportFramework />}
    </Stack>
  );
}

/**
 * Import from the Excel table offices keep: check first (what will be created, what is wrong),
 * then import. Both run on the server as jobs (decision 0042), each with its progress and stop.
 */
function ImportFramework() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [unitType, setUnitType] = useState<string | null>('so');
  const [preview, setPreview] = useState<FrameworkPreview | null>(null);
  const query = (previewOnly: boolean) =>
    `/frameworks/import?${new URLSearchParams({ name, year: String(year), unitType: unitType ?? '', preview: String(previewOnly) }).toString()}`;
  const check = useImportJob(query(true), (job) => {
    setPreview(job.result as FrameworkPreview);
  });
  const run = useImportJob(query(false), async (job) => {
    const framework = job.result as FrameworkImported;
    await client.invalidateQueries({ queryKey: keys.frameworks });
    notifySaved(`Đã nhập bộ chỉ số "${framework.name}"`);
    await navigate(`/bo-chi-so/${framework.id}`);
  });
  const busy = check.busy || run.busy;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3}>Nhập bộ chỉ số từ Excel</Title>
        <Text size="sm" c="dimmed">
          Bảng như phụ lục kế hoạch: cột "Stt" (1, 1.1, 1.1.1), cột tên tiêu chí, cột "Điểm chuẩn";
          có thể thêm "Điểm đạt được", "Quy tắc chấm", "Tài liệu kiểm chứng", "Hướng dẫn". Số viết
          "4,5" hay "4.5" đều được.
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label="Tên bộ chỉ số"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <NumberInput label="Năm" value={year} onChange={setYear} min={2000} max={2100} />
          <Select
            label="Loại đơn vị"
            data={Object.entries(UNIT_TYPES).map(([value, spec]) => ({ value, label: spec.label }))}
            value={unitType}
            onChange={setUnitType}
          />
        </Group>
        <FilePicker
          file={file}
          onFile={(f) => {
            setFile(f);
            setPreview(null);
            check.reset();
            run.reset();
          }}
          label="Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc bấm để chọn"
        />
        <ImportJobStatus state={check} />
        {preview && check.job?.state === 'succeeded' && (
          <Card withBorder bg="green.0">
            <Text fw={600}>
              Sẽ tạo {preview.nodes} mục ({preview.leaves} tiêu chí chấm điểm), tổng{' '}
              {points(preview.maxPoints)} điểm:
            </Text>
            <List size="sm">
              {preview.areas.map((a) => (
                <List.Item key={a.code}>
                  {a.code}. {a.title}: {points(a.maxPoints)} điểm
                </List.Item>
              ))}
            </List>
          </Card>
        )}
        <ImportJobStatus state={run} />
        <Group>
          <Button
            variant="default"
            onClick={() => {
              if (!file) return;
              setPreview(null);
              run.reset();
              check.start(file);
            }}
            loading={check.busy}
            disabled={!file || !name.trim() || run.busy}
          >
            Kiểm tra tệp
          </Button>
          <Button
            onClick={() => file && run.start(file)}
            loading={run.busy}
            disabled={!preview || busy}
          >
            Nhập bộ chỉ số
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
