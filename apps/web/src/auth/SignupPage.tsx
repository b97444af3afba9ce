import { SignupBody } from '@ticketing/contracts';
import { type ChangeEvent, type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { describeError, type FieldErrors, isApiError } from '../api/client.ts';
import { useMe } from '../api/useMe.ts';
import { useSignup } from '../api/useSignup.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { Field } from '../ui/Field.tsx';
import { AuthLayout, FormStatus } from './AuthLayout.tsx';
import { fieldError, validateWith } from './fieldErrors.ts';
import { focusFirstInvalid } from './focusFirstInvalid.ts';
import { safeNextPath } from './nextPath.ts';

type Values = { name: string; email: string; password: string };

export function SignupPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  const signup = useSignup();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ReactNode>(null);
  const [submitted, setSubmitted] = useState(false);

  // Signed in (already, or just now): go where the user was heading.
  if (me.data) return <Navigate to={next} replace />;

  const loginHref = `/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;

  const change = (field: keyof Values) => (e: ChangeEvent<HTMLInputElement>) => {
    const updated = { ...values, [field]: e.target.value };
    setValues(updated);
    if (submitted) setErrors((prev) => ({ ...prev, [field]: fieldError(SignupBody, updated, field) }));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const result = validateWith(SignupBody, values);
    if (result.errors) {
      setErrors(result.errors);
      focusFirstInvalid(form.current, result.errors);
      return;
    }
    setErrors({});
    signup.mutate(result.data, {
      onError: (err) => {
        if (isApiError(err) && err.code === 'EMAIL_TAKEN') {
          const fieldErrors = { email: 'An account with this email already exists.' };
          setErrors(fieldErrors);
          setFormError(
            <>
              That email already has an account. <Link to={loginHref}>Sign in instead</Link>
            </>,
          );
          focusFirstInvalid(form.current, fieldErrors);
        } else if (isApiError(err) && Object.keys(err.fieldErrors).length > 0) {
          setErrors(err.fieldErrors);
          setFormError('Check the highlighted fields.');
          focusFirstInvalid(form.current, err.fieldErrors);
        } else {
          setFormError(describeError(err));
        }
      },
    });
  };

  return (
    <AuthLayout
      title="Create your account"
      subtitle="It takes a minute. You’ll use it to buy and manage tickets."
      footer={
        <>
          Already have an account? <Link to={loginHref}>Sign in</Link>
        </>
      }
    >
      <title>Create account · Ticketing</title>
      <form ref={form} className="auth-form" onSubmit={submit} noValidate>
        <FormStatus>{formError ? <ErrorAlert>{formError}</ErrorAlert> : null}</FormStatus>
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          value={values.name}
          onChange={change('name')}
          error={errors.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={values.email}
          onChange={change('email')}
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={values.password}
          onChange={change('password')}
          error={errors.password}
          hint="At least 10 characters. A short sentence is easy to remember and hard to guess."
        />
        <button type="submit" className="btn btn-primary btn-lg btn-block" disabled={signup.isPending}>
          {signup.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          Create account
        </button>
      </form>
    </AuthLayout>
  );
}
