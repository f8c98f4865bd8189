import { Box, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { isSurveyCode, normalizeSurveyCode } from '@chiso/core/surveys/codes.js';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import classes from './respond.module.css';

/** The frame of the respondent's pages: no menu, no account, just the form. */
export function RespondShell({ children }: { children: ReactNode }) {
  useEffect(() => {
    const before = document.title;
    document.title = 'Phiếu khảo sát — chiso';
    return () => {
      document.title = before;
    };
  }, []);
  return (
    <div className={classes.page}>
      <header className={classes.header}>
        <Container size={680} px="md" py="xs">
          <Text fw={700} c="red.8">
            Phiếu khảo sát ý kiến
          </Text>
        </Container>
      </header>
      <Container component="main" size={680} px="sm" py="md">
        {children}
      </Container>
    </div>
  );
}

/**
 * A screen that says how things stand (sent, code used, survey closed…), focused when shown so
 * that a screen reader reads it at once.
 */
export function StatusScreen({
  title,
  children,
  color = 'dark',
}: {
  title: string;
  children?: ReactNode;
  color?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title ref={heading} order={1} size="h3" c={color} tabIndex={-1} className={classes.title}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** "ABCDEFGHJK" as printed: "ABCDE-FGHJK". */
export const displayCode = (normalized: string) =>
  normalized.length === 10 ? `${normalized.slice(0, 5)}-${normalized.slice(5)}` : normalized;

/** Where a respondent types the personal code printed on the invitation. */
export function CodeEntry({
  initial = '',
  autoFocus = true,
}: {
  initial?: string;
  autoFocus?: boolean;
}) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeSurveyCode(text);
    if (!isSurveyCode(code)) {
      setError(
        code.length !== 10
          ? `Mã phiếu gồm 10 chữ và số (Ông/Bà đã nhập ${code.length}), ví dụ ABCDE-FGHJK`
          : 'Mã phiếu chỉ gồm chữ và số, không có chữ I, O và số 0, 1; vui lòng kiểm tra lại',
      );
      return;
    }
    setError(null);
    void navigate(`/phieu/${displayCode(code)}`);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Mã phiếu"
          description="In trên giấy mời tham gia khảo sát, ví dụ ABCDE-FGHJK (có hay không có dấu gạch đều được)"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error}
          size="lg"
          autoFocus={autoFocus}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          styles={{ input: { letterSpacing: '0.08em', textTransform: 'uppercase' } }}
        />
        <Button type="submit" size="lg">
          Mở phiếu
        </Button>
      </Stack>
    </form>
  );
}

/** The page at /phieu: the code to type, and what it is for. */
export function CodeEntryScreen() {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Box>
          <Title order={1} size="h3">
            Trả lời phiếu khảo sát
          </Title>
          <Text c="dimmed" mt={4}>
            Ông/Bà nhập mã phiếu được gửi kèm giấy mời để mở phiếu của mình.
          </Text>
        </Box>
        <CodeEntry />
      </Stack>
    </Paper>
  );
}
