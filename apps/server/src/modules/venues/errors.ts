import { AppError } from '../../lib/errors.ts';

export class LayoutInvalid extends AppError {
  constructor(detail: string, problems: string[]) {
    super(400, 'LAYOUT_INVALID', 'Invalid layout', detail, {
      errors: problems.map((message) => ({ path: 'layout', message })),
    });
  }
}
