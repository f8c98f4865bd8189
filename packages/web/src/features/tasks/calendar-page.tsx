import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { TaskCalendar } from '@chiso/contract';
import { daysFromCivil, vietnamDate } from '@chiso/core/time/vietnam-time.js';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorMessage, Loading } from '../../components/feedback';
import { StatusBadge } from './status-badge';

const WEEKDAYS = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "2023-06" moved by some months: "2023-05", "2024-01". */
function shiftMonth(month: string, by: number): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The month's days in weeks from Monday, with blanks before the first and after the last. */
function weeks(month: string): (string | null)[][] {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const first = daysFromCivil(year, number, 1);
  const length = daysFromCivil(number === 12 ? year + 1 : year, (number % 12) + 1, 1) - first;
  // 1970-01-01 was a Thursday: Monday-first weekday index 3.
  const lead = (((first + 3) % 7) + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= length; day++) cells.push(`${month}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/**
 * A unit's tasks in a month by deadline: overdue ones in red, today (Vietnam time) outlined,
 * previous and next month. The month is in the address (?thang=2023-06) so it can be shared.
 */
export default function TasksCalendarPage() {
  const { unitId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const today = vietnamDate(Date.now());
  const requested = search.get('thang');
  const month =
    requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : today.slice(0, 7);
  const calendar = useQuery({
    queryKey: ['task-calendar', unitId, month],
    queryFn: () =>
      api<TaskCalendar>(
        'GET',
        `/units/${encodeURIComponent(unitId)}/tasks/calendar?month=${month}`,
      ),
  });
  const go = (by: number) => setSearch({ thang: shiftMonth(month, by) });
  const [year, number] = month.split('-');
  const byDay = new Map<string, TaskCalendar['tasks']>();
  for (const task of calendar.data?.tasks ?? []) {
    byDay.set(task.deadline, [...(byDay.get(task.deadline) ?? []), task]);
  }
  const overdue = (calendar.data?.tasks ?? []).filter((t) => t.status === 'overdue').length;

  return (
    <Stack>
      <Anchor component={Link} to={`/nhiem-vu/${unitId}`} size="sm">
        ← Danh sách nhiệm vụ
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>
          Lịch nhiệm vụ tháng {Number(number)}/{year}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => go(-1)}>
            ← Tháng trước
          </Button>
          <Button variant="default" onClick={() => setSearch({ thang: today.slice(0, 7) })}>
            Tháng này
          </Button>
          <Button variant="default" onClick={() => go(1)}>
            Tháng sau →
          </Button>
        </Group>
      </Group>
      {calendar.isPending ? (
        <Loading />
      ) : calendar.error ? (
        <ErrorMessage error={calendar.error} />
      ) : (
        <>
          <Text>
            {calendar.data.tasks.length === 0
              ? 'Không có nhiệm vụ nào đến hạn trong tháng này.'
              : `${calendar.data.tasks.length} nhiệm vụ đến hạn trong tháng` +
                (overdue > 0 ? `, trong đó ${overdue} nhiệm vụ quá hạn chưa hoàn thành.` : '.')}
          </Text>
          <Card withBorder padding="xs">
            <SimpleGrid cols={7} spacing={4} verticalSpacing={4} aria-label="Lịch nhiệm vụ">
              {WEEKDAYS.map((name) => (
                <Text key={name} fw={600} size="sm" ta="center">
                  {name}
                </Text>
              ))}
              {weeks(month)
                .flat()
                .map((day, index) =>
                  day === null ? (
                    <div key={`blank-${index}`} />
                  ) : (
                    <DayCell
                      key={day}
                      day={day}
                      today={day === today}
                      tasks={byDay.get(day) ?? []}
                      unitId={unitId}
                    />
                  ),
                )}
            </SimpleGrid>
          </Card>
        </>
      )}
    </Stack>
  );
}

function DayCell({
  day,
  today,
  tasks,
  unitId,
}: {
  day: string;
  today: boolean;
  tasks: TaskCalendar['tasks'];
  unitId: string;
}) {
  const late = tasks.some((t) => t.status === 'overdue');
  return (
    <Paper
      withBorder
      p={6}
      mih={96}
      aria-label={`Ngày ${day.slice(8)}/${day.slice(5, 7)}${today ? ' (hôm nay)' : ''}`}
      style={{
        borderColor: today
          ? 'var(--mantine-color-blue-6)'
          : late
            ? 'var(--mantine-color-red-4)'
            : undefined,
        borderWidth: today ? 2 : undefined,
        background: late ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Group gap={4} justify="space-between" wrap="nowrap">
        <Text size="sm" fw={today ? 700 : 500}>
          {Number(day.slice(8))}
        </Text>
        {today && (
          <Badge size="xs" variant="filled" tt="none">
            Hôm nay
          </Badge>
        )}
      </Group>
      <Stack gap={4} mt={4}>
        {tasks.map((task) => (
          <Stack key={task.id} gap={2}>
            <Anchor component={Link} to={`/nhiem-vu/${unitId}/${task.id}`} size="xs" lineClamp={3}>
              {task.title}
            </Anchor>
            {task.leadOffice && (
              <Text size="xs" c="dimmed">
                {task.leadOffice.name}
              </Text>
            )}
            <StatusBadge task={task} />
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
