/** A hue (0–359) that stays the same for the same product. */
function hueOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/**
 * A generated placeholder for a product photo: a soft two-tone gradient with
 * the product's initials; no image files, no network.
 */
export function ProductImage({ id, name, className = "" }: { id: string; name: string; className?: string }) {
  const hue = hueOf(id);
  const initials = name
    .split(/[\s–-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return (
    <div
      role="img"
      aria-label={`Picture of ${name}`}
      className={`flex aspect-square items-center justify-center rounded-lg ${className}`}
      style={{ background: `linear-gradient(135deg, hsl(${hue} 70% 88%), hsl(${(hue + 40) % 360} 55% 72%))` }}
    >
      <span aria-hidden className="text-3xl font-semibold tracking-wide text-white/90 drop-shadow-sm">
        {initials}
      </span>
    </div>
  );
}
