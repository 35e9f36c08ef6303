/**
 * An actor can take part in one event in several roles (initiator and participant, …); the event's participant list
 * then holds it once per role. Views list each actor once, with all its roles.
 */
export interface RoledActor {
  id: string;
  name: string;
  role: string;
}

export interface GroupedActor {
  id: string;
  name: string;
  roles: string[];
}

/** One entry per actor (in order of first appearance), with its roles in order and without repeats. */
export function groupParticipants(participants: readonly RoledActor[]): GroupedActor[] {
  const byId = new Map<string, GroupedActor>();
  for (const p of participants) {
    const g = byId.get(p.id);
    if (!g) byId.set(p.id, { id: p.id, name: p.name, roles: [p.role] });
    else if (!g.roles.includes(p.role)) g.roles.push(p.role);
  }
  return [...byId.values()];
}

/** One entry per item id (e.g. an actor's events, listed once per role), with the roles gathered in `roles`. */
export function groupByIdWithRoles<T extends { id: string; role: string }>(items: readonly T[]): (T & { roles: string[] })[] {
  const byId = new Map<string, T & { roles: string[] }>();
  for (const it of items) {
    const g = byId.get(it.id);
    if (!g) byId.set(it.id, { ...it, roles: [it.role] });
    else if (!g.roles.includes(it.role)) g.roles.push(it.role);
  }
  return [...byId.values()];
}

/** `["initiator"]` → "initiator"; `["initiator", "participant"]` → "initiator and participant"; three → "a, b and c". */
export function rolesLabel(roles: readonly string[]): string {
  if (roles.length <= 1) return roles[0] ?? "";
  return `${roles.slice(0, -1).join(", ")} and ${roles[roles.length - 1]}`;
}
