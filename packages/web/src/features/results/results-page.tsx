import { Alert, Button, Group, Pagination, Stack, Tabs, Text, Title } from '@mantine/core';
import { UNIT_ROLES } from '@chiso/core/access/policy.js';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useResultsRanking } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { count } from '../../lib/format';
import { PublicationBanner, useVersion, versionQuery } from './publication-banner';
import { HeatMap, PageLine, Ranking } from './ranking-tables';

/** Units per page of a ranking: a screenful that a phone still draws at once. */
const PAGE_SIZE = 100;

export default function ResultsPage() {
  const { periodId = '' } = useParams();
  const version = useVersion();
  const [block, setBlock] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const results = useResultsRanking(periodId, version, block, (page - 1) * PAGE_SIZE, PAGE_SIZE);
  const { user } = useSession();
  // The secretariat writes the report, the council reads it (decision 0021).
  const reportReader = user?.role === 'administrator' || user?.role === 'councilMember';
  // Before publication a unit's people see their own self-assessment only (decision 0032).
  const unitSide = user !== null && user !== undefined && UNIT_ROLES.includes(user.role);
  if (results.isPending) return <Loading />;
  if (results.error) return <ErrorMessage error={results.error} />;
  const { period, published, blocks, units, total } = results.data;
  const shown = blocks.find((b) => b.unitType === results.data.block);
  const pages = Math.ceil(total / PAGE_SIZE);
  const query = versionQuery(results.data.publication);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Kết quả {period.name}</Title>
          <PublicationBanner view={results.data} path={`/ket-qua/${period.id}`} />
        </div>
        <Group gap="xs">
          {reportReader && (period.status === 'approved' || period.status === 'published') && (
            <Button component={Link} to={`/ket-qua/${period.id}/bao-cao`}>
              Báo cáo kết quả
            </Button>
          )}
          {reportReader && (period.status === 'approved' || period.status === 'published') && (
            <Button
              component="a"
              href={`/api/periods/${period.id}/council-decision.docx`}
              variant="default"
            >
              {period.status === 'approved'
                ? 'Quyết định công bố — dự thảo (.docx)'
                : 'Quyết định công bố (.docx)'}
            </Button>
          )}
          <Button
            component="a"
            href={`/api/periods/${period.id}/results.xlsx${query.replace('lan', 'version')}`}
            variant="default"
          >
            Tải Excel
          </Button>
        </Group>
      </Group>
      {!published && (
        <Alert color="yellow">
          {unitSide
            ? 'Trước khi công bố, đơn vị chỉ xem điểm tự chấm của mình, chưa có thứ hạng; điểm thẩm định xem ở trang tự đánh giá sau khi Tổ thẩm định gửi kết quả.'
            : 'Kết quả xem trước chỉ dành cho người có thẩm quyền và có thể còn thay đổi.'}
        </Alert>
      )}
      {!shown && <Text>Chưa có kết quả để hiển thị.</Text>}
      {shown && (
        <Tabs
          value={shown.unitType}
          onChange={(value) => {
            if (value === null) return;
            setBlock(value);
            setPage(1);
          }}
        >
          <Tabs.List>
            {blocks.map((b) => (
              <Tabs.Tab key={b.unitType} value={b.unitType}>
                {b.label} ({count(b.units)})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Stack pt="md">
            <PageLine offset={results.data.offset} shown={units.length} total={total} />
            <Ranking periodId={period.id} block={shown} units={units} />
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  aria-label="Trang của bảng xếp hạng"
                  getControlProps={(control) => ({
                    'aria-label':
                      control === 'next'
                        ? 'Trang sau'
                        : control === 'previous'
                          ? 'Trang trước'
                          : control === 'first'
                            ? 'Trang đầu'
                            : 'Trang cuối',
                  })}
                />
              </Group>
            )}
            <HeatMap periodId={period.id} block={shown} units={units} />
          </Stack>
        </Tabs>
      )}
    </Stack>
  );
}
