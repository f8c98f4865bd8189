import { Text, type MantineColor, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A state in words that wrap on a narrow screen. A badge cuts what does not fit ("KHÔ…" for
 * "Không đạt", uppercase and ellipsed); a state must always be read whole.
 */
export function StateText({
  color,
  size = 'sm',
  children,
}: {
  color: MantineColor;
  size?: MantineSize;
  children: ReactNode;
}) {
  return (
    <Text size={size} fw={600} c={color}>
      {children}
    </Text>
  );
}
