const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Quick date ranges in the viewer's calendar: today, this weekend (Fri–Sun), the next 7 and 30 days. */
export function datePresets(now = new Date()) {
  const today = addDays(now, 0);
  const day = today.getDay(); // 0 Sunday … 6 Saturday
  // From Friday, or from today when the weekend has begun.
  const weekendStart = day === 0 || day === 6 ? today : addDays(today, 5 - day);
  const sunday = day === 0 ? today : addDays(today, 7 - day);
  return [
    { label: 'Today', from: iso(today), to: iso(today) },
    { label: 'Weekend', from: iso(weekendStart), to: iso(sunday) },
    { label: 'Next 7 days', from: iso(today), to: iso(addDays(today, 6)) },
    { label: 'Next 30 days', from: iso(today), to: iso(addDays(today, 29)) },
  ];
}
