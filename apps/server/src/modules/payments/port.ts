/**
 * The payment provider port: what the platform needs from a PSP. The built-in simulated gateway
 * (./testpay) implements it; a real provider adapter would too. The platform never learns the
 * outcome of a payment from these calls: only a verified webhook (see webhook-format.ts) says a
 * payment succeeded, failed or was refunded.
 */
export type ProviderPaymentStatus =
  | 'requires_payment'
  | 'requires_action'
  | 'succeeded'
  | 'failed'
  | 'refunded';

export interface CreatePaymentInput {
  /** The platform's order id; the provider treats a second call with the same orderId as the same payment. */
  orderId: string;
  amountCents: number;
  currency: string;
  description: string;
  /** Where the hosted page sends the buyer back after paying (absolute or site-relative URL). */
  returnUrl: string;
}

export interface CreatedPayment {
  providerRef: string;
  status: ProviderPaymentStatus;
  /** The provider's hosted payment page for this payment. */
  redirectUrl: string;
}

export interface RefundInput {
  providerRef: string;
  amountCents: number;
  /** Platform-chosen id; a second call with the same refundId is the same refund. */
  refundId: string;
  reason: string;
}

export interface PaymentProvider {
  readonly name: string;
  createPayment(input: CreatePaymentInput): Promise<CreatedPayment>;
  refund(input: RefundInput): Promise<{ refundRef: string }>;
}
