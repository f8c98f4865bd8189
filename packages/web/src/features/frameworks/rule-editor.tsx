import { Grid, Stack, Text } from '@mantine/core';
import type { Draft } from './rule-draft';
import { errorsUnder } from './rule-fields';
import { RuleForm } from './rule-form';
import { RuleJson } from './rule-json';
import { RulePreview } from './rule-preview';
import type { RuleCheck } from './use-rule-check';

interface Props {
  draft: Draft;
  onChange: (draft: Draft) => void;
  check: RuleCheck;
  maxPoints: string;
  pointsDecimals: number;
}

/**
 * The rule editor: a form for the leaf's kind of rule, checked as typed by the core, the
 * sentence that describes it, and beside it the officer's live preview. The JSON stays one
 * click away ("Nâng cao (JSON)"), in sync with the form.
 */
export function RuleEditor({ draft, onChange, check, maxPoints, pointsDecimals }: Props) {
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <RuleForm
            draft={draft}
            onChange={onChange}
            errorAt={errorsUnder(check.errors, [])}
            maxPoints={maxPoints}
          />
          <div aria-live="polite">
            {check.text && (
              <Text size="sm" c="green.9">
                Cách chấm: {check.text}
              </Text>
            )}
            {check.problems.map((p) => (
              <Text key={p} size="sm" c="red">
                {p}
              </Text>
            ))}
          </div>
          <RuleJson draft={draft} onChange={onChange} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <RulePreview rule={check.rule} maxPoints={maxPoints} pointsDecimals={pointsDecimals} />
      </Grid.Col>
    </Grid>
  );
}
