import { z } from "zod";
import { ApiError, apiIssues } from "@/lib/api/errors";
import { unstorablePath } from "@/lib/json/storable";
import { importMappingSchema, type ImportMapping } from "../schema";

const headersSchema = z.object({
  fileName: z.string().trim().min(1, "name the file").max(200),
  mapping: z
    .string()
    .max(16_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(Buffer.from(text, "base64").toString("utf8")) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "is not base64 JSON" });
        return z.NEVER;
      }
    }),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/**
 * An upload of the import wizard (the import and its dry run): the file as the body, its name, column
 * mapping (base64 JSON) and SHA-256 in headers. Throws a 400 `ApiError` naming the field and reason.
 */
export function importRequest(request: Request): {
  fileName: string;
  mapping: ImportMapping;
  sha256?: string;
  body: ReadableStream<Uint8Array>;
} {
  const headers = headersSchema.safeParse({
    fileName: request.headers.get("x-file-name") ?? "",
    mapping: request.headers.get("x-import-mapping") ?? "",
    sha256: request.headers.get("x-file-sha256") ?? undefined,
  });
  if (!headers.success) throw new ApiError("invalid_body", "The import request is invalid", apiIssues(headers.error));
  const bad = unstorablePath(headers.data.mapping);
  if (bad)
    throw new ApiError("invalid_body", "The column mapping is invalid", [
      { path: ["mapping", ...bad.path].join("."), message: bad.message },
    ]);
  const mapping = importMappingSchema.safeParse(headers.data.mapping);
  if (!mapping.success) throw new ApiError("invalid_body", "The column mapping is invalid", apiIssues(mapping.error));
  if (!request.body) throw new ApiError("invalid_body", "The file is empty");
  return { fileName: headers.data.fileName, mapping: mapping.data, sha256: headers.data.sha256, body: request.body };
}
