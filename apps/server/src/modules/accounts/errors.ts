import { AppError, Conflict } from '../../lib/errors.ts';

export class EmailTaken extends Conflict {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this email already exists. Sign in instead.');
  }
}

export class InvalidCredentials extends AppError {
  constructor() {
    super(401, 'INVALID_CREDENTIALS', 'Invalid credentials', 'The email or password is wrong.');
  }
}

export class WeakPassword extends AppError {
  constructor(reason: string) {
    super(400, 'WEAK_PASSWORD', 'Weak password', reason, { errors: [{ path: 'password', message: reason }] });
  }
}
