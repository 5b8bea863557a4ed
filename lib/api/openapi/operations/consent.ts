import { z } from "zod";
import { MAX_EVENT_BYTES } from "@/lib/events/limits";
import { consentBodySchema } from "@/lib/events/schema";
import { defineApiArea } from "../operation";

const consentAnswerSchema = z.object({
  success: z.literal(true),
  profileId: z.string().optional().describe("The person's profile (write and admin keys only)"),
});

export const consentArea = defineApiArea({
  tag: {
    name: "Consent",
    description:
      "A person's consent per purpose: analytics, personalization, marketing. Every change is kept with its date.",
  },
  components: { ConsentBody: consentBodySchema },
  fieldDocs: [
    [
      consentBodySchema,
      {
        consent:
          "At least one purpose, each true (allowed) or false (refused). A profile that refused analytics has no events stored; no statement counts as consent",
        timestamp:
          "When the choice was made (write and admin keys only: a client key's consent is dated when it arrives)",
      },
    ],
  ],
  operations: [
    {
      auth: "ingest",
      cors: true,
      keyInBody: true,
      method: "POST",
      path: "/api/v1/consent",
      operationId: "setConsent",
      summary: "Record a person's consent per purpose",
      description:
        "`userId` or `anonymousId` is required. The choices are committed before the answer (never only buffered, also on decision servers). While analytics is allowed the change is also an event on the person's timeline.",
      body: consentBodySchema,
      bodyExample: { anonymousId: "a-1", consent: { analytics: false, marketing: false } },
      maxBytes: MAX_EVENT_BYTES,
      response: {
        status: 200,
        description: "Recorded",
        schema: consentAnswerSchema,
        example: { success: true, profileId: "cm9x2k1d40000abcd1234efgh" },
      },
    },
  ],
});
