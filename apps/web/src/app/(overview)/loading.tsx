import { LoadingBlock } from "~/components/ui.tsx";

export default function Loading() {
  return <LoadingBlock />;
}
