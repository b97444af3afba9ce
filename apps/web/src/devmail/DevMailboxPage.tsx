import { Link, useSearchParams } from 'react-router';
import { describeError, isApiError } from '../api/client.ts';
import { attachmentUrl, useDevMail, useDevMailbox } from '../api/tickets/useDevMailbox.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../ui/Feedback.tsx';
import { formatDateTime } from '../ui/format.ts';
import { ReceiptIcon, ServerIcon } from '../ui/icons.tsx';
import './devmail.css';

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The dev mailbox: every email the local outbox "sent", for any account. Only on a developer's
 * machine; elsewhere the API is not there and the page says so.
 */
export function DevMailboxPage() {
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const mailbox = useDevMailbox({ poll: true });

  return (
    <div className="container page">
      <title>Dev mailbox · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">Developers</p>
        <h1>Dev mailbox</h1>
        <p className="lead">
          Emails the local outbox would have sent, newest first. Nothing here left the machine.
        </p>
      </header>
      {mailbox.isPending ? <PageLoading label="Opening the mailbox…" /> : null}
      {mailbox.isError ? (
        isApiError(mailbox.error, 404) ? (
          <EmptyState icon={<ServerIcon />} title="No dev mailbox here">
            The dev mailbox exists only outside production, when email goes to the local outbox (no SMTP_URL).
          </EmptyState>
        ) : (
          <ErrorAlert>{describeError(mailbox.error)}</ErrorAlert>
        )
      ) : null}
      {mailbox.data?.items.length === 0 ? (
        <EmptyState icon={<ReceiptIcon />} title="No emails yet">
          Pay for an order and its tickets arrive here within seconds.
        </EmptyState>
      ) : null}
      {mailbox.data?.items.length ? (
        <div className="mailbox">
          <ul className="card mailbox-list" aria-label="Messages">
            {mailbox.data.items.map((m) => (
              <li key={m.id}>
                <Link
                  to={`?id=${encodeURIComponent(m.id)}`}
                  className="mailbox-item"
                  aria-current={m.id === openId ? 'true' : undefined}
                >
                  <span className="mailbox-item-subject">{m.subject}</span>
                  <span className="mailbox-item-meta">
                    <span>To {m.to}</span>
                    <time dateTime={m.date}>{formatDateTime(m.date)}</time>
                  </span>
                  {m.attachments.length ? (
                    <span className="mailbox-item-files">📎 {m.attachments.join(', ')}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
          {openId ? (
            <MailView id={openId} onClose={() => setParams({})} />
          ) : (
            <p className="card mailbox-hint muted">Choose a message to read it.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function MailView({ id, onClose }: { id: string; onClose: () => void }) {
  const mail = useDevMail(id);
  if (mail.isPending) return <PageLoading label="Opening the message…" />;
  if (mail.isError) return <ErrorAlert>{describeError(mail.error)}</ErrorAlert>;
  const m = mail.data;
  return (
    <article className="card mail-view" aria-labelledby="mail-subject">
      <header className="mail-view-head">
        <h2 id="mail-subject">{m.subject}</h2>
        <dl className="mail-view-meta">
          <div>
            <dt>From</dt>
            <dd>{m.from}</dd>
          </div>
          <div>
            <dt>To</dt>
            <dd>{m.to}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatDateTime(m.date)}</dd>
          </div>
        </dl>
        <button type="button" className="btn btn-sm btn-ghost mail-view-close" onClick={onClose}>
          Close
        </button>
      </header>
      {m.attachments.length ? (
        <ul className="mail-attachments" aria-label="Attachments">
          {m.attachments.map((a) => (
            <li key={a.name}>
              <a className="btn btn-sm" href={attachmentUrl(m.id, a.name)} download={a.name}>
                {a.name} <span className="muted">({kb(a.size)})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {/* Untrusted content: no scripts, no same-origin access, no forms (empty sandbox). */}
      {m.html ? (
        <iframe className="mail-body" title={`Message: ${m.subject}`} sandbox="" srcDoc={m.html} />
      ) : (
        <pre className="mail-body-text">{m.text}</pre>
      )}
    </article>
  );
}
