import { Button, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useGeneratePlan, useUnitPlans } from '../plans/api';

/**
 * On a unit's published result, for the unit's own people: the improvement plan that starts
 * from it — opened where it exists, drafted here by the officer or head where it does not.
 */
export function PlanLink({ unitId, periodId }: { unitId: string; periodId: string }) {
  const { user } = useSession();
  const own =
    user?.unitId === unitId &&
    (user.role === 'unitOfficer' || user.role === 'unitHead' || user.role === 'officeStaff');
  const plans = useUnitPlans(unitId, own);
  const { generate, busy } = useGeneratePlan(unitId);
  // Only a published period has a plan (a preview before publication has none).
  const period = plans.data?.periods.find((p) => p.id === periodId);
  if (!own || !period) return null;
  const canDraft = user.role !== 'officeStaff';
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text size="sm">
          {period.plan
            ? `Kế hoạch khắc phục, cải thiện năm ${period.year + 1} lập từ kết quả này: ${period.plan.statusLabel.toLowerCase()}.`
            : `Chưa có kế hoạch khắc phục, cải thiện năm ${period.year + 1} từ kết quả này: mỗi tiêu chí bị mất điểm sẽ có mục tiêu, nhiệm vụ và phòng, ban chủ trì.`}
        </Text>
        {period.plan ? (
          <Button component={Link} to={`/ke-hoach/${unitId}/${periodId}`} variant="light">
            Mở kế hoạch khắc phục
          </Button>
        ) : (
          canDraft && (
            <Button loading={busy === periodId} onClick={() => void generate(periodId)}>
              Lập kế hoạch khắc phục
            </Button>
          )
        )}
      </Group>
    </Card>
  );
}
