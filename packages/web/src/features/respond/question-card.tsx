import { Button, Group, Paper, Text } from '@mantine/core';
import { memo } from 'react';
import type { PublicQuestion } from './api';
import classes from './respond.module.css';

/** The element id of question `number` (1-based), to scroll and focus to it. */
export const questionId = (number: number) => `cau-${number}`;

interface Props {
  question: PublicQuestion;
  number: number;
  value: string | null;
  /** Required and still unanswered after the person tried to send. */
  missing: boolean;
  onAnswer: (code: string, key: string | null) => void;
}

/**
 * One question: its text as the group's name, its options as native radios in rows that are
 * clickable as a whole. One Tab stop per question; arrows move between options.
 */
export const QuestionCard = memo(function QuestionCard({
  question,
  number,
  value,
  missing,
  onAnswer,
}: Props) {
  const errorId = `${questionId(number)}-loi`;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      id={questionId(number)}
      className={classes.question}
      data-missing={missing || undefined}
    >
      <fieldset className={classes.fieldset} aria-describedby={missing ? errorId : undefined}>
        <legend className={classes.legend}>
          <Text span size="sm" c="dimmed" fw={600} display="block">
            Câu {number}
            {question.optional && ' (không bắt buộc)'}
          </Text>
          <Text span size="lg" fw={600} display="block" lh={1.4}>
            {question.text}
          </Text>
        </legend>
        <div className={classes.options}>
          {question.options.map((option) => {
            const checked = value === option.key;
            return (
              <label
                key={option.key}
                className={classes.option}
                data-checked={checked || undefined}
              >
                <input
                  type="radio"
                  className={classes.radio}
                  name={`cau-${question.code}`}
                  value={option.key}
                  checked={checked}
                  onChange={() => onAnswer(question.code, option.key)}
                />
                <span>{option.label}</span>
              </label>
            );
          })}
        </div>
        {missing && (
          <Text id={errorId} c="red.8" size="sm" fw={600} mt="xs">
            Câu này cần được trả lời.
          </Text>
        )}
        {question.optional && value !== null && (
          <Group justify="flex-end" mt={4}>
            <Button
              variant="subtle"
              color="gray"
              mih={44}
              onClick={() => onAnswer(question.code, null)}
            >
              Bỏ chọn câu này
            </Button>
          </Group>
        )}
      </fieldset>
    </Paper>
  );
});
