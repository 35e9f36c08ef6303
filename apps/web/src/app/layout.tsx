import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { NavLinks } from "../components/NavLinks.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lagebild", template: "%s · Lagebild" },
  description: "Events, actors, places, quotes and positions extracted from German news, each linked to its source sentence.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              Lagebild<small>US–Iran talks 2026</small>
            </Link>
            <NavLinks />
          </div>
        </header>
        {/* The tRPC / TanStack Query provider is mounted by the pages whose client components query (the article list, the
            add form), so the other views do not ship the query client to the browser. */}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          Every fact links back to the sentence it came from. Extracted automatically — check the evidence.
        </footer>
      </body>
    </html>
  );
}
