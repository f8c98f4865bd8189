import { parseArgs } from 'node:util';
import { describeFailure, EXIT, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';

const HELP = `chiso — Chỉ số Cải cách hành chính

Cách dùng:
  chiso results --input <yêu-cầu.json>        Tính kết quả từ yêu cầu JSON, in kết quả JSON gọn:
                                              mỗi đơn vị với điểm, hạng, nhóm, xếp loại,
                                              cảnh báo và điểm từng lĩnh vực
                [--detail]                    thêm điểm và giải thích của từng tiêu chí và
                                              các điểm bị mất (dùng cả với --json)
  chiso results --framework <bộ-chỉ-số.xlsx>  Tính và in bảng xếp hạng
                [--scores <bảng-điểm.xlsx>]   một dòng mỗi đơn vị, một cột mỗi mã tiêu chí
                [--previous <kỳ-trước.xlsx>]  kết quả kỳ trước (trang "Xếp hạng" do chiso xuất)
                [--lineage <kế-thừa.xlsx>]    đơn vị hình thành từ đơn vị cũ (sáp nhập)
                [--policy <xếp-loại.json>]    nhóm, xếp loại người đứng đầu, cảnh báo
                [--name <tên bộ chỉ số>] [--json] [--out <kết-quả.xlsx>]
                [--unit <tên đơn vị>]         khi không có --scores: bảng bộ chỉ số có cột
                                              "Điểm … đạt được" là điểm của một đơn vị

  chiso plan --input <yêu-cầu.json> --unit <mã>
                                              Kế hoạch khắc phục, cải thiện của một đơn vị:
                                              mỗi lĩnh vực, tiêu chí với điểm tối đa, điểm đạt,
                                              điểm bị mất, mục tiêu (mặc định: điểm tối đa) và
                                              tổng điểm, chỉ số, hạng nếu đạt mục tiêu đó.
                                              Yêu cầu như của chiso results; mỗi đơn vị có thể
                                              có "targets" (mục tiêu theo mã) và "lastYear"
                                              (điểm năm trước theo mã)
  chiso plan --framework <bộ-chỉ-số.xlsx> [--scores …] --unit <tên đơn vị>
                                              cột "Mục tiêu", "Nhiệm vụ/Giải pháp", "Đơn vị chủ
                                              trì" của bảng bộ chỉ số là của đơn vị lập kế hoạch
                [--json]                      in JSON (mặc định: bảng tiếng Việt)
                [--out <ke-hoach.xlsx|.docx>] ghi bảng phụ lục kế hoạch (Excel hoặc Word)
                [--date yyyy-mm-dd] [--place <địa danh>] [--parent <cơ quan chủ quản>]
                [--signer <người ký>]         cho văn bản Word (mặc định: hôm nay)

  chiso report --input <yêu-cầu.json> --out <bao-cao.docx>
                                              Báo cáo kết quả đánh giá, xác định Chỉ số CCHC
                                              (văn bản Word theo Nghị định 30/2020): phương
                                              pháp, phiếu điều tra, thời gian, các nhóm theo
                                              từng khối với tên đơn vị, xếp loại người đứng
                                              đầu, đơn vị tăng/giảm bậc, đơn vị phải kiểm
                                              điểm, nhận xét, nhiệm vụ và phụ lục từng đơn vị.
                                              Yêu cầu như của chiso results, thêm "report"
                                              (cơ quan ban hành, số, địa danh, ngày, tên khối,
                                              phiếu điều tra, thời gian, lĩnh vực kiểm điểm,
                                              nội dung nhận xét) và ở mỗi đơn vị "selfAssessed"
                                              (điểm tự đánh giá theo mã), "reasons" (lý do)
                [--xlsx <phu-luc.xlsx>]       ghi phụ lục (mọi đơn vị, mọi tiêu chí) ra Excel
                [--no-appendix]               không đưa phụ lục vào văn bản Word
                [--date yyyy-mm-dd]           ngày của văn bản khi "report" không ghi
                                              (mặc định: hôm nay)
  chiso report --input <yêu-cầu.json>         không có --out, --xlsx: in nội dung báo cáo

  chiso admin create --username <tên> [--name "Họ tên"]
                                              Tạo tài khoản quản trị (mật khẩu hỏi khi chạy,
                                              hoặc lấy từ CHISO_ADMIN_PASSWORD)

  chiso db grant-app-role [--role chiso_app]  Với vai trò sở hữu (CHISO_MIGRATION_DATABASE_URL):
                                              cập nhật cấu trúc, rồi cấp cho vai trò của ứng
                                              dụng quyền đọc, ghi các bảng nhưng với audit_log
                                              chỉ thêm và đọc (không sửa, xóa, làm rỗng, tắt
                                              trigger)
  chiso backup --out <tệp.tar.gz>             Sao lưu toàn bộ cơ sở dữ liệu (DATABASE_URL hoặc
                                              PGlite trong CHISO_DATA_DIR — dừng máy chủ trước)
                                              cùng mọi tệp kiểm chứng, kèm bảng kê SHA-256
  chiso restore <tệp.tar.gz>                  Phục hồi vào cơ sở dữ liệu và thư mục trống: kiểm
                                              tra toàn bộ tệp trước, nạp tất cả hoặc không gì

Tệp có thể là .xlsx hoặc .csv (UTF-8); số viết "4,5" hay "4.5" đều được.
Dùng "-" thay cho tên tệp JSON để đọc từ đầu vào chuẩn.
`;

/** Runs the command line and returns the exit status; never throws. */
export async function runCli(argv: string[], io: CliIo, debug = false): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    switch (command) {
      case 'results': {
        const { values } = parseOptions(rest, {
          input: { type: 'string' },
          framework: { type: 'string' },
          scores: { type: 'string' },
          previous: { type: 'string' },
          lineage: { type: 'string' },
          policy: { type: 'string' },
          out: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          json: { type: 'boolean' },
          detail: { type: 'boolean' },
        });
        // Each command loads only what it needs: results never loads the database.
        const { runResults } = await import('./commands/results.js');
        await runResults(values, io);
        return EXIT.ok;
      }
      case 'plan': {
        const { values } = parseOptions(rest, {
          input: { type: 'string' },
          framework: { type: 'string' },
          scores: { type: 'string' },
          previous: { type: 'string' },
          lineage: { type: 'string' },
          policy: { type: 'string' },
          out: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          json: { type: 'boolean' },
          date: { type: 'string' },
          place: { type: 'string' },
          parent: { type: 'string' },
          signer: { type: 'string' },
        });
        // Like results: no database; exceljs and docx only for spreadsheets and --out.
        const { runPlan } = await import('./commands/plan.js');
        await runPlan(values, io);
        return EXIT.ok;
      }
      case 'report': {
        const { values } = parseOptions(rest, {
          input: { type: 'string' },
          out: { type: 'string' },
          xlsx: { type: 'string' },
          date: { type: 'string' },
          'no-appendix': { type: 'boolean' },
        });
        // Like results: no database; docx and exceljs only for the files asked for.
        const { runReport } = await import('./commands/report.js');
        await runReport(values, io);
        return EXIT.ok;
      }
      case 'admin': {
        const [sub, ...args] = rest;
        if (sub !== 'create')
          throw new UsageError('dùng: chiso admin create --username <tên> [--name "Họ tên"]');
        const { values } = parseOptions(args, {
          username: { type: 'string' },
          name: { type: 'string' },
        });
        const { runAdminCreate } = await import('./commands/admin.js');
        await runAdminCreate(values, io);
        return EXIT.ok;
      }
      case 'db': {
        const [sub, ...args] = rest;
        if (sub !== 'grant-app-role')
          throw new UsageError('dùng: chiso db grant-app-role [--role chiso_app]');
        const { values } = parseOptions(args, { role: { type: 'string' } });
        const { runGrantAppRole } = await import('./commands/db.js');
        await runGrantAppRole(values, io);
        return EXIT.ok;
      }
      case 'backup': {
        const { values } = parseOptions(rest, { out: { type: 'string' } });
        const { runBackup } = await import('./commands/backup.js');
        await runBackup(values, io);
        return EXIT.ok;
      }
      case 'restore': {
        const [file, ...extra] = rest;
        if (file === undefined || file.startsWith('-') || extra.length > 0) {
          throw new UsageError('dùng: chiso restore <tệp sao lưu>');
        }
        const { runRestore } = await import('./commands/backup.js');
        await runRestore(file, io);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`không có lệnh "${command}"`);
    }
  } catch (error) {
    const failure = describeFailure(error, debug);
    io.stderr(`${failure.message}\n`);
    return failure.status;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

function parseOptions<T extends OptionSpec>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`không có tùy chọn ${unknown[1]}`);
    const missing = /Option '([^']+)(?: <value>)?' argument missing/.exec(message);
    if (missing) throw new UsageError(`tùy chọn ${missing[1]} cần một giá trị`);
    const positional = /Unexpected argument '([^']+)'/.exec(message);
    if (positional) throw new UsageError(`không hiểu "${positional[1]}"`);
    throw new UsageError(message);
  }
}
