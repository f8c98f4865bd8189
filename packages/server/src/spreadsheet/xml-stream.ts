import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ZipRefused } from './zip-archive.js';

/** What a part's reader does with each element: names without their namespace prefix. */
export interface XmlHandlers {
  open: (name: string, attributes: Record<string, string>) => void;
  close: (name: string) => void;
  /** Character data (entities decoded, CDATA included), in pieces that end anywhere. */
  text?: (text: string) => void;
  /** Called between two chunks of bytes: what it returns is awaited before the next chunk. */
  between?: () => Promise<void> | undefined;
}

/** A part that is not well-formed XML, or declares a DOCTYPE. */
export class XmlRefused extends ZipRefused {}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Parses one XML part of a zip with saxes as its bytes stream in. A DOCTYPE is refused before
 * anything in it is read, so no entity is ever defined, let alone expanded (no "billion
 * laughs"); saxes knows only the five predefined entities and character references, and an
 * undefined entity is an error. Malformed XML is refused naming the part.
 */
export async function parseXmlPart(
  part: string,
  bytes: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: Error | undefined;
  parser.on('error', () => {
    failure ??= new XmlRefused(`phần "${part}" không phải XML hợp lệ`);
    throw failure;
  });
  parser.on('doctype', () => {
    failure ??= new XmlRefused(
      `phần "${part}" có khai báo DOCTYPE, không được phép trong tệp .xlsx`,
    );
    throw failure;
  });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  const onText = handlers.text;
  if (onText) {
    parser.on('text', onText);
    parser.on('cdata', onText);
  }
  const decoder = new StringDecoder('utf8');
  const between = handlers.between;
  try {
    for await (const chunk of bytes) {
      parser.write(decoder.write(chunk));
      const pause = between?.();
      if (pause) await pause;
    }
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    throw failure ?? error;
  }
}
