import type { Metadata } from "next";
import { PageHead } from "~/components/ui.tsx";
import { TRPCReactProvider } from "~/trpc/client.tsx";
import { AddArticleForm } from "./AddArticleForm.tsx";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add article" };

export default function AddPage() {
  // Only whether a token is configured reaches the browser, never the token.
  const enabled = Boolean(process.env.LAGEBILD_INGEST_TOKEN);
  return (
    <>
      <PageHead title="Add an article" />
      <div className="card" style={{ maxWidth: "52rem" }}>
        <TRPCReactProvider>
          <AddArticleForm enabled={enabled} />
        </TRPCReactProvider>
      </div>
    </>
  );
}
