/** The ordering rules of a session's times, pure so they are tested directly. */
export type SessionTimes = { startsAt: Date; endsAt: Date; salesOpenAt: Date; salesCloseAt: Date };

export function sessionTimeProblems(t: SessionTimes): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!(t.endsAt > t.startsAt))
    problems.push({ path: 'endsAt', message: 'The session must end after it starts' });
  if (!(t.salesOpenAt < t.startsAt))
    problems.push({ path: 'salesOpenAt', message: 'Sales must open before the session starts' });
  if (!(t.salesCloseAt > t.salesOpenAt))
    problems.push({ path: 'salesCloseAt', message: 'Sales must close after they open' });
  if (t.salesCloseAt > t.endsAt)
    problems.push({ path: 'salesCloseAt', message: 'Sales cannot close after the session ends' });
  return problems;
}
