import { AppError, Conflict } from '../../../lib/errors.ts';

/** Errors of the simulated gateway; http/problem.ts maps them like every other AppError. */
export class InvalidCardNumber extends AppError {
  constructor() {
    super(400, 'TESTPAY_INVALID_CARD_NUMBER', 'Invalid card number', 'A card number has 12 to 19 digits.');
  }
}

export class UnknownTestCard extends AppError {
  constructor() {
    super(
      400,
      'TESTPAY_UNKNOWN_CARD',
      'Not a test card',
      'This simulated gateway only accepts its test cards (4242 4242 4242 4242 and the others it lists).',
    );
  }
}

export class InvalidPaymentInput extends AppError {
  constructor(detail: string) {
    super(400, 'TESTPAY_INVALID_PAYMENT', 'Invalid payment', detail);
  }
}

export class PaymentOrderMismatch extends Conflict {
  constructor() {
    super(
      'TESTPAY_ORDER_MISMATCH',
      'A payment for this order exists already with another amount or currency.',
    );
  }
}

export class NotAwaitingAction extends Conflict {
  constructor() {
    super('TESTPAY_NOT_AWAITING_ACTION', 'This payment has no pending confirmation step.');
  }
}

export class PaymentNotRefundable extends Conflict {
  constructor(status: string) {
    super('TESTPAY_NOT_REFUNDABLE', `Only a succeeded payment can be refunded; this one is ${status}.`);
  }
}

export class RefundExceedsPayment extends Conflict {
  constructor(remainingCents: number) {
    super(
      'TESTPAY_REFUND_EXCEEDS_PAYMENT',
      `The refund is larger than what remains refundable (${remainingCents} cents).`,
    );
  }
}

export class RefundIdReused extends Conflict {
  constructor() {
    super('TESTPAY_REFUND_ID_REUSED', 'This refundId was used for another payment or amount.');
  }
}
