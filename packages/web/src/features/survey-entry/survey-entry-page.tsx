import { Alert, Anchor, Badge, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { ErrorMessage, Loading } from '../../components/feedback';
import { useEntrySurvey, useRatedUnits, useRechecks } from './api';
import { EntryTab, type Remembered } from './entry-tab';
import { FormsTab } from './forms-tab';
import { ImportTab } from './import-tab';
import { RecheckTab } from './recheck-tab';

const TABS = {
  nhap: 'Nhập phiếu',
  'phuc-tra': 'Phúc tra',
  tep: 'Nhập từ tệp',
  'da-nhap': 'Phiếu đã nhập',
} as const;
type Tab = keyof typeof TABS;
const isTab = (value: string | null): value is Tab => value !== null && value in TABS;

// Batch and unit stay for the session, also across a reload, per survey.
const rememberKey = (surveyId: string) => `chiso.nhap-phieu.${surveyId}`;

function recall(surveyId: string): Remembered {
  try {
    const stored = JSON.parse(
      window.sessionStorage.getItem(rememberKey(surveyId)) ?? 'null',
    ) as Partial<Remembered> | null;
    return {
      batch: typeof stored?.batch === 'string' ? stored.batch : '',
      unitId: typeof stored?.unitId === 'string' ? stored.unitId : null,
    };
  } catch {
    return { batch: '', unitId: null };
  }
}

/** Paper forms of one survey: fast entry, the re-check, the post office's file, and the list. */
export default function SurveyEntryPage() {
  const { surveyId = '' } = useParams();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const survey = useEntrySurvey(surveyId);
  const rechecks = useRechecks(surveyId);
  const units = useRatedUnits(survey.data);
  const [remembered, setRemembered] = useState<Remembered>(() => recall(surveyId));
  const tabParam = params.get('muc');

  const remember = (next: Remembered) => {
    setRemembered(next);
    try {
      window.sessionStorage.setItem(rememberKey(surveyId), JSON.stringify(next));
    } catch {
      // Only a convenience: without storage the fields are kept while the page is open.
    }
  };

  if (survey.isPending) return <Loading />;
  if (survey.isError) return <ErrorMessage error={survey.error} />;
  const s = survey.data;
  const refused = s.answersRefused;
  // A survey that takes no forms shows only what was entered: nothing else could be saved.
  const tabs = (Object.keys(TABS) as Tab[]).filter((key) => !refused || key === 'da-nhap');
  const tab: Tab = isTab(tabParam) && tabs.includes(tabParam) ? tabParam : (tabs[0] ?? 'da-nhap');
  const open = rechecks.data ? rechecks.data.pending.length + rechecks.data.mismatches.length : 0;
  const unitKnown = remembered.unitId === null || units.some((u) => u.unitId === remembered.unitId);

  return (
    <Stack>
      <div>
        <Text size="sm">
          <Anchor
            component={Link}
            to={user?.role === 'administrator' ? `/khao-sat/${s.id}` : '/khao-sat'}
          >
            {user?.role === 'administrator' ? s.name : 'Khảo sát'}
          </Anchor>
        </Text>
        <Title order={2}>Nhập phiếu giấy: {s.name}</Title>
        <Text c="dimmed">
          {s.groupLabel} — {s.questionnaire.questions.length} câu — phúc tra {s.recheckPercent}% số
          phiếu
        </Text>
      </div>
      {refused && (
        <Alert
          color={s.periodStatus === 'open' ? 'yellow' : 'gray'}
          title="Phiếu khảo sát không nhận thêm phiếu"
          role="note"
        >
          {refused}.{' '}
          {s.periodStatus === 'open'
            ? s.status === 'draft'
              ? 'Phiếu chỉ được nhận khi quản trị viên mở khảo sát.'
              : 'Máy chủ không nhận thêm phiếu giấy, phúc tra hay tệp.'
            : 'Máy chủ không nhận thêm phiếu giấy, phúc tra hay tệp; số liệu đã thu được giữ nguyên như khi Hội đồng thông qua.'}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (isTab(value)) setParams(value === 'nhap' ? {} : { muc: value }, { replace: true });
        }}
        keepMounted
      >
        <Tabs.List>
          {tabs.map((key) => (
            <Tabs.Tab
              key={key}
              value={key}
              rightSection={
                key === 'phuc-tra' && open > 0 ? (
                  <Badge size="sm" color="orange" aria-label={`${open} phiếu chờ`}>
                    {open}
                  </Badge>
                ) : undefined
              }
            >
              {TABS[key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {!refused && (
          <>
            <Tabs.Panel value="nhap" pt="md">
              <EntryTab
                survey={s}
                units={units}
                remembered={unitKnown ? remembered : { ...remembered, unitId: null }}
                onRemember={remember}
              />
            </Tabs.Panel>
            <Tabs.Panel value="phuc-tra" pt="md">
              <RecheckTab survey={s} units={units} />
            </Tabs.Panel>
            <Tabs.Panel value="tep" pt="md">
              <ImportTab survey={s} />
            </Tabs.Panel>
          </>
        )}
        <Tabs.Panel value="da-nhap" pt="md">
          {tab === 'da-nhap' && <FormsTab survey={s} units={units} batch={remembered.batch} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
