import "server-only";

import { notFound } from "next/navigation";
import { Id } from "@lagebild/model";
import { serverDb } from "../server/db.ts";

export type RecordKind = "article" | "event" | "actor";

/**
 * Answers 404 for an id that is malformed or not in the database. Called from the `[id]` layouts, which render
 * before the page's loading boundary starts streaming: so `notFound()` still sets the HTTP status (once the loading
 * UI has been sent, the status is already 200). One lookup by primary key.
 */
export async function requireRecord(kind: RecordKind, id: string): Promise<void> {
  if (!Id.safeParse(id).success) notFound();
  const db = serverDb();
  const where = { where: { id }, select: { id: true } } as const;
  const row = kind === "article" ? await db.article.findUnique(where) : kind === "event" ? await db.event.findUnique(where) : await db.actor.findUnique(where);
  if (!row) notFound();
}
