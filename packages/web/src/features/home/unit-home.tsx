import {
  Alert,
  type AlertProps,
  Anchor,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { UnitTask } from '@chiso/core/periods/unit-steps.js';
import { formatVietnamTime } from '@chiso/core/time/vietnam-time.js';
import { Link } from 'react-router';
import { useAssessment } from '../../api/hooks';
import type { Assessment, PeriodSummary } from '../../api/types';
import { ErrorMessage, Loading } from '../../components/feedback';
import { StateText } from '../../components/state-text';
import { leftSteps, tasksOf } from '../../components/unit-steps';
import { useNow } from '../../components/use-now';
import { WindowsTable } from '../../components/windows-table';
import { countdown, percent, points } from '../../lib/format';

const at = (ms: number, asEnd = false) => formatVietnamTime(ms, asEnd);
const left = (ms: number, now: number) => countdown(new Date(ms).toISOString(), now);

/** A unit's period: what needs it now, deadlines, progress by area, points so far. */
export function UnitHome({
  period,
  unitId,
  head,
}: {
  period: PeriodSummary;
  unitId: string;
  head: boolean;
}) {
  const assessment = useAssessment(period.id, unitId);
  const now = useNow();
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorMessage error={assessment.error} title={period.name} />;
  const a = assessment.data;
  const tasks = tasksOf(a, now);
  const base = `/ky-danh-gia/${period.id}/don-vi/${unitId}`;
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3}>{period.name}</Title>
            <Text c="dimmed">{a.unit.name}</Text>
          </div>
          <StateText color="blue.8">{a.participation.statusLabel}</StateText>
        </Group>
        <Stack component="section" gap="xs" aria-label="Việc cần làm">
          <Title order={4}>Việc cần làm</Title>
          {tasks.length === 0 && <Text>{nothingToDo(a)}</Text>}
          {tasks.map((task) => (
            <TaskNotice
              key={task.kind === 'supplement' ? `bo-sung-${task.code}` : task.kind}
              task={task}
              now={now}
              head={head}
              base={base}
            />
          ))}
        </Stack>
        <WindowsTable windows={a.windows} left={leftSteps(a)} />
        <Group gap="xl">
          <div>
            <Text size="sm" c="dimmed">
              Điểm tự chấm
            </Text>
            <Text size="xl" fw={700}>
              {points(a.self.points)}/{points(a.self.maxPoints)} ({percent(a.self.percent)})
            </Text>
          </div>
          {a.appraised && (
            <div>
              <Text size="sm" c="dimmed">
                Điểm thẩm định
              </Text>
              <Text size="xl" fw={700}>
                {points(a.appraised.points)}/{points(a.appraised.maxPoints)} (
                {percent(a.appraised.percent)})
              </Text>
            </div>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {a.progress.map((area) => (
            <div key={area.code}>
              <Text size="sm" lineClamp={2} title={area.title}>
                {area.code}. {area.title}
              </Text>
              <Progress
                value={area.leaves === 0 ? 0 : (100 * area.filled) / area.leaves}
                aria-label={`Lĩnh vực ${area.code}: đã chấm ${area.filled}/${area.leaves}`}
              />
              <Text size="xs" c="dimmed">
                Đã chấm {area.filled}/{area.leaves} tiêu chí
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Group>
          <Button component={Link} to={base}>
            {a.participation.status === 'draft'
              ? 'Tự đánh giá'
              : a.participation.status === 'appraised'
                ? 'Xem thẩm định và giải trình'
                : 'Xem hồ sơ'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A task, tinted by urgency; a note, not an alarm (role "alert" is for what just went wrong). */
function Notice(props: AlertProps) {
  return <Alert role="note" {...props} />;
}

/** Where the unit stands when nothing needs it. */
function nothingToDo(a: Assessment): string {
  if (a.period.status === 'published') return 'Kết quả kỳ đánh giá đã được công bố.';
  if (a.period.status === 'approved')
    return 'Hội đồng đã thông qua kết quả; kết quả sẽ được công bố trong thời gian công bố.';
  if (a.participation.status === 'submitted')
    return 'Không có việc cần làm lúc này: hồ sơ đang chờ Tổ thẩm định. Nếu Tổ thẩm định yêu cầu bổ sung tiêu chí nào, yêu cầu sẽ hiện ở đây.';
  if (a.participation.status === 'finalised')
    return 'Không có việc cần làm: kết quả thẩm định đã chốt, chờ Hội đồng thông qua.';
  return 'Không có việc cần làm lúc này.';
}

function TaskNotice({
  task,
  now,
  head,
  base,
}: {
  task: UnitTask;
  now: number;
  head: boolean;
  base: string;
}) {
  switch (task.kind) {
    case 'selfAssessment': {
      const { time } = task;
      if (time.state === 'upcoming') {
        return (
          <Notice color="blue" title={`Tự đánh giá mở từ ${at(time.opensAt)}`}>
            Hạn gửi kết quả: {at(time.closesAt, true)}.
          </Notice>
        );
      }
      if (time.state === 'past') {
        return (
          <Notice color="red" title="Hồ sơ tự đánh giá chưa được gửi">
            Thời gian tự đánh giá đã kết thúc lúc {at(time.closesAt, true)}. Nếu cần, đề nghị Sở Nội
            vụ gia hạn cho đơn vị.
          </Notice>
        );
      }
      return (
        <Notice
          color={time.soon ? 'orange' : 'blue'}
          title={`${time.soon ? 'Sắp hết hạn: g' : 'G'}ửi kết quả tự đánh giá trước ${at(time.closesAt, true)} (${left(time.closesAt, now)})`}
        >
          <Stack gap={2}>
            <Text size="sm">
              {task.unfilled > 0
                ? `Còn ${task.unfilled} tiêu chí chưa chấm (sẽ tính 0 điểm).`
                : 'Mọi tiêu chí đều đã được chấm.'}
              {task.problems > 0 &&
                ` ${task.problems} tiêu chí có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình.`}
            </Text>
            <Text size="sm">
              {head
                ? 'Thủ trưởng kiểm tra hồ sơ rồi gửi kết quả tự đánh giá.'
                : 'Khi hồ sơ đầy đủ, thủ trưởng đơn vị gửi kết quả tự đánh giá.'}
            </Text>
          </Stack>
        </Notice>
      );
    }
    case 'supplement':
      return (
        <Notice
          color={task.soon ? 'orange' : 'blue'}
          title={`Bổ sung tiêu chí ${task.code} trước ${at(task.deadline)} (${left(task.deadline, now)})`}
        >
          <Stack gap={4}>
            {task.note && <Text size="sm">Tổ thẩm định yêu cầu: {task.note}</Text>}
            <Anchor component={Link} to={`${base}?tc=${encodeURIComponent(task.code)}`} size="sm">
              Mở tiêu chí {task.code} để bổ sung
            </Anchor>
          </Stack>
        </Notice>
      );
    case 'explanation': {
      const { time, waiting } = task;
      const leaves =
        waiting.length > 0
          ? `${waiting.length} tiêu chí có điểm thẩm định khác điểm tự chấm chưa được giải trình: ${waiting.join(', ')}.`
          : task.answered > 0
            ? `Đơn vị đã giải trình ${task.answered} tiêu chí; chờ Tổ thẩm định xem xét.`
            : 'Không có tiêu chí nào có điểm thẩm định khác điểm tự chấm; đơn vị không cần giải trình.';
      if (time.state === 'open') {
        return (
          <Notice
            color={time.soon && waiting.length > 0 ? 'orange' : 'blue'}
            title={`Giải trình ý kiến thẩm định trước ${at(time.closesAt, true)} (${left(time.closesAt, now)})`}
          >
            {leaves}
          </Notice>
        );
      }
      return (
        <Notice
          color={time.state === 'past' && waiting.length > 0 ? 'red' : 'blue'}
          title={
            time.state === 'upcoming'
              ? `Giải trình từ ${at(time.opensAt)} đến ${at(time.closesAt, true)}`
              : time.state === 'past'
                ? `Thời gian giải trình đã kết thúc lúc ${at(time.closesAt, true)}`
                : 'Tổ thẩm định đã chốt vòng thẩm định'
          }
        >
          {leaves}
        </Notice>
      );
    }
  }
}
