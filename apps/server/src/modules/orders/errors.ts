import { AppError, Conflict } from '../../lib/errors.ts';

export class IdempotencyKeyRequired extends AppError {
  constructor() {
    super(
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
      'Idempotency-Key required',
      'Send an Idempotency-Key header (1–200 visible characters, e.g. a UUID) so a retried request cannot create a second order.',
    );
  }
}

export class IdempotencyKeyReused extends AppError {
  constructor() {
    super(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'Idempotency-Key reused',
      'This Idempotency-Key was already used for a different hold.',
    );
  }
}

export class OrderExistsForHold extends Conflict {
  constructor(orderId: string) {
    super('ORDER_EXISTS', `An order for this hold already exists (${orderId}).`);
    Object.assign(this.extra, { orderId });
  }
}

export class CancellationClosed extends Conflict {
  constructor(cutoff: Date) {
    super(
      'CANCELLATION_CLOSED',
      `Tickets for this session could be cancelled until ${cutoff.toISOString()}; that time has passed.`,
    );
  }
}

export class NothingToCancel extends Conflict {
  constructor() {
    super('ALREADY_CANCELLED', 'These tickets are already cancelled.');
  }
}

export class OrderNotPaid extends Conflict {
  constructor(status: string) {
    super('ORDER_NOT_PAID', `Only a paid order can be cancelled; this one is ${status}.`);
  }
}

export class TicketUsed extends Conflict {
  constructor() {
    super('TICKET_USED', 'A ticket that was already used at the door cannot be cancelled.');
  }
}
