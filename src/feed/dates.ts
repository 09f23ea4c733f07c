// Feed dates → ISO 8601 UTC. The grammar (ISO 8601, RFC 822 and its relatives, zone names, month
// names in several languages) is the shared one in src/text/datetime.ts.
import { parseDateTime, toUtcIso } from '../text/datetime.js';

/**
 * Parses a feed date; returns 'YYYY-MM-DDTHH:MM:SSZ' (UTC) or null when it cannot be read.
 * A missing time is midnight; a missing zone is UTC (as feedparser does).
 */
export function parseFeedDate(value: string | null | undefined): string | null {
  const parts = parseDateTime(value);
  return parts ? toUtcIso(parts) : null;
}
