import { LoadingBlock } from "~/components/ui.tsx";

export default function Loading() {
  return <LoadingBlock label="Loading the timeline…" lines={8} />;
}
