import { LoadingBlock } from "~/components/ui.tsx";

export default function Loading() {
  return <LoadingBlock label="Loading positions…" lines={8} />;
}
