"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/map", label: "Map" },
  { href: "/timeline", label: "Timeline" },
  { href: "/positions", label: "Positions" },
  { href: "/articles", label: "Articles" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Main navigation; marks the current section with aria-current. */
export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={isCurrent(pathname, l.href) ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/add" className="nav-add" aria-current={isCurrent(pathname, "/add") ? "page" : undefined}>
            + Add article
          </Link>
        </li>
      </ul>
    </nav>
  );
}
