import { z } from "zod";
import { defineApiArea } from "../operation";

export const referenceArea = defineApiArea({
  tag: { name: "Reference", description: "This document." },
  operations: [
    {
      auth: "public",
      method: "GET",
      path: "/api/v1/openapi.json",
      operationId: "openApiDocument",
      summary: "This OpenAPI 3.1 document",
      description: "Made from the endpoints' own zod schemas. Cacheable.",
      response: {
        status: 200,
        description: "The OpenAPI document",
        schema: z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) }).loose(),
      },
    },
  ],
});
