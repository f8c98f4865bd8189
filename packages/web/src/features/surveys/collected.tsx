import { Progress, Stack, Text } from '@mantine/core';

/** "120 / 384" with a bar; the bar is full once the target is reached. */
export function Collected({ responses, target }: { responses: number; target: number }) {
  const share = target > 0 ? Math.min(100, (responses / target) * 100) : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {responses} / {target > 0 ? target : 'chưa đặt chỉ tiêu'}
      </Text>
      {target > 0 && (
        <Progress
          value={share}
          color={responses >= target ? 'green' : 'blue'}
          aria-label={`Đã thu ${responses} trên ${target} phiếu`}
        />
      )}
    </Stack>
  );
}
