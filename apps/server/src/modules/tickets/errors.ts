import { AppError, Conflict } from '../../lib/errors.ts';

/** Why a code is refused at the door: each a stable `code` a scanner can show and act on. */
export class TicketCodeMalformed extends AppError {
  constructor(reason: 'malformed' | 'truncated', detail: string) {
    super(400, 'TICKET_CODE_MALFORMED', 'Not a valid ticket code', detail, { reason });
  }
}

export class TicketCodeForged extends AppError {
  constructor(detail: string) {
    super(422, 'TICKET_CODE_FORGED', 'Forged or altered ticket code', detail, { reason: 'forged' });
  }
}

export class TicketUnknown extends AppError {
  constructor() {
    super(
      404,
      'TICKET_UNKNOWN',
      'Unknown ticket',
      'The code is signed by us but names no ticket we know (another environment, or deleted).',
      { reason: 'unknown' },
    );
  }
}

export class TicketCancelled extends Conflict {
  constructor(cancelledAt: Date | null) {
    super('TICKET_CANCELLED', 'This ticket was cancelled and does not admit anyone.');
    Object.assign(this.extra, { reason: 'cancelled', cancelledAt: cancelledAt?.toISOString() ?? null });
  }
}

export class TicketAlreadyUsed extends Conflict {
  constructor(usedAt: Date, localTime: string) {
    super('TICKET_ALREADY_USED', `This ticket was already used at ${localTime}.`);
    Object.assign(this.extra, { reason: 'used', usedAt: usedAt.toISOString() });
  }
}

export class TicketWrongSession extends Conflict {
  constructor(ticket: { sessionId: string; eventTitle: string; startsAt: string }) {
    super(
      'TICKET_WRONG_SESSION',
      `This ticket is for another session: ${ticket.eventTitle}, ${ticket.startsAt}.`,
    );
    Object.assign(this.extra, { reason: 'wrong-session', ticketSessionId: ticket.sessionId });
  }
}

export class TicketsNotIssued extends Conflict {
  constructor(status: string) {
    super(
      'TICKETS_NOT_ISSUED',
      `There are no valid tickets to send for this order (it is ${status}, or all its tickets are cancelled).`,
    );
  }
}
