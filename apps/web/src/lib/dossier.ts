import "server-only";

import type { DossierWindow } from "@lagebild/model";
import { bundledDossiers, DEFAULT_DOSSIER_ID } from "@lagebild/model/node";

const windows = new Map<string, DossierWindow | null>();

/**
 * The "current crisis" window of a dossier, from its data file (`window`); null when the dossier names none or is not
 * shipped with the model. The files ship with the app, so each is read once per server process.
 */
export function dossierWindow(id: string = DEFAULT_DOSSIER_ID): DossierWindow | null {
  if (!windows.has(id)) windows.set(id, bundledDossiers().find((d) => d.id === id)?.window ?? null);
  return windows.get(id)!;
}
