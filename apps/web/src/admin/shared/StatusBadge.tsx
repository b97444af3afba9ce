const tones: Record<string, string> = {
  draft: 'badge',
  published: 'badge badge-success',
  cancelled: 'badge badge-danger',
  ended: 'badge badge-warning',
};
const labels: Record<string, string> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
  ended: 'Ended',
};

/** Status of an event or a session. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={tones[status] ?? 'badge'}>
      <span className="dot" aria-hidden="true" />
      {labels[status] ?? status}
    </span>
  );
}
