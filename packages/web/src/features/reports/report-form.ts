import type { ReportOptionsJson, ReportResponse } from '@chiso/contract';

/** The form's fields as the clerk types them: text everywhere, one paragraph per line. */
export interface ReportFormValues {
  parentAuthority: string;
  issuer: string;
  number: string;
  place: string;
  date: string;
  title: string;
  blocks: { group: string; name: string; heads: string }[];
  areaCodes: string[];
  belowPercent: string;
  minRankChange: string;
  strengths: string;
  weaknesses: string;
  causes: string;
  tasks: string;
  recipients: string;
  onBehalfOf: string;
  position: string;
  signer: string;
}

const lines = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join('\n') : (value ?? '');

/** The stored options in the form, a line for each of the period's blocks. */
export function formOf(report: ReportResponse): ReportFormValues {
  const o = report.options;
  return {
    parentAuthority: o.parentAuthority ?? '',
    issuer: o.issuer ?? '',
    number: o.number ?? '',
    place: o.place ?? '',
    // Shown as the clerk writes a date; the server reads either form.
    date: o.date?.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') ?? '',
    title: o.title ?? '',
    blocks: report.blocks.map((block) => {
      const stored = o.blocks?.find((b) => b.group === block.group);
      return { group: block.group, name: stored?.name ?? '', heads: stored?.heads ?? '' };
    }),
    areaCodes: o.review?.areaCodes ?? [],
    belowPercent: o.review?.belowPercent === undefined ? '' : String(o.review.belowPercent),
    minRankChange: o.minRankChange === undefined ? '' : String(o.minRankChange),
    strengths: lines(o.narrative?.strengths),
    weaknesses: lines(o.narrative?.weaknesses),
    causes: lines(o.narrative?.causes),
    tasks: lines(o.narrative?.tasks),
    recipients: lines(o.recipients),
    onBehalfOf: o.signature?.onBehalfOf ?? '',
    position: o.signature?.position ?? '',
    signer: o.signature?.name ?? '',
  };
}

const given = (text: string) => {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
};
const paragraphs = (text: string) => {
  const list = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return list.length === 0 ? undefined : list;
};

/**
 * The options to save: what is left blank is not sent, so that chiso's default (the block's
 * name from its type, the review of areas 3 and 7 below 75 %) applies; the server checks the
 * rest and names the field of each problem.
 */
export function optionsOf(values: ReportFormValues): ReportOptionsJson {
  const blocks = values.blocks.flatMap((b) => {
    const name = given(b.name);
    const heads = given(b.heads);
    return name === undefined ? [] : [{ group: b.group, name, ...(heads ? { heads } : {}) }];
  });
  const belowPercent = given(values.belowPercent);
  const minRankChange = given(values.minRankChange);
  const narrative = {
    strengths: paragraphs(values.strengths),
    weaknesses: paragraphs(values.weaknesses),
    causes: paragraphs(values.causes),
    tasks: paragraphs(values.tasks),
  };
  const signature = {
    onBehalfOf: given(values.onBehalfOf),
    position: given(values.position),
    name: given(values.signer),
  };
  const options: ReportOptionsJson = {
    parentAuthority: given(values.parentAuthority),
    issuer: given(values.issuer),
    number: given(values.number),
    place: given(values.place),
    date: given(values.date),
    title: given(values.title),
    blocks: blocks.length > 0 ? blocks : undefined,
    review:
      values.areaCodes.length > 0 || belowPercent !== undefined
        ? {
            ...(values.areaCodes.length > 0 ? { areaCodes: values.areaCodes } : {}),
            ...(belowPercent !== undefined ? { belowPercent } : {}),
          }
        : undefined,
    // A number the server checks (whole, at least 1); text that is not one is sent as is.
    minRankChange:
      minRankChange === undefined
        ? undefined
        : /^\d+$/.test(minRankChange)
          ? Number(minRankChange)
          : (minRankChange as unknown as number),
    narrative: Object.values(narrative).some((p) => p !== undefined) ? narrative : undefined,
    recipients: paragraphs(values.recipients),
    signature: Object.values(signature).some((p) => p !== undefined)
      ? { ...signature, position: signature.position ?? '' }
      : undefined,
  };
  return JSON.parse(JSON.stringify(options)) as ReportOptionsJson;
}
