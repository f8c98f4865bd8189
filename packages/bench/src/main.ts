import { cpus, totalmem } from 'node:os';
import { report } from './measure.js';
import { benchAssessment } from './assessment-bench.js';
import { benchCli } from './cli-bench.js';
import { benchPeriodResults } from './period-results-bench.js';
import { benchPlanCli, benchPlans } from './plan-bench.js';
import { benchNational } from './national-bench.js';
import { benchPortal } from './portal-bench.js';
import { benchReportCli } from './report-bench.js';
import { benchContract } from './contract-bench.js';
import { benchCouncilDecision } from './council-decision-bench.js';
import { benchImportJob } from './import-job-bench.js';
import { benchPreviousPoints } from './previous-bench.js';
import { benchStoredPlans } from './stored-plan-bench.js';
import { benchTasksOverview } from './tasks-overview-bench.js';
import { benchResults } from './results-bench.js';
import { benchSurveys } from './survey-bench.js';
import { benchWebBundle } from './web-bundle.js';

// Figures, not assertions: speed depends on the machine, so targets are shown beside them.
const machine = `${cpus().length} nhân ${cpus()[0]?.model ?? ''}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
process.stdout.write(`chiso — đo hiệu năng (${machine})\n\n`);
process.stdout.write(`${report(benchResults())}\n`);
process.stdout.write(`\n${report(benchContract())}\n`);
process.stdout.write(`\n${await benchCli()}\n`);
process.stdout.write(`\n${report(benchPlans())}\n`);
process.stdout.write(`\n${await benchPlanCli()}\n`);
process.stdout.write(`\n${await benchReportCli()}\n`);
process.stdout.write(`\n${await benchCouncilDecision()}\n`);
process.stdout.write(`\n${await benchStoredPlans()}\n`);
process.stdout.write(`\n${await benchTasksOverview()}\n`);
process.stdout.write(`\n${await benchPortal()}\n`);
process.stdout.write(`\n${await benchAssessment()}\n`);
process.stdout.write(`\n${await benchSurveys()}\n`);
process.stdout.write(`\n${await benchImportJob()}\n`);
process.stdout.write(`\n${benchPeriodResults()}\n`);
process.stdout.write(`\n${await benchPreviousPoints()}\n`);
process.stdout.write(`\n${await benchNational()}\n`);
process.stdout.write(`\n${benchWebBundle()}\n`);
process.stdout.write(
  '\nĐộ tin cậy (kill -9, tệp nhập hỏng, dò phân quyền, đăng nhập đồng thời): npm run bench:reliability (khoảng 4 phút; số liệu một lần chạy trong docs/decisions/0041)\n',
);
