/** Decorative: a ticket as the product delivers it. Hidden from assistive technology. */
const qr = Array.from({ length: 49 }, (_, i) => ((i * 7919) % 11) % 3 !== 0 || [0, 6, 42, 48].includes(i));

export function HeroTicket() {
  return (
    <div className="hero-art" aria-hidden="true">
      <div className="hero-ticket hero-ticket-back" />
      <div className="hero-ticket">
        <div className="hero-ticket-main">
          <span className="hero-ticket-kind">Concert · Admit one</span>
          <strong className="hero-ticket-title">Summer Nights Live</strong>
          <span className="hero-ticket-venue">Riverside Stadium</span>
          <dl className="hero-ticket-seat">
            <div>
              <dt>Block</dt>
              <dd>C</dd>
            </div>
            <div>
              <dt>Row</dt>
              <dd>12</dd>
            </div>
            <div>
              <dt>Seat</dt>
              <dd>18</dd>
            </div>
          </dl>
        </div>
        <div className="hero-ticket-stub">
          <span className="hero-ticket-date">
            SAT
            <b>14</b>
            JUN
          </span>
          <span className="hero-ticket-qr">
            {qr.map((on, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed decorative pattern
              <i key={i} data-on={on} />
            ))}
          </span>
        </div>
      </div>
    </div>
  );
}
