import type { PreparedPlan } from './prepare.ts';

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** Categories with their colour and how many places each has, as a real list for screen readers. */
export function PlanLegend({ prepared }: { prepared: PreparedPlan }) {
  return (
    <figcaption className="plan-legend">
      <ul aria-label="Seating categories">
        {prepared.legend.map((entry) => (
          <li key={entry.key}>
            <span className="plan-swatch" style={{ background: entry.color }} aria-hidden="true" />
            <span className="plan-legend-label">{entry.label}</span>
            <span className="plan-legend-count">
              {[
                entry.seats > 0 || entry.standing === 0 ? count(entry.seats, 'seat', 'seats') : null,
                entry.standing > 0 ? `${entry.standing.toLocaleString()} standing` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
        {prepared.accessibleSeats > 0 ? (
          <li>
            <span className="plan-swatch plan-swatch-accessible" aria-hidden="true" />
            <span className="plan-legend-label">Wheelchair spaces</span>
            <span className="plan-legend-count">{prepared.accessibleSeats.toLocaleString()}</span>
          </li>
        ) : null}
      </ul>
      <p className="plan-total">
        <strong>{prepared.capacity.toLocaleString()}</strong> places in total
      </p>
    </figcaption>
  );
}
