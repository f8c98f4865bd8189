import {
  presentFramework,
  presentUnitDetail,
  presentUnitSummary,
  type Framework,
  type Results,
} from '@chiso/core';
import { writePiece, type CliIo } from './io.js';

/** Output is handed to the stream in pieces of about this many characters. */
const PIECE = 1 << 20;

/**
 * The results as one compact JSON document, the same shape as `presentResults` gives: the
 * framework, then each unit with its totals, rank, band, rating, flags and areas and, with
 * `detail`, every node with its explanation and the points it lost. Units are presented and
 * written one after another, so the document is never held whole: its detail for 4,000 units
 * is near 200 MB of text.
 */
export async function writeResultsJson(
  io: CliIo,
  framework: Framework,
  results: Results,
  detail: boolean,
): Promise<void> {
  // Parts are joined once per piece: a string grown by += is a rope, slow to encode.
  let parts = [`{"framework":${JSON.stringify(presentFramework(framework))},"units":[`];
  let length = 0;
  for (const [i, unit] of results.units.entries()) {
    const json = detail
      ? { ...presentUnitSummary(unit), ...presentUnitDetail(framework, unit) }
      : presentUnitSummary(unit);
    const text = (i === 0 ? '' : ',') + JSON.stringify(json);
    parts.push(text);
    length += text.length;
    if (length >= PIECE) {
      await writePiece(io, parts.join(''));
      parts = [];
      length = 0;
    }
  }
  parts.push(']}\n');
  await writePiece(io, parts.join(''));
}
