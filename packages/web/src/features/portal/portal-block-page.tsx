import { Button, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { nameMatches } from '@chiso/core/units/name-search.js';
import { useDeferredValue, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { count, percent } from '../../lib/format';
import { portalLinks, usePublicRanking } from './api';
import { Figure } from './figure';
import { PageTitle, PortalShell, PortalState } from './portal-shell';
import { RankingTable } from './ranking-table';

/** Rows drawn at first: a block of thousands of communes stays quick on a phone. */
const PAGE = 100;

/** "Khối UBND xã" inside a sentence: "xếp hạng khối UBND xã". */
const inSentence = (label: string) => label.replace(/^Khối /, 'khối ');

/** /cong-khai/:periodId/khoi/:group: the block's whole ranking and a search by name. */
export default function PortalBlockPage() {
  const { periodId = '', group = '' } = useParams();
  const query = usePublicRanking(periodId, group);
  // The search is kept in the address (?tim=…), so a found unit's list survives "back".
  const [params, setParams] = useSearchParams();
  const search = params.get('tim') ?? '';
  const deferred = useDeferredValue(search);
  const [shown, setShown] = useState(PAGE);
  const rows = query.data?.rows;
  const found = useMemo(
    () => (rows ?? []).filter((row) => nameMatches(row.name, deferred)),
    [rows, deferred],
  );
  if (!query.data) return <PortalState pending={query.isPending} error={query.error} />;
  const { period, block, licence } = query.data;
  const visible = found.slice(0, shown);
  return (
    <PortalShell
      title={`Xếp hạng ${inSentence(block.label)}`}
      licence={licence}
      crumbs={[
        { label: 'Các kỳ đã công bố', to: portalLinks.periods },
        { label: period.name, to: portalLinks.period(period.id) },
      ]}
    >
      <PageTitle sub={period.name}>Xếp hạng {inSentence(block.label)}</PageTitle>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
        <Figure label="Số đơn vị" value={count(block.units)} />
        <Figure label="Chỉ số trung bình" value={percent(block.meanPercent)} />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm">
        <Stack gap="sm">
          <TextInput
            label="Tìm đơn vị"
            description="Gõ tên đơn vị, có dấu hay không dấu đều được, ví dụ: xa hoa an"
            type="search"
            value={search}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setShown(PAGE);
              setParams(text ? { tim: text } : {}, { replace: true });
            }}
            autoComplete="off"
          />
          <Text size="sm" role="status" aria-live="polite">
            {search.trim()
              ? found.length === 0
                ? `Không có đơn vị nào có tên khớp với "${search.trim()}".`
                : `Tìm thấy ${count(found.length)} đơn vị.`
              : `${count(rows?.length ?? 0)} đơn vị, xếp theo hạng.`}
          </Text>
          {visible.length > 0 && (
            <RankingTable periodId={period.id} label={block.label} rows={visible} />
          )}
          {found.length > shown && (
            <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
              Xem thêm {count(Math.min(PAGE, found.length - shown))} đơn vị (còn{' '}
              {count(found.length - shown)})
            </Button>
          )}
        </Stack>
      </Paper>
    </PortalShell>
  );
}
