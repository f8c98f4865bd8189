import { Alert, Button, Group, Kbd, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { ApiError } from '../../api/client';
import { AnswerGrid, checkAnswers, focusAnswer, type TypedAnswers } from './answer-grid';
import { entryKeys, sortIssues, savePaperForm, type EntrySurvey, type RatedUnit } from './api';

const PREFIX = 'nhap';
const ids = { batch: 'nhap-lo', number: 'nhap-so-phieu', unit: 'nhap-don-vi', save: 'nhap-luu' };
const focus = (id: string) => document.getElementById(id)?.focus();

/** Enter in a field above the questions moves to the next field, as the form is read. */
const enterMovesTo = (id: string | (() => void)) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  if (typeof id === 'string') focus(id);
  else id();
};

export interface Remembered {
  batch: string;
  unitId: string | null;
}

/** A paper form typed in: batch and unit stay from one form to the next, the rest clears. */
export function EntryTab({
  survey,
  units,
  remembered,
  onRemember,
}: {
  survey: EntrySurvey;
  units: RatedUnit[];
  remembered: Remembered;
  onRemember: (next: Remembered) => void;
}) {
  const client = useQueryClient();
  const questions = survey.questionnaire.questions;
  const { batch, unitId } = remembered;
  const [formNumber, setFormNumber] = useState('');
  const [values, setValues] = useState<TypedAnswers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fieldErrors, setFieldErrors] = useState<{
    number?: string;
    unit?: string;
    batch?: string;
  }>({});
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  const [last, setLast] = useState<{ formNumber: string; recheck: boolean } | null>(null);
  const [count, setCount] = useState(0);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    const check = checkAnswers(questions, values);
    const missing = {
      ...(formNumber.trim() ? {} : { number: 'Nhập số phiếu in trên phiếu' }),
      ...(unitId ? {} : { unit: 'Chọn đơn vị được đánh giá' }),
    };
    setErrors(check.errors);
    setFieldErrors(missing);
    setFailure(null);
    if (missing.number) return focus(ids.number);
    if (missing.unit) return focus(ids.unit);
    if (check.first !== undefined) return void focusAnswer(PREFIX, check.first);
    setBusy(true);
    try {
      const number = formNumber.trim();
      const result = await savePaperForm(survey.id, {
        unitId: unitId ?? '',
        formNumber: number,
        ...(batch.trim() ? { batch: batch.trim() } : {}),
        answers: check.answers,
      });
      setLast({ formNumber: number, recheck: result.recheckSelected });
      setCount((n) => n + 1);
      setValues({});
      setFormNumber('');
      void client.invalidateQueries({ queryKey: entryKeys.all(survey.id) });
      focus(ids.number);
    } catch (error) {
      setLast(null);
      const { byCode, fields, other } = sortIssues(
        error,
        questions.map((q) => q.code),
      );
      setErrors(byCode);
      const conflict = error instanceof ApiError && error.code === 'CONFLICT';
      const onFields = {
        ...(fields.batch ? { batch: fields.batch } : {}),
        ...(fields.formNumber || conflict
          ? { number: fields.formNumber ?? (error as Error).message }
          : {}),
        ...(fields.unitId ? { unit: fields.unitId } : {}),
      };
      setFieldErrors(onFields);
      if (conflict) return focus(ids.number);
      setFailure({
        message: error instanceof Error ? error.message : String(error),
        details: other,
      });
      const first = questions.findIndex((q) => byCode[q.code] !== undefined);
      if (onFields.batch) focus(ids.batch);
      else if (onFields.number) focus(ids.number);
      else if (onFields.unit) focus(ids.unit);
      else if (first >= 0) focusAnswer(PREFIX, first);
    } finally {
      setBusy(false);
    }
  };

  const onCtrlEnter = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <Stack onKeyDown={onCtrlEnter}>
      {units.length === 0 && (
        <Alert color="yellow" title="Chưa có đơn vị được đánh giá">
          Không có đơn vị nào thuộc loại được đánh giá bằng phiếu này; quản trị viên cần đặt cỡ mẫu
          cho các đơn vị trước khi nhập phiếu.
        </Alert>
      )}
      <Group align="flex-start" wrap="wrap">
        <TextInput
          id={ids.batch}
          label="Lô"
          description="Giữ nguyên cho các phiếu sau"
          value={batch}
          onChange={(e) => onRemember({ ...remembered, batch: e.currentTarget.value })}
          onKeyDown={enterMovesTo(ids.number)}
          error={fieldErrors.batch}
          w={150}
          autoComplete="off"
        />
        <TextInput
          id={ids.number}
          label="Số phiếu"
          description="In trên phiếu giấy"
          value={formNumber}
          onChange={(e) => setFormNumber(e.currentTarget.value)}
          onKeyDown={enterMovesTo(ids.unit)}
          error={fieldErrors.number}
          w={150}
          autoComplete="off"
          autoFocus
          required
        />
        <Select
          id={ids.unit}
          label="Đơn vị được đánh giá"
          description="Giữ nguyên cho các phiếu sau"
          data={units.map((u) => ({ value: u.unitId, label: `${u.unitName} (${u.unitId})` }))}
          value={unitId}
          onChange={(value) => {
            onRemember({ ...remembered, unitId: value });
            if (value) focusAnswer(PREFIX, 0);
          }}
          onKeyDown={(event) => {
            // Enter with the list closed goes on to the questions; with it open, it picks.
            if (event.currentTarget.getAttribute('aria-expanded') === 'true') return;
            enterMovesTo(() => focusAnswer(PREFIX, 0))(event);
          }}
          error={fieldErrors.unit}
          searchable
          // Tab or Enter passes through; typing opens the list with the first match ready.
          openOnFocus={false}
          selectFirstOptionOnChange
          allowDeselect={false}
          nothingFoundMessage="Không có đơn vị này trong kế hoạch mẫu"
          style={{ flex: '1 1 260px' }}
          required
        />
      </Group>
      <Text size="xs" c="dimmed">
        Gõ chữ của phương án (A, B, C…) hoặc số thứ tự (1, 2, 3…): con trỏ tự sang câu sau.{' '}
        <Kbd>Enter</Kbd> bỏ trống câu không bắt buộc, <Kbd>↑</Kbd>/<Kbd>↓</Kbd> chuyển câu,{' '}
        <Kbd>Enter</Kbd> ở câu cuối hoặc <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> lưu phiếu.
      </Text>
      {last && (
        <Alert color="green" title={`Đã lưu phiếu số ${last.formNumber}`} role="status">
          {last.recheck && (
            <Text fw={700} c="orange.9">
              Phiếu này thuộc mẫu phúc tra: để riêng phiếu giấy để nhập lại lần hai.
            </Text>
          )}
          <Text size="sm">Đã nhập {count} phiếu trong phiên này.</Text>
        </Alert>
      )}
      {failure && (
        <Alert color="red" title="Phiếu chưa lưu được (những gì đã gõ vẫn còn)" role="alert">
          <Text size="sm">{failure.message}</Text>
          {failure.details.length > 0 && (
            <List size="sm" mt="xs">
              {failure.details.map((detail) => (
                <List.Item key={detail}>{detail}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <AnswerGrid
        idPrefix={PREFIX}
        questions={questions}
        values={values}
        errors={errors}
        onChange={(code, typed) => {
          setValues((v) => ({ ...v, [code]: typed }));
          setErrors(({ [code]: _, ...rest }) => rest);
        }}
        onAfterLast={() => focus(ids.save)}
        onSubmit={() => void save()}
        onBeforeFirst={() => focus(ids.unit)}
      />
      <Group>
        <Button id={ids.save} onClick={() => void save()} loading={busy}>
          Lưu phiếu
        </Button>
      </Group>
    </Stack>
  );
}
