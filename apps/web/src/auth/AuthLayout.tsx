import type { ReactNode } from 'react';
import { CheckIcon } from '../ui/icons.tsx';
import './auth.css';

export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <div className="auth-page container">
      <aside className="auth-aside" aria-label="Why an account">
        <p className="eyebrow">One account, every event</p>
        <h2>Faster checkout, tickets always at hand.</h2>
        <ul>
          <li>
            <CheckIcon /> Keep your place in the queue for big on-sales
          </li>
          <li>
            <CheckIcon /> All your tickets in one place, ready to scan
          </li>
          <li>
            <CheckIcon /> Cancel and get refunds within the organiser’s policy
          </li>
        </ul>
      </aside>
      <section className="auth-card card" aria-labelledby="auth-title">
        <header className="auth-head">
          <h1 id="auth-title">{title}</h1>
          <p className="muted">{subtitle}</p>
        </header>
        {children}
        <footer className="auth-foot">{footer}</footer>
      </section>
    </div>
  );
}

/** The live region that announces a form's overall error; always rendered so announcements are reliable. */
export function FormStatus({ children }: { children: ReactNode }) {
  return (
    <div aria-live="assertive" aria-atomic="true" className="form-status">
      {children}
    </div>
  );
}
