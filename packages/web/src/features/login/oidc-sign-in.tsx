import type { OidcInfo } from '@chiso/contract';
import { Button, Divider } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * The second way in, below the password form, when the server has a provider (decision 0037):
 * a plain link, since the start is a navigation to the provider and back.
 */
export function OidcSignIn({ next }: { next: string | null }) {
  const info = useQuery({
    queryKey: ['auth', 'oidc'],
    queryFn: () => api<OidcInfo>('GET', '/auth/oidc'),
    staleTime: Infinity,
    retry: false,
  });
  if (!info.data?.enabled) return null;
  const query = next?.startsWith('/') ? `?tiep=${encodeURIComponent(next)}` : '';
  return (
    <>
      <Divider label="hoặc" labelPosition="center" />
      <Button
        component="a"
        href={`/api/auth/oidc/start${query}`}
        variant="default"
        // A province's label can be long: it wraps instead of being cut.
        h="auto"
        py={8}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.35 } }}
      >
        {info.data.label}
      </Button>
    </>
  );
}
