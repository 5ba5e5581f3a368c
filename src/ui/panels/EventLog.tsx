import { useEffect, useRef } from 'react';
import { useRun } from '../../store/react';
import { formatSimTime } from '../format';

export function EventLog() {
  const log = useRun((r) => r.log);
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);
  return (
    <section className="panel event-log" aria-labelledby="log-heading">
      <h2 id="log-heading">Event log</h2>
      <ol ref={ref} role="log" aria-live="off">
        {log.map((l) => (
          <li key={l.id} className={`log-${l.kind}`}><time>{formatSimTime(l.time)}</time> {l.text}</li>
        ))}
      </ol>
    </section>
  );
}
