import { Alert, Button, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { dateTime } from '../../lib/format';
import {
  describeTrouble,
  type Answers,
  type PublicForm,
  type PublicQuestion,
  type Trouble,
} from './api';
import { QuestionCard, questionId } from './question-card';
import { StatusScreen } from './respond-shell';
import classes from './respond.module.css';

/** A draft is saved on its own after this many answers. */
const AUTOSAVE_EVERY = 3;

interface Props {
  form: PublicForm;
  channel: 'code' | 'link';
  saveDraft: (answers: Answers) => Promise<void>;
  submit: (answers: Answers) => Promise<void>;
  /** How to come back to the form later; shown once the person saved it. */
  resumeHint: ReactNode;
  onSent?: () => void;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving'; manual: boolean }
  | { kind: 'saved'; at: number }
  | { kind: 'failed'; trouble: Trouble; manual: boolean };

/** The draft's answers, keeping only keys the questions still have. */
function initialAnswers(questions: PublicQuestion[], draft: Answers | null): Answers {
  const answers: Answers = {};
  for (const q of questions) {
    const key = draft?.[q.code] ?? null;
    answers[q.code] = key !== null && q.options.some((o) => o.key === key) ? key : null;
  }
  return answers;
}

/** Scrolls to a question and puts the keyboard on it. */
function focusQuestion(number: number) {
  const card = document.getElementById(questionId(number));
  card?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const radio =
    card?.querySelector<HTMLInputElement>('input[type="radio"]:checked') ??
    card?.querySelector<HTMLInputElement>('input[type="radio"]');
  radio?.focus({ preventScroll: true });
}

const timeOfDay = (at: number) => dateTime(new Date(at).toISOString()).slice(11);

/**
 * The respondent's form: questions as cards, progress, a draft saved every few answers and on
 * demand, and a check of required questions before sending. What was chosen stays on screen
 * whatever the server answers.
 */
export function RespondForm({ form, channel, saveDraft, submit, resumeHint, onSent }: Props) {
  const { survey, unit } = form;
  const questions = survey.questions;
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(questions, form.draft));
  const answersRef = useRef(answers);
  const unsaved = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const autosaveQueued = useRef(false);
  const actions = useRef({ saveDraft, submit });
  actions.current = { saveDraft, submit };
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [showResume, setShowResume] = useState(false);
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [trouble, setTrouble] = useState<Trouble | null>(null);
  const [sent, setSent] = useState(false);
  const troubleRef = useRef<HTMLDivElement>(null);

  // Saves run one after another, so that a link's first draft token is known to the next.
  const save = useCallback(
    (manual: boolean) => {
      const run = async () => {
        if (!manual) autosaveQueued.current = false;
        const count = unsaved.current;
        if (!manual && count === 0) return;
        setSaveState({ kind: 'saving', manual });
        try {
          await actions.current.saveDraft(answersRef.current);
          unsaved.current = Math.max(0, unsaved.current - count);
          setSaveState({ kind: 'saved', at: Date.now() });
          if (manual) setShowResume(true);
        } catch (error) {
          setSaveState({ kind: 'failed', trouble: describeTrouble(error, channel), manual });
        }
      };
      chain.current = chain.current.then(run);
      return chain.current;
    },
    [channel],
  );

  const onAnswer = useCallback(
    (code: string, key: string | null) => {
      const next = { ...answersRef.current, [code]: key };
      answersRef.current = next;
      setAnswers(next);
      unsaved.current += 1;
      // One autosave waits at a time: a slow network does not pile them up.
      if (unsaved.current >= AUTOSAVE_EVERY && !autosaveQueued.current) {
        autosaveQueued.current = true;
        void save(false);
      }
    },
    [save],
  );

  // A phone switching to another app may never come back: keep what was chosen.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && unsaved.current > 0 && !sent) void save(false);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [save, sent]);

  useEffect(() => {
    if (trouble) troubleRef.current?.focus();
  }, [trouble]);

  const numbered = questions.map((question, i) => ({ question, number: i + 1 }));
  const missing = numbered.filter(({ question }) => !question.optional && !answers[question.code]);
  const answered = questions.filter((q) => answers[q.code]).length;
  const blankOptional = numbered.filter(
    ({ question }) => question.optional && !answers[question.code],
  ).length;

  const trySend = () => {
    setTrouble(null);
    const first = missing[0];
    if (first) {
      setChecked(true);
      focusQuestion(first.number);
      return;
    }
    setConfirming(true);
  };

  const send = async () => {
    setSending(true);
    try {
      await chain.current;
      await actions.current.submit(answersRef.current);
      unsaved.current = 0;
      setConfirming(false);
      setSent(true);
      window.scrollTo({ top: 0 });
      onSent?.();
    } catch (error) {
      setConfirming(false);
      setTrouble(describeTrouble(error, channel));
    } finally {
      setSending(false);
    }
  };

  if (sent) {
    return (
      <StatusScreen title="Cảm ơn Ông/Bà!" color="green.9">
        <Text>
          Phiếu đánh giá {unit.name} đã được gửi. Ý kiến của Ông/Bà giúp cơ quan nhà nước phục vụ
          người dân, tổ chức tốt hơn.
        </Text>
        <Text c="dimmed">Ông/Bà có thể đóng trang này.</Text>
      </StatusScreen>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h3" lh={1.3}>
          {survey.name}
        </Title>
        <Text fw={600} size="lg">
          Đánh giá: {unit.name}
        </Text>
      </Stack>
      <Alert color="blue" variant="light" p="sm">
        <Text size="sm">
          {channel === 'code'
            ? 'Câu trả lời của Ông/Bà được lưu tách khỏi mã phiếu; không ai biết ai đã trả lời gì.'
            : 'Phiếu không ghi tên hay thông tin của Ông/Bà; câu trả lời được lưu riêng, không ai biết ai đã trả lời gì.'}
        </Text>
      </Alert>
      <div className={classes.progress}>
        <Text size="sm" fw={600} id="tien-do">
          Đã trả lời {answered}/{questions.length} câu
        </Text>
        <Progress
          value={questions.length ? (100 * answered) / questions.length : 0}
          size="md"
          mt={6}
          aria-labelledby="tien-do"
        />
      </div>
      {numbered.map(({ question, number }) => (
        <QuestionCard
          key={question.code}
          question={question}
          number={number}
          value={answers[question.code] ?? null}
          missing={checked && !question.optional && !answers[question.code]}
          onAnswer={onAnswer}
        />
      ))}
      <Stack gap="sm">
        {checked && missing.length > 0 && (
          <Alert color="red" title={`Còn ${missing.length} câu bắt buộc chưa trả lời`}>
            <Group gap="xs">
              {missing.map(({ number }) => (
                <Button
                  key={number}
                  variant="default"
                  mih={44}
                  onClick={() => focusQuestion(number)}
                  aria-label={`Đến câu ${number}`}
                >
                  Câu {number}
                </Button>
              ))}
            </Group>
          </Alert>
        )}
        {trouble && (
          <Alert ref={troubleRef} color="red" title={trouble.title} role="alert" tabIndex={-1}>
            <Text size="sm">{trouble.message}</Text>
          </Alert>
        )}
        {saveState.kind === 'failed' && saveState.manual && (
          <Alert
            color="red"
            title={`Chưa lưu được: ${saveState.trouble.title.toLowerCase()}`}
            role="alert"
          >
            <Text size="sm">{saveState.trouble.message}</Text>
          </Alert>
        )}
        {showResume && (
          <Alert color="green" title="Đã lưu phiếu để trả lời tiếp">
            {resumeHint}
          </Alert>
        )}
        {/* A code already used or a device that already answered: nothing more to send. */}
        {trouble?.retry !== false && (
          <>
            <Button size="lg" onClick={trySend}>
              Gửi phiếu
            </Button>
            <Button
              size="lg"
              variant="default"
              onClick={() => void save(true)}
              loading={saveState.kind === 'saving' && saveState.manual}
            >
              Lưu để trả lời tiếp
            </Button>
          </>
        )}
        <Text size="sm" c="dimmed" role="status" aria-live="polite" ta="center">
          {saveState.kind === 'saving' && 'Đang lưu…'}
          {saveState.kind === 'saved' && `Đã lưu lúc ${timeOfDay(saveState.at)}.`}
          {saveState.kind === 'failed' &&
            !saveState.manual &&
            'Chưa tự lưu được; câu trả lời vẫn còn trên màn hình.'}
        </Text>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Gửi phiếu?" centered>
        <Stack>
          <Text>
            Sau khi gửi, Ông/Bà không sửa được câu trả lời.
            {blankOptional > 0 && ` Có ${blankOptional} câu không bắt buộc chưa trả lời.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" size="md" onClick={() => setConfirming(false)}>
              Xem lại
            </Button>
            <Button size="md" onClick={() => void send()} loading={sending}>
              Gửi phiếu
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
