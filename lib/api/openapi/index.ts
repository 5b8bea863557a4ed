import pkg from "@/package.json";
import { buildOpenApiDocument, type OpenApiDocument } from "./document";
import { API_AREAS } from "./operations";

export { buildOpenApiDocument, errorStatusesOf, type OpenApiDocument } from "./document";
export { defineApiArea, type ApiArea, type ApiOperation } from "./operation";
export { API_AREAS } from "./operations";

let made: OpenApiDocument | undefined;

/** The document of the public API (`GET /api/v1/openapi.json`): made once per process, on first use. */
export function openApiDocument(): OpenApiDocument {
  return (made ??= buildOpenApiDocument({
    title: `${pkg.name.charAt(0).toUpperCase()}${pkg.name.slice(1)} API`,
    version: pkg.version,
    areas: API_AREAS,
  }));
}
