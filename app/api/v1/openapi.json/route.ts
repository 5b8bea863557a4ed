// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the public API, made from the endpoints' zod schemas (no key)
import { JsonText } from "@/lib/api/endpoint";
import { openApiDocument } from "@/lib/api/openapi";
import { answer, apiRoute } from "@/lib/api/route";

/** The document's JSON text, made on the first request and then served as it is. */
let text: JsonText | undefined;

export const GET = apiRoute({ auth: "public" }, async () =>
  answer(200, (text ??= new JsonText(JSON.stringify(openApiDocument()))), {
    "cache-control": "public, max-age=300",
    "x-content-type-options": "nosniff",
  }),
);
