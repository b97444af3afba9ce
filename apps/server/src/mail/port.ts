/** The mail port: what the application sends, whichever adapter delivers it. */
export type MailAttachment = { filename: string; contentType: string; content: Buffer | string };

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
};

export type SentMail = { messageId: string };

export interface Mailer {
  /** `smtp` delivers to a relay; `outbox` keeps messages on disk for the dev mailbox. */
  readonly kind: 'smtp' | 'outbox';
  /** Resolves once the relay accepted the message (or it is on disk); rejects otherwise. */
  send(message: MailMessage): Promise<SentMail>;
  close(): Promise<void>;
}
