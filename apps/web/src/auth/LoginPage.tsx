import { LoginBody } from '@ticketing/contracts';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { describeError, type FieldErrors, isApiError } from '../api/client.ts';
import { useLogin } from '../api/useLogin.ts';
import { useMe } from '../api/useMe.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { Field } from '../ui/Field.tsx';
import { AuthLayout, FormStatus } from './AuthLayout.tsx';
import { fieldError, validateWith } from './fieldErrors.ts';
import { focusFirstInvalid } from './focusFirstInvalid.ts';
import { safeNextPath } from './nextPath.ts';

type Values = { email: string; password: string };

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);

  if (me.data) return <Navigate to={next} replace />;

  const change = (field: keyof Values) => (e: ChangeEvent<HTMLInputElement>) => {
    const updated = { ...values, [field]: e.target.value };
    setValues(updated);
    if (submitted) setErrors((prev) => ({ ...prev, [field]: fieldError(LoginBody, updated, field) }));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(true);
    setFormError(null);
    const result = validateWith(LoginBody, values);
    if (result.errors) {
      setErrors(result.errors);
      focusFirstInvalid(form.current, result.errors);
      return;
    }
    setErrors({});
    login.mutate(result.data, {
      onError: (err) => {
        if (isApiError(err) && Object.keys(err.fieldErrors).length > 0) {
          setErrors(err.fieldErrors);
          focusFirstInvalid(form.current, err.fieldErrors);
        }
        setFormError(describeError(err));
      },
    });
  };

  return (
    <AuthLayout
      title="Welcome back"
      subtitle={next === '/' ? 'Sign in to see your tickets and book faster.' : 'Sign in to continue.'}
      footer={
        <>
          New here?{' '}
          <Link to={`/signup${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}>
            Create an account
          </Link>
        </>
      }
    >
      <title>Sign in · Ticketing</title>
      <form ref={form} className="auth-form" onSubmit={submit} noValidate>
        <FormStatus>{formError ? <ErrorAlert>{formError}</ErrorAlert> : null}</FormStatus>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
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
          autoComplete="current-password"
          required
          value={values.password}
          onChange={change('password')}
          error={errors.password}
        />
        <button type="submit" className="btn btn-primary btn-lg btn-block" disabled={login.isPending}>
          {login.isPending ? <span className="spinner" aria-hidden="true" /> : null}
          Sign in
        </button>
      </form>
    </AuthLayout>
  );
}
