import { z } from "zod";
import { DEFAULT_COLUMNS, MAX_COLUMNS } from "./columns";

const idSchema = z.string().min(1).max(64);

/** `?cols=email,country,orders`: the list's chosen columns, in order; absent means the defaults. */
const columnsParamSchema = z
  .string()
  .max(4000)
  .optional()
  .transform((raw) =>
    raw === undefined
      ? [...DEFAULT_COLUMNS]
      : [
          ...new Set(
            raw
              .split(",")
              .map((key) => key.trim())
              .filter(Boolean),
          ),
        ],
  )
  .pipe(z.array(z.string().max(200)).max(MAX_COLUMNS))
  .catch([...DEFAULT_COLUMNS]);

/** The profiles list's query string; a bad value falls back to its default, never to an error page. */
export const profileListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  cols: columnsParamSchema,
});
export type ProfileListQuery = z.infer<typeof profileListQuerySchema>;

/** The `[profileId]` segment of a profile page's URL. */
export const profileIdSchema = idSchema;

/** Where a timeline page starts: strictly after (older than) this event. */
export const timelineCursorSchema = z.object({
  occurredAt: z.iso.datetime({ offset: true }),
  id: z.string().regex(/^\d{1,19}$/),
});
export type TimelineCursor = z.infer<typeof timelineCursorSchema>;

/** One page of a profile's timeline: newest first, optionally one event name only. */
export const timelineInputSchema = z.object({
  profileId: idSchema,
  name: z.string().trim().max(200).nullish(),
  cursor: timelineCursorSchema.nullish(),
});

/** Recomputing RFM takes no field: scores are quintiles over the whole workspace. */
export const recomputeRfmSchema = z.object({});
