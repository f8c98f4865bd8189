import type { PlanImport, PlanView } from '@chiso/contract';
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { notifySaved } from '../../components/feedback';
import { FilePicker } from '../../components/file-picker';
import { ImportJobStatus, useImportJob } from '../../components/import-job';
import { points } from '../../lib/format';
import { planPath } from './api';

/** Seed 004's table into the draft: a preview first, then all rows or none. */
export function PlanImportCard({
  plan,
  onSaved,
}: {
  plan: PlanView;
  onSaved: (plan: PlanView) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<PlanImport | null>(null);
  const base = `${planPath(plan.unit.id, plan.period.id)}/import`;
  // Preview and import run on the server as import jobs (decision 0043).
  const job = useImportJob(base, (done) => {
    const answer = done.result as PlanImport;
    if (!answer.preview && answer.plan) {
      onSaved(answer.plan);
      notifySaved(`Đã nhập ${answer.changes.length} dòng vào kế hoạch`);
      setPreview(null);
      setFile(null);
    } else {
      setPreview(answer);
    }
  });
  const run = (write: boolean) => {
    if (!file) return;
    setPreview(null);
    job.start(file, write ? `${base}?version=${plan.version}` : `${base}?preview=true`);
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          Nhập kế hoạch từ bảng phụ lục
        </Title>
        <Text size="sm" c="dimmed">
          Bảng theo mẫu phụ lục (.xlsx hoặc .csv): Stt, Lĩnh vực/Tiêu chí, Điểm chuẩn, Điểm đạt
          được, Mục tiêu, Nhiệm vụ/Giải pháp, Đơn vị chủ trì. Có lỗi ở bất kỳ dòng nào thì không
          dòng nào được lưu.
        </Text>
        <FilePicker
          file={file}
          onFile={(f) => {
            setFile(f);
            setPreview(null);
          }}
          label="Kéo thả hoặc chọn tệp kế hoạch"
        />
        <ImportJobStatus state={job} />
        {preview && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Xem trước: {preview.changes.length} dòng trong "{preview.sheet}"
            </Text>
            <List size="sm" spacing={2}>
              {preview.changes.slice(0, 12).map((c) => (
                <List.Item key={c.code}>
                  {c.code}: mục tiêu {c.target === null ? 'mặc định' : `${points(c.target)} điểm`}
                  {c.leadOffice ? ` · ${c.leadOffice}` : ''}
                </List.Item>
              ))}
            </List>
            {preview.changes.length > 12 && (
              <Text size="sm" c="dimmed">
                … và {preview.changes.length - 12} dòng khác
              </Text>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" disabled={!file || job.busy} onClick={() => run(false)}>
            Xem trước
          </Button>
          <Button disabled={!preview || job.busy} onClick={() => run(true)}>
            Nhập vào kế hoạch
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
