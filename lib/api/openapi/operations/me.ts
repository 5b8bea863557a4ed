import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/api-keys/secret";
import { defineApiArea } from "../operation";

const meAnswerSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }).describe("The key's workspace"),
  scopes: z.array(z.enum(API_KEY_SCOPES)).describe("What the key may do"),
});

export const meArea = defineApiArea({
  tag: { name: "Keys", description: "Which workspace a key belongs to, and what it may do." },
  operations: [
    {
      auth: "any",
      method: "GET",
      path: "/api/v1/me",
      operationId: "me",
      summary: "The key's workspace and scopes",
      response: {
        status: 200,
        description: "The key's workspace and scopes",
        schema: meAnswerSchema,
        example: { workspace: { id: "cm9w1", name: "Acme Shop", slug: "acme-shop" }, scopes: ["decide", "ingest"] },
      },
    },
  ],
});
