import { closeDb } from "@lagebild/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "../src/app/api/ingest/route.ts";
import { createCaller } from "../src/server/routers/_app.ts";
import { createContextInner } from "../src/server/trpc.ts";
import { openTestDb, type TestDb } from "./support/db.ts";

const TOKEN = "s3cret-test-token";

const ARTICLE = [
  "Maskat. Der iranische Außenminister Abbas Araghtschi und der US-Sondergesandte Steve Witkoff haben am Freitag in Maskat verhandelt.",
  "„Es war ein guter Anfang“, sagte Araghtschi nach dem Treffen.",
  "US-Präsident Donald Trump drohte Iran dennoch mit einem Militärschlag.",
].join(" ");

let t: TestDb;
const saved = { url: process.env.DATABASE_URL, token: process.env.LAGEBILD_INGEST_TOKEN };
beforeAll(async () => {
  t = await openTestDb();
  process.env.DATABASE_URL = t.url;
});
afterAll(async () => {
  await closeDb();
  for (const [k, v] of [["DATABASE_URL", saved.url], ["LAGEBILD_INGEST_TOKEN", saved.token]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await t?.close();
});
beforeEach(async () => {
  await t.reset();
  process.env.LAGEBILD_INGEST_TOKEN = TOKEN;
});

const caller = (token: string | null, ingestToken: string | null = TOKEN) => createCaller(createContextInner({ db: t.db, token, ingestToken }));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
  throw new Error("expected the call to fail");
}

describe("ingest.submit (tRPC)", () => {
  const input = { text: ARTICLE, title: "Gespräche in Maskat", outlet: "Spiegel", published: "2026-02-07" };

  it("is refused when the server has no token configured, even with a token", async () => {
    expect(await codeOf(caller(TOKEN, null).ingest.submit(input))).toBe("FORBIDDEN");
    expect(await codeOf(caller(null, "").ingest.submit(input))).toBe("FORBIDDEN");
    expect(await t.db.article.count()).toBe(0);
  });

  it("is refused without a token and with a wrong token", async () => {
    expect(await codeOf(caller(null).ingest.submit(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller("wrong-token").ingest.submit(input))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller(`${TOKEN}x`).ingest.submit(input))).toBe("UNAUTHORIZED");
    expect(await t.db.article.count()).toBe(0);
  });

  it("runs the pipeline and stores the article with the right token; a resubmission changes nothing", async () => {
    const res = await caller(TOKEN).ingest.submit(input);
    expect(res.status).toBe("new");
    expect(res.title).toBe("Gespräche in Maskat");
    const article = await caller(null).articles.byId({ id: res.articleId });
    expect(article.outlet).toBe("Spiegel");
    expect(article.published?.value).toBe("2026-02-07");
    expect(article.text).toContain("Es war ein guter Anfang");
    const run = await caller(null).overview.summary({});
    expect(run.lastRun).toMatchObject({ origin: "http", articlesNew: 1 });

    const again = await caller(TOKEN).ingest.submit(input);
    expect(again).toMatchObject({ status: "unchanged", articleId: res.articleId });
    expect(await t.db.article.count()).toBe(1);
  });

  it("rejects invalid input with zod (after the token check)", async () => {
    expect(await codeOf(caller(TOKEN).ingest.submit({ text: "zu kurz" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(TOKEN).ingest.submit({ ...input, url: "not a url" }))).toBe("BAD_REQUEST");
    expect(await codeOf(caller(TOKEN).ingest.submit({ ...input, published: "7.2.2026" }))).toBe("BAD_REQUEST");
    expect(await t.db.article.count()).toBe(0);
  });
});

describe("POST /api/ingest", () => {
  const post = (body: BodyInit, headers: Record<string, string>) => POST(new Request("http://localhost/api/ingest", { method: "POST", body, headers }));
  const json = (obj: unknown, token?: string) =>
    post(JSON.stringify(obj), { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) });

  it("answers 403 when no token is configured, 401 without or with a wrong token", async () => {
    delete process.env.LAGEBILD_INGEST_TOKEN;
    expect((await json({ text: ARTICLE }, TOKEN)).status).toBe(403);
    process.env.LAGEBILD_INGEST_TOKEN = TOKEN;
    expect((await json({ text: ARTICLE })).status).toBe(401);
    expect((await json({ text: ARTICLE }, "nope")).status).toBe(401);
    expect(await t.db.article.count()).toBe(0);
  });

  it("accepts a JSON SubmittedArticle with the token (also as x-lagebild-token)", async () => {
    const res = await json({ text: ARTICLE, outlet: "Zeit", title: "Verhandlungen" }, TOKEN);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { articleId: string; url: string; status: string };
    expect(body.url).toBe(`/articles/${body.articleId}`);
    const stored = await t.db.article.findUnique({ where: { id: body.articleId }, select: { outlet: true, title: true } });
    expect(stored).toEqual({ outlet: "Zeit", title: "Verhandlungen" });
    const again = await post(JSON.stringify({ text: ARTICLE }), { "content-type": "application/json", "x-lagebild-token": TOKEN });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe("unchanged");
  });

  it("reads an uploaded Markdown file with front matter like the CLI does", async () => {
    const md = `---\ntitle: Trump droht Iran\noutlet: Tagesschau\npublished: 2026-02-08\n---\n\n${ARTICLE}\n`;
    const form = new FormData();
    form.set("file", new File([md], "trump.md", { type: "text/markdown" }));
    const res = await post(form, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { articleId: string };
    const stored = await t.db.article.findUnique({ where: { id: body.articleId }, select: { title: true, outlet: true, publishedValue: true, file: true } });
    expect(stored).toEqual({ title: "Trump droht Iran", outlet: "Tagesschau", publishedValue: "2026-02-08", file: "trump.md" });
  });

  it("rejects invalid bodies: short text, bad JSON, a binary file, a wrong content type", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const short = await json({ text: "kurz" }, TOKEN);
    expect(short.status).toBe(400);
    expect(((await short.json()) as { details: { field: string }[] }).details[0]!.field).toBe("text");
    expect((await post("{not json", { ...auth, "content-type": "application/json" })).status).toBe(400);
    const form = new FormData();
    form.set("file", new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3])], "archiv.txt"));
    const binary = await post(form, auth);
    expect(binary.status).toBe(422);
    expect(((await binary.json()) as { error: string }).error).toMatch(/binary/);
    expect((await post("text", { ...auth, "content-type": "text/plain" })).status).toBe(415);
    expect(await t.db.article.count()).toBe(0);
  });
});
