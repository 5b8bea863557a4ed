// POST /w/:workspace/settings/data/import — streams a CRM CSV (customers or orders) into profiles and events
import { z } from "zod";
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { ApiError, apiIssues } from "@/lib/api/errors";
import { unstorablePath } from "@/lib/json/storable";
import { recordAudit } from "@/lib/audit/db/record-audit";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/imports/runtime/run-import";
import { importMappingSchema } from "@/lib/imports/schema";

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

export const POST = dashboardRoute<{ workspace: string }>(
  { role: "editor" },
  async ({ request, userId, workspace }) => {
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
    const job = await runImport({
      workspace,
      userId,
      fileName: headers.data.fileName,
      mapping: mapping.data,
      body: request.body,
      declaredSha256: headers.data.sha256,
    });
    await recordAudit(db, workspace.id, { kind: "user", id: userId }, [
      {
        action: "import.run",
        targetType: "import_job",
        targetId: job.id,
        after: {
          kind: job.kind,
          fileName: job.fileName,
          totalRows: job.totalRows,
          importedRows: job.importedRows,
          failedRows: job.failedRows,
        },
      },
    ]);
    return {
      id: job.id,
      status: job.status,
      totalRows: job.totalRows,
      importedRows: job.importedRows,
      failedRows: job.failedRows,
      issues: (job.issues as unknown[]).slice(0, 100),
    };
  },
);
