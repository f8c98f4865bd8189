import type ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;

/**
 * A new workbook, exceljs loaded on first use: it is about 400 module files that the server's
 * start and most commands never need (decision 0052). Every writer takes its workbook here, so
 * no module on the start path imports exceljs itself.
 */
export async function newWorkbook(): Promise<Workbook> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'chiso';
  return workbook;
}
