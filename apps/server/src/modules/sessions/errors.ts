import { AppError, Conflict, ValidationFailed } from '../../lib/errors.ts';

export class SessionTimesInvalid extends ValidationFailed {
  constructor(problems: { path: string; message: string }[]) {
    super(problems[0]!.message, problems);
  }
}

export class UnknownCategory extends AppError {
  constructor(keys: string[], known: string[]) {
    super(
      400,
      'UNKNOWN_CATEGORY',
      'Unknown seating category',
      `The layout has no category ${keys.map((k) => `'${k}'`).join(', ')}; it has ${known.map((k) => `'${k}'`).join(', ')}.`,
    );
  }
}

export class PricesMissing extends Conflict {
  constructor(keys: string[]) {
    super(
      'PRICES_MISSING',
      `Set a price for every seating category before publishing: missing ${keys.join(', ')}.`,
    );
    Object.assign(this.extra, {
      missing: keys,
      errors: keys.map((k) => ({ path: `prices.${k}`, message: `No price for category ${k}` })),
    });
  }
}

export class SessionNotEditable extends Conflict {
  constructor(detail: string) {
    super('SESSION_NOT_EDITABLE', detail);
  }
}
