import { formatCardNumber, TEST_CARDS } from './cards.ts';
import type { TestpayPayment } from './gateway.ts';
import { Html, html } from './html.ts';
import { returnLink } from './return-url.ts';

/**
 * The hosted payment page, rendered on the server: no script at all (the site CSP allows only
 * same-origin scripts), inline styles only, every value escaped by the html template.
 */
const MERCHANT = 'Ticketing';

export function formatAmount(amountCents: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  // Minor units differ by currency (JPY has none, most have two).
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountCents / 10 ** digits);
}

const FAILURE_TEXT: Record<string, string> = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  authentication_failed: 'The payment was not confirmed with your bank.',
};

const STYLE = new Html(`
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px;
  font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1f36;background:#f6f8fb}
main{width:100%;max-width:420px;background:#fff;border-radius:12px;padding:32px;
  box-shadow:0 1px 3px rgba(16,24,40,.08),0 12px 32px rgba(16,24,40,.08)}
header{display:flex;justify-content:space-between;align-items:center;margin-bottom:24px}
.merchant{font-weight:600;font-size:18px}
.badge{font-size:12px;font-weight:600;color:#8a4b00;background:#fff4e0;border-radius:999px;padding:2px 10px}
.desc{color:#5b6478;margin:0}
.amount{font-size:32px;font-weight:700;margin:4px 0 24px;font-variant-numeric:tabular-nums}
label{display:block;font-size:14px;font-weight:600;margin-bottom:6px}
input{width:100%;font:inherit;font-size:18px;letter-spacing:.04em;padding:12px;border:1px solid #c9d0dc;
  border-radius:8px;font-variant-numeric:tabular-nums}
input:focus{outline:2px solid #3b5bdb;outline-offset:1px;border-color:#3b5bdb}
button,.button{display:block;width:100%;margin-top:16px;padding:12px;font:inherit;font-weight:600;
  text-align:center;text-decoration:none;border:0;border-radius:8px;background:#3b5bdb;color:#fff;cursor:pointer}
button:hover,.button:hover{background:#2f4ac0}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #c9d0dc}
.error{color:#b42318;background:#fef3f2;border-radius:8px;padding:10px 12px;margin:0 0 16px}
.hint{margin-top:24px;font-size:13px;color:#5b6478;border-top:1px solid #eef1f5;padding-top:16px}
.hint ul{list-style:none;padding:0;margin:8px 0 0}
.hint li{display:flex;justify-content:space-between;padding:2px 0}
.hint code{font-family:ui-monospace,Menlo,Consolas,monospace;color:#1a1f36}
.status{width:56px;height:56px;border-radius:50%;display:flex;align-items:center;justify-content:center;
  font-size:28px;font-weight:700;margin:0 auto 12px;color:#fff}
.ok{background:#12b76a}.ko{background:#d92d20}
h1{font-size:22px;margin:0 0 8px;text-align:center}
.center{text-align:center}
footer{margin-top:24px;font-size:12px;color:#8b93a7;text-align:center}
`);

function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${MERCHANT}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><span class="merchant">${MERCHANT}</span><span class="badge">Test mode</span></header>
${body}
<footer>Simulated payment gateway · no real money moves</footer>
</main>
</body>
</html>
`.value;
}

const summary = (p: TestpayPayment) => html`<p class="desc">${p.description}</p>
<p class="amount">${formatAmount(p.amountCents, p.currency)}</p>`;

/** The card form; `error` and `cardNumber` come back when the number was refused. */
export function paymentFormPage(
  p: TestpayPayment,
  opts: { error?: string; cardNumber?: string } = {},
): string {
  const cards = TEST_CARDS.map(
    (c) => html`<li><code>${formatCardNumber(c.number)}</code><span>${c.label}</span></li>`,
  );
  return page(
    'Pay',
    html`${summary(p)}
<form method="post" action="/pay/${p.id}/confirm">
${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ''}
<label for="card">Card number</label>
<input id="card" name="cardNumber" inputmode="numeric" autocomplete="cc-number" required
  maxlength="23" placeholder="4242 4242 4242 4242" value="${opts.cardNumber ?? ''}"${opts.error ? new Html(' aria-invalid="true" autofocus') : ''}>
<button type="submit">Pay ${formatAmount(p.amountCents, p.currency)}</button>
</form>
<div class="hint">Test cards (any other number is refused):
<ul>${cards}</ul></div>`,
  );
}

/** The simulated 3-D Secure step. */
export function actionPage(p: TestpayPayment): string {
  return page(
    'Confirm payment',
    html`<h1>Confirm this payment (3-D Secure simulation)</h1>
<p class="center desc">Your bank asks you to confirm a payment of
<strong>${formatAmount(p.amountCents, p.currency)}</strong> to ${MERCHANT}${p.cardLast4 ? html` with the card ending in ${p.cardLast4}` : ''}.</p>
<form method="post" action="/pay/${p.id}/authenticate">
<button type="submit" name="approve" value="true">Approve</button>
<button type="submit" name="approve" value="false" class="secondary">Decline</button>
</form>`,
  );
}

/** Succeeded, failed or refunded: what happened, and the way back to the merchant. */
export function resultPage(p: TestpayPayment): string {
  const ok = p.status === 'succeeded' || p.status === 'refunded';
  const title =
    p.status === 'succeeded'
      ? 'Payment successful'
      : p.status === 'refunded'
        ? 'Payment refunded'
        : 'Payment failed';
  const detail = ok
    ? html`${formatAmount(p.amountCents, p.currency)} paid to ${MERCHANT}.`
    : (FAILURE_TEXT[p.failureReason ?? ''] ?? 'The payment did not go through.');
  return page(
    title,
    html`<div class="status ${ok ? 'ok' : 'ko'}" aria-hidden="true">${ok ? '✓' : '✕'}</div>
<h1>${title}</h1>
<p class="center desc">${detail}</p>
<a class="button" href="${returnLink(p.returnUrl, p.id, p.status)}">Return to ${MERCHANT}</a>`,
  );
}

/** A short message page: unknown payment, refused request. */
export function messagePage(title: string, text: string): string {
  return page(
    title,
    html`<h1>${title}</h1>
<p class="center desc">${text}</p>`,
  );
}

export function pageFor(p: TestpayPayment): string {
  if (p.status === 'requires_payment') return paymentFormPage(p);
  if (p.status === 'requires_action') return actionPage(p);
  return resultPage(p);
}
