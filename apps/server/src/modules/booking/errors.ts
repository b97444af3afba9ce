import { AppError, Conflict } from '../../lib/errors.ts';

export class SeatsUnavailable extends Conflict {
  constructor(readonly seatIds: string[]) {
    super(
      'SEATS_UNAVAILABLE',
      seatIds.length
        ? `Sorry, ${seatIds.length === 1 ? 'seat' : 'seats'} ${seatIds.join(', ')} ${seatIds.length === 1 ? 'was' : 'were'} just taken. Pick other seats.`
        : 'Those seats were just taken. Pick other seats.',
    );
    Object.assign(this.extra, { seatIds });
  }
}

/** PostgreSQL found this hold in a deadlock with another change of the same seats and undid it. */
export class SeatsBusy extends Conflict {
  constructor() {
    super('SEATS_BUSY', 'Those seats were being changed by someone else at the same moment. Try again.');
  }
}

export class NotEnoughSeats extends Conflict {
  constructor(category: string, quantity: number) {
    super('NOT_ENOUGH_SEATS', `There are not ${quantity} seats left in ${category}.`);
  }
}

export class GaSoldOut extends Conflict {
  constructor(area: string, quantity: number) {
    super('GA_SOLD_OUT', `There are not ${quantity} places left in ${area}.`);
  }
}

export class UnknownSeats extends AppError {
  constructor(seatIds: string[]) {
    super(
      400,
      'UNKNOWN_SEATS',
      'Unknown seats',
      `This session has no seat ${seatIds.slice(0, 5).join(', ')}.`,
      {
        errors: [{ path: 'seatIds', message: `Unknown seats: ${seatIds.slice(0, 5).join(', ')}` }],
      },
    );
  }
}

export class TooManySeats extends AppError {
  constructor(max: number) {
    super(400, 'TOO_MANY_SEATS', 'Too many seats', `At most ${max} tickets per order for this session.`, {
      errors: [{ path: 'quantity', message: `At most ${max}` }],
    });
  }
}

export class SalesClosed extends Conflict {
  constructor(detail: string) {
    super('SALES_CLOSED', detail);
  }
}

export class HoldExpired extends Conflict {
  constructor() {
    super(
      'HOLD_EXPIRED',
      'Your seats were held for a limited time and that time has run out. Please pick them again.',
    );
  }
}

export class HoldNotActive extends Conflict {
  constructor(status: string) {
    super('HOLD_NOT_ACTIVE', `This hold is ${status}; pick seats again.`);
  }
}

export class CheckoutInProgress extends Conflict {
  constructor(holdId: string, orderId: string) {
    super(
      'CHECKOUT_IN_PROGRESS',
      'You are paying for other seats in this session. Finish that payment, or release those seats first.',
    );
    Object.assign(this.extra, { holdId, orderId });
  }
}
