import { lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import type { Role } from '@chiso/core/access/policy.js';
import { Loading } from '../components/feedback';
import { useSession } from './session';

// Each page is its own chunk: the first page loads only what it shows. The menu's shell too:
// the sign-in page, the portal and the respondent's form show none of it.
const Layout = lazy(() => import('./layout').then((m) => ({ default: m.Layout })));
const LoginPage = lazy(() => import('../features/login/login-page'));
const HomePage = lazy(() => import('../features/home/home-page'));
const PeriodsPage = lazy(() => import('../features/periods/periods-page'));
const PeriodPage = lazy(() => import('../features/periods/period-page'));
const AssessmentPage = lazy(() => import('../features/assessment/assessment-page'));
const StatisticsPage = lazy(() => import('../features/statistics/statistics-page'));
const AppraisalPage = lazy(() => import('../features/appraisal/appraisal-page'));
const ResultsIndexPage = lazy(() => import('../features/results/results-index-page'));
const ResultsPage = lazy(() => import('../features/results/results-page'));
const UnitResultPage = lazy(() => import('../features/results/unit-result-page'));
const ReportPage = lazy(() => import('../features/reports/report-page'));
const FrameworksPage = lazy(() => import('../features/frameworks/frameworks-page'));
const FrameworkPage = lazy(() => import('../features/frameworks/framework-page'));
const UnitsPage = lazy(() => import('../features/units/units-page'));
const AccountsPage = lazy(() => import('../features/accounts/accounts-page'));
const SurveysPage = lazy(() => import('../features/surveys/surveys-page'));
const SurveyPage = lazy(() => import('../features/surveys/survey-page'));
const SurveyEntryPage = lazy(() => import('../features/survey-entry/survey-entry-page'));
const SurveyResultsPage = lazy(() => import('../features/survey-results/survey-results-page'));
const RespondCodePage = lazy(() => import('../features/respond/respond-code-page'));
const RespondLinkPage = lazy(() => import('../features/respond/respond-link-page'));
const MonitoringPage = lazy(() => import('../features/monitoring/monitoring-page'));
const SnapshotPage = lazy(() => import('../features/monitoring/snapshot-page'));
const PlansPage = lazy(() => import('../features/plans/plans-page'));
const PlanPage = lazy(() => import('../features/plans/plan-page'));
const TasksPage = lazy(() => import('../features/tasks/tasks-page'));
const TaskPage = lazy(() => import('../features/tasks/task-page'));
const TasksOverviewPage = lazy(() => import('../features/tasks/overview-page'));
const NotificationsPage = lazy(() => import('../features/notifications/notifications-page'));
const JobsPage = lazy(() => import('../features/jobs/jobs-page'));
const AuditPage = lazy(() => import('../features/audit/audit-page'));
const ApiTokensPage = lazy(() => import('../features/api-tokens/api-tokens-page'));
const OfficesPage = lazy(() => import('../features/offices/offices-page'));
const TasksCalendarPage = lazy(() => import('../features/tasks/calendar-page'));
const PortalIndexPage = lazy(() => import('../features/portal/portal-index-page'));
const PortalPeriodPage = lazy(() => import('../features/portal/portal-period-page'));
const PortalBlockPage = lazy(() => import('../features/portal/portal-block-page'));
const PortalUnitPage = lazy(() => import('../features/portal/portal-unit-page'));
const ChangePasswordPage = lazy(() => import('../features/account/change-password-page'));
const TwoFactorPage = lazy(() => import('../features/account/two-factor-page'));
const NotFoundPage = lazy(() => import('../features/home/not-found-page'));

/** Pages that need a signed-in user (of some roles): others go to the sign-in page and back. */
function Guard({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null)
    return <Navigate to={`/dang-nhap?tiep=${encodeURIComponent(location.pathname)}`} replace />;
  if (roles && !roles.includes(user.role)) return <Navigate to="/" replace />;
  return <>{children}</>;
}

/** Who reads monitoring, plans and tasks (the API checks the unit). */
const IMPROVEMENT_READERS: Role[] = [
  'administrator',
  'councilMember',
  'unitOfficer',
  'unitHead',
  'officeStaff',
];

const signedIn = (element: ReactNode, roles?: Role[]) => <Guard roles={roles}>{element}</Guard>;

export const router = createBrowserRouter([
  { path: '/dang-nhap', element: <LoginPage /> },
  // Respondents have no account: the form stands alone, phone first.
  { path: '/phieu', element: <RespondCodePage /> },
  { path: '/phieu/:code', element: <RespondCodePage /> },
  { path: '/phieu/mo/:token', element: <RespondLinkPage /> },
  // The public results portal: no account, no menu; stable addresses by period and unit ids.
  { path: '/cong-khai', element: <PortalIndexPage /> },
  { path: '/cong-khai/:periodId', element: <PortalPeriodPage /> },
  { path: '/cong-khai/:periodId/khoi/:group', element: <PortalBlockPage /> },
  { path: '/cong-khai/:periodId/don-vi/:unitId', element: <PortalUnitPage /> },
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/ky-danh-gia', element: signedIn(<PeriodsPage />) },
      { path: '/ky-danh-gia/:periodId', element: signedIn(<PeriodPage />) },
      { path: '/ky-danh-gia/:periodId/don-vi/:unitId', element: signedIn(<AssessmentPage />) },
      {
        path: '/ky-danh-gia/:periodId/thong-ke-tthc',
        element: signedIn(<StatisticsPage />, ['administrator']),
      },
      {
        path: '/ky-danh-gia/:periodId/tham-dinh/:unitId',
        element: signedIn(<AppraisalPage />, ['appraiser', 'administrator', 'councilMember']),
      },
      { path: '/ket-qua', element: <ResultsIndexPage /> },
      { path: '/ket-qua/:periodId', element: <ResultsPage /> },
      { path: '/ket-qua/:periodId/don-vi/:unitId', element: <UnitResultPage /> },
      {
        path: '/ket-qua/:periodId/bao-cao',
        element: signedIn(<ReportPage />, ['administrator', 'councilMember']),
      },
      { path: '/bo-chi-so', element: signedIn(<FrameworksPage />) },
      { path: '/bo-chi-so/:frameworkId', element: signedIn(<FrameworkPage />) },
      { path: '/don-vi', element: signedIn(<UnitsPage />, ['administrator']) },
      { path: '/tai-khoan', element: signedIn(<AccountsPage />, ['administrator']) },
      { path: '/thong-bao', element: signedIn(<NotificationsPage />) },
      { path: '/doi-mat-khau', element: signedIn(<ChangePasswordPage />) },
      {
        path: '/xac-thuc-hai-buoc',
        element: signedIn(<TwoFactorPage />, ['administrator', 'appraiser', 'councilMember']),
      },
      { path: '/cong-viec-nen', element: signedIn(<JobsPage />, ['administrator']) },
      { path: '/nhat-ky', element: signedIn(<AuditPage />, ['administrator']) },
      { path: '/ket-noi-he-thong', element: signedIn(<ApiTokensPage />, ['administrator']) },
      {
        path: '/khao-sat',
        element: signedIn(<SurveysPage />, [
          'administrator',
          'surveyClerk',
          'councilMember',
          'unitOfficer',
          'unitHead',
        ]),
      },
      {
        path: '/khao-sat/ket-qua/:periodId',
        element: signedIn(<SurveyResultsPage />, [
          'administrator',
          'councilMember',
          'unitOfficer',
          'unitHead',
        ]),
      },
      { path: '/khao-sat/:surveyId', element: signedIn(<SurveyPage />, ['administrator']) },
      {
        path: '/khao-sat/:surveyId/nhap-phieu',
        element: signedIn(<SurveyEntryPage />, ['administrator', 'surveyClerk']),
      },
      {
        path: '/theo-doi',
        element: signedIn(<MonitoringPage />, IMPROVEMENT_READERS),
      },
      {
        path: '/theo-doi/:unitId/:snapshotId',
        element: signedIn(<SnapshotPage />, IMPROVEMENT_READERS),
      },
      { path: '/ke-hoach', element: signedIn(<PlansPage />, IMPROVEMENT_READERS) },
      {
        path: '/ke-hoach/:unitId/:periodId',
        element: signedIn(<PlanPage />, IMPROVEMENT_READERS),
      },
      {
        path: '/nhiem-vu',
        element: signedIn(<TasksPage />, ['unitOfficer', 'unitHead', 'officeStaff']),
      },
      {
        path: '/nhiem-vu/tong-hop',
        element: signedIn(<TasksOverviewPage />, ['administrator', 'councilMember']),
      },
      {
        path: '/nhiem-vu/:unitId',
        element: signedIn(<TasksPage />, [
          'administrator',
          'councilMember',
          'unitOfficer',
          'unitHead',
          'officeStaff',
        ]),
      },
      {
        path: '/nhiem-vu/:unitId/:taskId',
        element: signedIn(<TaskPage />, [
          'administrator',
          'councilMember',
          'unitOfficer',
          'unitHead',
          'officeStaff',
        ]),
      },
      { path: '/phong-ban', element: signedIn(<OfficesPage />, ['unitOfficer', 'unitHead']) },
      {
        path: '/phong-ban/:unitId',
        element: signedIn(<OfficesPage />, ['administrator', 'unitOfficer', 'unitHead']),
      },
      {
        path: '/nhiem-vu/:unitId/lich',
        element: signedIn(<TasksCalendarPage />, [
          'administrator',
          'councilMember',
          'unitOfficer',
          'unitHead',
          'officeStaff',
        ]),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
