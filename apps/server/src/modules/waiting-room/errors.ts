import { AppError, Conflict } from '../../lib/errors.ts';

export class QueueOff extends Conflict {
  constructor() {
    super('QUEUE_OFF', 'This session has no waiting room: go straight to seat selection.');
  }
}

export class QueueNotOpen extends Conflict {
  constructor(opensAt: Date) {
    super('QUEUE_NOT_OPEN', `The waiting room opens at ${opensAt.toISOString()}. Come back then.`);
    Object.assign(this.extra, { opensAt: opensAt.toISOString() });
  }
}

export class QueueClosed extends Conflict {
  constructor(reason: string, detail: string) {
    super('QUEUE_CLOSED', detail);
    Object.assign(this.extra, { reason });
  }
}

export class QueueNotAdmitted extends Conflict {
  constructor(position: number | null) {
    super(
      'QUEUE_NOT_ADMITTED',
      position === null
        ? 'Sales have not opened yet: your place is drawn at opening.'
        : `It is not your turn yet: you are number ${position} in line.`,
    );
    Object.assign(this.extra, { position });
  }
}

export class QueuePlaceExpired extends AppError {
  constructor(
    detail = 'You were let in but did not come in within the time allowed. Join again for a new place.',
  ) {
    super(410, 'QUEUE_PLACE_EXPIRED', 'Your turn has passed', detail);
  }
}

/** The coordinator (Redis) cannot be reached: joining and entering wait; polls still answer. */
export class QueueUnavailable extends AppError {
  constructor() {
    super(
      503,
      'QUEUE_UNAVAILABLE',
      'Waiting room unavailable',
      'The waiting room cannot take new requests for a moment. Your place is kept; try again shortly.',
      { retryAfterSeconds: 2 },
    );
  }
}

export class QueueTokenInvalid extends AppError {
  constructor(why: string) {
    super(
      400,
      'QUEUE_TOKEN_INVALID',
      'Invalid queue token',
      `This queue token is ${why}. Join the queue again.`,
    );
  }
}

export class QueueTokenForeign extends AppError {
  constructor() {
    super(403, 'QUEUE_TOKEN_FOREIGN', 'Not your queue token', 'This queue token belongs to another account.');
  }
}

export class QueueAccessRequired extends AppError {
  constructor(
    sessionId: string,
    detail = 'This on-sale has a waiting room: join the queue to choose seats.',
  ) {
    super(403, 'QUEUE_ACCESS_REQUIRED', 'Queue access required', detail, { sessionId });
  }
}

export class QueueAccessExpired extends AppError {
  constructor(sessionId: string) {
    super(
      403,
      'QUEUE_ACCESS_EXPIRED',
      'Your shopping time is over',
      'Your time to choose seats has run out. Join the queue again.',
      { sessionId },
    );
  }
}
