import type { ReactNode } from "react";
import { requireRecord } from "~/lib/exists.ts";

/**
 * Checks that the actor exists before anything is sent: an unknown id answers HTTP 404. (The page below streams behind
 * its loading UI; a `notFound()` from there would come after a 200 had gone out.)
 */
export default async function ActorLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  await requireRecord("actor", (await params).id);
  return children;
}
