import { Alert, Center, List, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { issueText } from '../api/issues';

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" />
      <Text c="dimmed">{label}</Text>
    </Center>
  );
}

/** An error from the server, in its own Vietnamese words, with every detail it gave. */
export function ErrorMessage({
  error,
  title = 'Không thực hiện được',
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : 'Đã có lỗi không xác định';
  const details = error instanceof ApiError ? readableDetails(error) : [];
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {details.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {details.map((detail, i) => (
            <List.Item key={i}>{detail}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** Every problem the server listed, each naming its field or its place in a sheet. */
function readableDetails(error: ApiError): string[] {
  return error.issues.length > 0 ? error.issues.map(issueText) : error.details;
}

export function notifySaved(message: string) {
  notifications.show({ color: 'green', message, autoClose: 2500 });
}

export function notifyError(error: unknown) {
  const listed = error instanceof ApiError ? readableDetails(error) : [];
  const details = listed.length > 0 ? ` — ${listed.slice(0, 3).join('; ')}` : '';
  notifications.show({
    color: 'red',
    title: 'Không thực hiện được',
    message: `${error instanceof Error ? error.message : String(error)}${details}`,
    autoClose: 8000,
  });
}
