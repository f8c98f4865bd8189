export const PORT = Number(process.env.CHISO_E2E_PORT ?? 3197);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** 12/01/2027 09:00 in Vietnam: the 2026 index is being assessed; every window is open. */
export const NOW = new Date('2027-01-12T09:00:00+07:00');

export const PASSWORD = 'mat-khau-thu-2027';
export const ADMIN = { username: 'quantri', password: 'mat-khau-so-noi-vu-2027' };

export const ACCOUNTS = [
  { username: 'cb.snv', fullName: 'Nguyễn Thị Lan', role: 'unitOfficer', unitId: 'SNV' },
  { username: 'tt.snv', fullName: 'Trần Văn Hùng', role: 'unitHead', unitId: 'SNV' },
  { username: 'cb.syt', fullName: 'Lê Minh Tâm', role: 'unitOfficer', unitId: 'SYT' },
  { username: 'tt.syt', fullName: 'Phạm Quốc Bảo', role: 'unitHead', unitId: 'SYT' },
  { username: 'td1', fullName: 'Đỗ Thị Thẩm', role: 'appraiser', unitId: null },
  { username: 'hd1', fullName: 'Vũ Đức Hội', role: 'councilMember', unitId: null },
] as const;

export const UNITS = [
  { id: 'SNV', name: 'Sở Nội vụ', type: 'so' },
  { id: 'SYT', name: 'Sở Y tế', type: 'so' },
] as const;

export const FRAMEWORK_NAME = 'Bộ chỉ số sở, ban, ngành năm 2026';
