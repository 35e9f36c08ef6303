import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Dossier } from "./dossier.ts";

const dossierDir = fileURLToPath(new URL("../dossiers/", import.meta.url));

/** Reads and validates a dossier data file (JSON). Throws a readable error when it does not fit the schema. */
export function loadDossierFile(path: string): Dossier {
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  const parsed = Dossier.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid dossier ${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The dossiers shipped with the model, by id. */
export function bundledDossiers(): Dossier[] {
  return readdirSync(dossierDir).filter((f) => f.endsWith(".json")).sort().map((f) => loadDossierFile(dossierDir + f));
}

export const DEFAULT_DOSSIER_ID = "us-iran-2026";

export function loadDossier(id: string = DEFAULT_DOSSIER_ID): Dossier {
  const found = bundledDossiers().find((d) => d.id === id);
  if (!found) throw new Error(`unknown dossier ${id}`);
  return found;
}
