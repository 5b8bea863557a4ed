import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A GET form: the search lands in the URL, and the chosen columns ride along in a hidden field. */
export function ProfileSearchForm({ q, cols }: { q?: string; cols: string | null }) {
  return (
    <form role="search" className="flex gap-2">
      <Input
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Email, user id or trait"
        aria-label="Search profiles"
        className="w-72"
      />
      {cols !== null ? <input type="hidden" name="cols" value={cols} /> : null}
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
