/** The ingest token the suite's dashboard is started with (LAGEBILD_INGEST_TOKEN). */
export const E2E_TOKEN = "e2e-secret-token";
