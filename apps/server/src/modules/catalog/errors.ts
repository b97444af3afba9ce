import { AppError, Conflict } from '../../lib/errors.ts';

export class EventTypeTaken extends Conflict {
  constructor(key: string) {
    super('EVENT_TYPE_TAKEN', `An event type with key '${key}' already exists.`);
  }
}

export class UnknownEventType extends AppError {
  constructor(key: string) {
    super(400, 'UNKNOWN_EVENT_TYPE', 'Unknown event type', `There is no active event type '${key}'.`, {
      errors: [{ path: 'typeKey', message: `Unknown event type '${key}'` }],
    });
  }
}

export class InvalidStatusChange extends Conflict {
  constructor(from: string, to: string) {
    super('INVALID_STATUS_CHANGE', `An event cannot go from ${from} to ${to}.`);
  }
}
