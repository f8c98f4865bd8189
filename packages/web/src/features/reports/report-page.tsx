import type { ReportResponse } from '@chiso/contract';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading, notifySaved } from '../../components/feedback';
import { formOf, optionsOf, type ReportFormValues } from './report-form';
import { ReportPreview } from './report-preview';

const reportKey = (periodId: string) => ['report', periodId] as const;

/**
 * "Báo cáo kết quả": what the secretariat writes for the period's results report (issuer,
 * number, blocks' names, the four narrative parts…), saved on its version, beside the text
 * as the Word document will word it, and the downloads.
 */
export default function ReportPage() {
  const { periodId = '' } = useParams();
  const { user } = useSession();
  const query = useQuery({
    queryKey: reportKey(periodId),
    queryFn: () => api<ReportResponse>('GET', `/periods/${periodId}/report`),
  });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorMessage error={query.error} />;
  return <ReportEditor report={query.data} canEdit={user?.role === 'administrator'} />;
}

function ReportEditor({ report, canEdit }: { report: ReportResponse; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ReportFormValues>(() => formOf(report));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(report.version);
  useEffect(() => {
    setValues(formOf(report));
    setVersion(report.version);
  }, [report]);
  const set = (field: keyof ReportFormValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const setBlock = (i: number, field: 'name' | 'heads', value: string) =>
    setValues((v) => ({
      ...v,
      blocks: v.blocks.map((b, j) => (j === i ? { ...b, [field]: value } : b)),
    }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api<ReportResponse>('PUT', `/periods/${report.period.id}/report`, {
        version,
        options: optionsOf(values),
      });
      queryClient.setQueryData(reportKey(report.period.id), saved);
      notifySaved('Đã lưu nội dung báo cáo');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? new Error(
              'Nội dung báo cáo vừa được người khác lưu. Hãy tải lại trang để xem bản mới nhất (phần bạn vừa nhập chưa được lưu).',
            )
          : e,
      );
    } finally {
      setSaving(false);
    }
  };

  const base = `/api/periods/${report.period.id}`;
  const field = (label: string, name: keyof ReportFormValues, placeholder?: string) => (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={values[name] as string}
      onChange={set(name)}
      disabled={!canEdit}
    />
  );
  const narrative = (label: string, name: keyof ReportFormValues) => (
    <Textarea
      label={label}
      description="Mỗi dòng là một đoạn văn"
      autosize
      minRows={3}
      value={values[name] as string}
      onChange={set(name)}
      disabled={!canEdit}
    />
  );

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Báo cáo kết quả {report.period.name}</Title>
          <Anchor component={Link} to={`/ket-qua/${report.period.id}`} size="sm">
            ← Về kết quả của kỳ
          </Anchor>
        </div>
        {report.available && (
          <Badge color={report.draft ? 'yellow' : 'green'} size="lg" variant="light">
            {report.draft
              ? 'Dự thảo: kết quả đã thông qua, chưa công bố'
              : `Theo kết quả đã công bố (lần ${report.publicationVersion ?? 1})`}
          </Badge>
        )}
      </Group>
      {report.reason && <Alert color="yellow">{report.reason}</Alert>}
      {report.available && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>Tải văn bản</Text>
            <Group>
              <Button component="a" href={`${base}/report.docx`}>
                Báo cáo kèm phụ lục (.docx)
              </Button>
              <Button component="a" variant="default" href={`${base}/report.docx?appendix=0`}>
                Báo cáo không kèm phụ lục (.docx)
              </Button>
              <Button component="a" variant="default" href={`${base}/report-appendix.docx`}>
                Phụ lục riêng (.docx)
              </Button>
              <Button component="a" variant="default" href={`${base}/report-appendix.xlsx`}>
                Phụ lục (.xlsx)
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              Văn bản tải về dùng nội dung đã lưu; hãy lưu trước khi tải.
            </Text>
          </Stack>
        </Paper>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>Thể thức văn bản</Title>
                <SimpleGrid cols={2}>
                  {field('Cơ quan chủ quản', 'parentAuthority', 'Để trống nếu không có')}
                  {field('Cơ quan ban hành', 'issuer', 'UBND TỈNH HÒA AN')}
                  {field('Số, ký hiệu', 'number', '27/BC-UBND')}
                  {field('Địa danh', 'place', 'Hòa An')}
                  {field('Ngày ban hành', 'date', 'dd/mm/yyyy, để trống là ngày tải')}
                </SimpleGrid>
                {field('Trích yếu', 'title', 'Kết quả đánh giá, xác định Chỉ số CCHC năm …')}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>Các khối</Title>
                <Text size="sm" c="dimmed">
                  Tên khối đọc sau “Chỉ số CCHC của …”; người đứng đầu đọc sau “Đối với …”.
                </Text>
                {values.blocks.map((block, i) => {
                  const info = report.blocks[i];
                  return (
                    <SimpleGrid cols={2} key={block.group}>
                      <TextInput
                        label="Tên khối"
                        description={`${info?.defaultName ?? ''}: ${info?.units ?? 0} đơn vị`}
                        placeholder={info?.defaultName}
                        value={block.name}
                        onChange={(e) => setBlock(i, 'name', e.currentTarget.value)}
                        disabled={!canEdit}
                      />
                      <TextInput
                        label="Người đứng đầu"
                        description="Đọc sau “Đối với …”"
                        placeholder={info?.defaultHeads}
                        value={block.heads}
                        onChange={(e) => setBlock(i, 'heads', e.currentTarget.value)}
                        disabled={!canEdit}
                      />
                    </SimpleGrid>
                  );
                })}
                {values.blocks.length === 0 && (
                  <Text size="sm">Các khối hiện ra khi kết quả đã được thông qua.</Text>
                )}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>Kiểm điểm và thứ hạng</Title>
                <MultiSelect
                  label="Lĩnh vực xét kiểm điểm"
                  description="Để trống là lĩnh vực 3 và 7"
                  data={report.areas.map((a) => ({
                    value: a.code,
                    label: `${a.code}. ${a.title}`,
                  }))}
                  value={values.areaCodes}
                  onChange={(areaCodes) => setValues((v) => ({ ...v, areaCodes }))}
                  disabled={!canEdit}
                />
                <SimpleGrid cols={2}>
                  {field('Kiểm điểm khi chỉ số lĩnh vực dưới (%)', 'belowPercent', '75')}
                  {field('Nêu đơn vị tăng, giảm từ (bậc)', 'minRankChange', '2')}
                </SimpleGrid>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>Nhận xét chung và nhiệm vụ</Title>
                {narrative('Ưu điểm', 'strengths')}
                {narrative('Tồn tại, hạn chế', 'weaknesses')}
                {narrative('Nguyên nhân của tồn tại, hạn chế', 'causes')}
                {narrative('Nhiệm vụ và giải pháp trong thời gian tới', 'tasks')}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Title order={4}>Nơi nhận và chữ ký</Title>
                <Textarea
                  label="Nơi nhận"
                  description="Mỗi dòng một nơi nhận; để trống là danh sách mặc định"
                  autosize
                  minRows={3}
                  value={values.recipients}
                  onChange={set('recipients')}
                  disabled={!canEdit}
                />
                <SimpleGrid cols={3}>
                  {field('Thay mặt', 'onBehalfOf', 'TM. ỦY BAN NHÂN DÂN')}
                  {field('Chức vụ người ký', 'position', 'CHỦ TỊCH')}
                  {field('Họ và tên người ký', 'signer')}
                </SimpleGrid>
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={4}>Lấy từ dữ liệu của kỳ</Title>
                {report.derived.length === 0 && <Text size="sm">Chưa có.</Text>}
                {report.derived.map((line) => (
                  <Text size="sm" key={line}>
                    {line}
                  </Text>
                ))}
              </Stack>
            </Paper>
            <ErrorMessage error={error} title="Chưa lưu được" />
            {canEdit && (
              <Group>
                <Button onClick={() => void save()} loading={saving}>
                  Lưu nội dung báo cáo
                </Button>
                {report.updatedAt && (
                  <Text size="sm" c="dimmed">
                    Đã lưu {version} lần
                  </Text>
                )}
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReportPreview preview={report.preview} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
