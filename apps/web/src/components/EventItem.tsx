import Link from "next/link";
import { formatFuzzyDate } from "../lib/format.ts";
import { kindLabel } from "../lib/kinds.ts";
import { groupParticipants } from "../lib/participants.ts";

export interface EventItemData {
  id: string;
  kind: string;
  summary: string;
  status: string;
  date: string | null;
  independentSources: number;
  reportCount: number;
  participants: { id: string; name: string; role: string }[];
  places: { id: string; name: string }[];
}

/** One event in a list: date, kind, summary (link to its evidence), who, where, how many sources. */
export function EventItem({ e }: { e: EventItemData }) {
  // An actor with two roles in the event is listed once.
  const who = groupParticipants(e.participants);
  return (
    <li data-event={e.id}>
      <div>
        <Link href={`/events/${e.id}`} className="item-title">
          {e.summary}
        </Link>
      </div>
      <div className="meta">
        <span>
          <time dateTime={e.date ?? undefined}>{formatFuzzyDate(e.date)}</time>
        </span>
        <span className="badge badge--kind">{kindLabel(e.kind)}</span>
        {e.status !== "reported" && <span className="badge badge--warn">{e.status}</span>}
        <span className={e.independentSources >= 2 ? "badge badge--ok" : "badge"} title="Independent sources (agency copies count once)">
          {e.independentSources} {e.independentSources === 1 ? "source" : "sources"}
        </span>
        {who.length > 0 && (
          <span>
            {who.slice(0, 4).map((p, i) => (
              <span key={p.id}>
                {i > 0 && ", "}
                <Link href={`/actors/${p.id}`}>{p.name}</Link>
              </span>
            ))}
            {who.length > 4 && <span title={who.slice(4).map((p) => p.name).join(", ")}>{` +${who.length - 4} more`}</span>}
          </span>
        )}
        {e.places.length > 0 && <span>in {e.places.map((p) => p.name).join(", ")}</span>}
      </div>
    </li>
  );
}
