import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { codeUrl, showCode, type CodeView } from './api';
import { QrCode } from './qr-code';
import './print.css';

interface Props {
  surveyName: string;
  codes: CodeView[];
}

/** One card per code: what the respondent scans or types, and where. */
export function CodeCards({ surveyName, codes }: Props) {
  const entry = `${window.location.origin}/phieu`;
  return (
    <div className="survey-cards">
      {codes.map((c) => (
        <div className="survey-card" key={c.code}>
          <small>{surveyName}</small>
          <small>
            Đánh giá: <b>{c.unitName}</b>
          </small>
          {c.respondentName && <small>Gửi: {c.respondentName}</small>}
          <QrCode value={codeUrl(c.code)} size={132} label={`Mã QR mở phiếu ${showCode(c.code)}`} />
          <div className="survey-card-code">{showCode(c.code)}</div>
          <small>
            Quét mã QR, hoặc vào {entry} và nhập mã trên. Mỗi mã trả lời được một lần; phiếu không
            ghi tên người trả lời.
          </small>
        </div>
      ))}
    </div>
  );
}

/**
 * The cards again, straight under <body>, shown only on paper: the print style hides every
 * other child of <body> (the app, its menus and dialogs). Prints once mounted.
 */
export function PrintCodeCards({ onDone, ...props }: Props & { onDone: () => void }) {
  const finished = useRef(onDone);
  finished.current = onDone;
  useEffect(() => {
    const done = () => finished.current();
    window.addEventListener('afterprint', done);
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, []);
  return createPortal(
    <div className="survey-print">
      <CodeCards {...props} />
    </div>,
    document.body,
  );
}
