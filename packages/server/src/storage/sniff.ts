/** The kinds of evidence accepted, recognised by their first bytes. */
export const EVIDENCE_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (.docx)',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (.xlsx)',
  },
  ole: {
    mediaType: 'application/x-ole-storage',
    extensions: ['doc', 'xls'],
    label: 'Word/Excel 97-2003',
  },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
} as const;

export type EvidenceType = keyof typeof EVIDENCE_TYPES;

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Names of the entries at the start of a zip archive (local file headers). */
function zipEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let offset = 0;
  while (offset + 30 <= head.length && view.getUint32(offset, true) === 0x04034b50) {
    const compressed = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const nameStart = offset + 30;
    if (nameStart + nameLength > head.length) break;
    names.push(new TextDecoder().decode(head.subarray(nameStart, nameStart + nameLength)));
    const flags = view.getUint16(offset + 6, true);
    // With a data descriptor the size is not in the header: stop rather than guess.
    if ((flags & 0x08) !== 0) break;
    offset = nameStart + nameLength + extraLength + compressed;
  }
  return names;
}

/** The evidence type of a file from its first bytes (up to 64 KiB), or undefined. */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(head);
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  }
  return undefined;
}

export const SNIFF_BYTES = 64 * 1024;
