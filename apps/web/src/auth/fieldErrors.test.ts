import { LoginBody, SignupBody } from '@ticketing/contracts';
import { describe, expect, it } from 'vitest';
import { fieldError, validateWith } from './fieldErrors.ts';

describe('validateWith', () => {
  it('returns the normalised body the server expects when the form is valid', () => {
    const result = validateWith(SignupBody, {
      name: ' Grace ',
      email: ' Grace@Example.COM ',
      password: 'compilers are fun',
    });
    expect(result.data).toEqual({ name: 'Grace', email: 'grace@example.com', password: 'compilers are fun' });
  });

  it('gives one message per invalid field', () => {
    const { errors } = validateWith(SignupBody, { name: '', email: 'nope', password: 'short' });
    expect(errors).toEqual({
      name: 'Name is required',
      email: 'Enter a valid email address',
      password: 'Password must be at least 10 characters',
    });
  });

  it('re-checks a single field without reporting the others', () => {
    expect(fieldError(LoginBody, { email: 'a@b.co', password: '' }, 'email')).toBeUndefined();
    expect(fieldError(LoginBody, { email: 'a@b.co', password: '' }, 'password')).toBe('Password is required');
  });
});
