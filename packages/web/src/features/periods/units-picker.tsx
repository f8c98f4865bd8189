import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { unitTypeLabel } from '@chiso/core/units/unit-types.js';
import type { Unit } from '../../api/types';
import { date } from '../../lib/format';

/**
 * The units taking part in a new period, grouped by type: every active unit of a type with a
 * framework is ticked unless the administrator unticks it. `excluded` holds the unticked ones.
 */
export function UnitsPicker({
  year,
  types,
  units,
  excluded,
  onChange,
}: {
  year: number;
  types: string[];
  units: Unit[];
  excluded: ReadonlySet<string>;
  onChange: (excluded: ReadonlySet<string>) => void;
}) {
  if (types.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Chọn bộ chỉ số cho ít nhất một loại đơn vị để chọn các đơn vị tham gia.
      </Text>
    );
  }
  const set = (ids: string[], taking: boolean) => {
    const next = new Set(excluded);
    for (const id of ids) {
      if (taking) next.delete(id);
      else next.add(id);
    }
    onChange(next);
  };
  return (
    <Stack gap="sm">
      <Text fw={600}>Đơn vị tham gia</Text>
      {types.map((type) => {
        const ofType = units
          .filter((u) => u.type === type)
          .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
        const taking = ofType.filter((u) => !excluded.has(u.id)).length;
        const label = unitTypeLabel(type);
        return (
          <Fieldset
            key={type}
            legend={`${label}: ${taking}/${ofType.length} đơn vị tham gia`}
            variant="filled"
          >
            <Group gap="xs" mb="xs">
              <Button
                size="compact-sm"
                variant="light"
                onClick={() =>
                  set(
                    ofType.map((u) => u.id),
                    true,
                  )
                }
                disabled={taking === ofType.length}
                aria-label={`Chọn tất cả ${label}`}
              >
                Chọn tất cả
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() =>
                  set(
                    ofType.map((u) => u.id),
                    false,
                  )
                }
                disabled={taking === 0}
                aria-label={`Bỏ chọn tất cả ${label}`}
              >
                Bỏ chọn tất cả
              </Button>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={6}>
              {ofType.map((u) => (
                <Checkbox
                  key={u.id}
                  label={u.name}
                  description={
                    u.activeTo
                      ? `đến ${date(u.activeTo)}`
                      : u.activeFrom && u.activeFrom > `${year}-01-01`
                        ? `từ ${date(u.activeFrom)}`
                        : undefined
                  }
                  checked={!excluded.has(u.id)}
                  onChange={(event) => set([u.id], event.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        );
      })}
    </Stack>
  );
}
