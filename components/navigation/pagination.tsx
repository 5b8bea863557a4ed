import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { formatInteger } from "@/lib/format";

/** Previous / next links that keep the other query parameters. */
export function Pagination({
  page,
  pages,
  total,
  href,
}: {
  page: number;
  pages: number;
  total: number;
  href: (page: number) => string;
}) {
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-gray-600">
      <span>
        Page {formatInteger(page)} of {formatInteger(pages)} · {formatInteger(total)} in all
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClasses("secondary", "sm")} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={buttonClasses("secondary", "sm")} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
