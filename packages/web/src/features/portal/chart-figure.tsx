import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import classes from './portal.module.css';

/**
 * A chart with its caption and its numbers as a real table. The drawing is hidden from screen
 * readers (it says nothing a table does not); the table is always in the page: folded it is
 * visually hidden but read aloud and printed, "Xem dạng bảng" shows it to everyone.
 */
export function ChartFigure({
  title,
  caption,
  chart,
  table,
}: {
  title: string;
  /** One sentence: what the chart shows and how to read it. */
  caption: string;
  chart: ReactNode;
  /** A `<table>` with a caption of its own. */
  table: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const tableId = `${id}-bang`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-labelledby={`${id}-tieu-de`}
      aria-describedby={`${id}-chu-thich`}
      className={classes.figure}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={3} size="h5" id={`${id}-tieu-de`}>
              {title}
            </Title>
            <Text size="sm" c="dimmed" id={`${id}-chu-thich`}>
              {caption}
            </Text>
          </div>
          <Button
            variant="subtle"
            size="compact-sm"
            className={classes.noPrint}
            aria-controls={tableId}
            aria-expanded={open}
            onClick={() => setOpen((shown) => !shown)}
          >
            {open ? 'Ẩn bảng số liệu' : 'Xem dạng bảng'}
          </Button>
        </Group>
        <div aria-hidden="true">{chart}</div>
        <div id={tableId} className={open ? undefined : classes.visuallyHidden}>
          {table}
        </div>
      </Stack>
    </Paper>
  );
}
