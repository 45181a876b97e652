import { defineRoute, json } from "../../http/route";
import { restOpenApiDocument } from "./rest-openapi-document";

/** The REST API's OpenAPI 3 description, public so tools can fetch it without a token. */
defineRoute("rest-openapi", {
  methods: ["GET"],
  route: "rest/openapi.json",
  auth: "public",
  handler: async ({ request }) => {
    const origin = new URL(request.url).origin;
    return json(restOpenApiDocument(`${origin}/api`), 200, { "Cache-Control": "public, max-age=3600" });
  },
});
