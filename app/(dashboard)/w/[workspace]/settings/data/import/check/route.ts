// POST /w/:workspace/settings/data/import/check — a dry run of an import: what it would do, nothing written
import { dashboardRoute } from "@/lib/api/dashboard-route";
import { checkImport } from "@/lib/imports/runtime/check-import";
import { importRequest } from "@/lib/imports/runtime/import-request";

export const POST = dashboardRoute<{ workspace: string }>({ role: "editor" }, async ({ request, workspace }) => {
  const upload = importRequest(request);
  return checkImport({ workspace, mapping: upload.mapping, body: upload.body, declaredSha256: upload.sha256 });
});
