import { MAX_REST_COUNT, MAX_REST_ENTRIES } from "../../contracts/rest-users";
import { ASSIGNABLE_ROLES, ROLE_IDS } from "../../domain/roles";
import { groupRulePaths, groupRuleSchemas } from "./rest-openapi-group-rules";

/**
 * OpenAPI 3.0 description of the REST API for automation (7pace-compatible), written by hand
 * beside the zod schemas it describes; the integration tests validate it and check that it
 * names every REST route and the limits the handlers enforce.
 */
const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

const roleRef = {
  type: "object",
  description: `A role by name or by id: ${ASSIGNABLE_ROLES.map((r) => `${r} = ${ROLE_IDS[r]}`).join(", ")}. Names are case-insensitive.`,
  properties: {
    name: { type: "string", enum: [...ASSIGNABLE_ROLES] },
    id: { type: "integer", enum: ASSIGNABLE_ROLES.map((r) => ROLE_IDS[r]) },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const tooMany = {
  description: "More than 10 requests per second or 100 per minute with this token.",
  headers: { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" } } },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

export function restOpenApiDocument(serverUrl: string): Record<string, unknown> {
  return {
    openapi: "3.0.3",
    info: {
      title: "Timetracker REST API",
      version: "1.0.0",
      description:
        "Automation API of Timetracker for Azure DevOps, compatible with 7pace Timetracker's /api/rest/users/roles. " +
        "Authenticate with a REST API token created in Timetracker Settings, as a Bearer token or as Basic authentication with an empty user name. " +
        "The token's owner must be a Timetracker Administrator or a Project Collection Administrator.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }, { basicToken: [] }],
    paths: {
      ...groupRulePaths(tooMany),
      "/rest/users/roles": {
        get: {
          operationId: "listUserRoles",
          summary: "Users and their Timetracker roles",
          parameters: [
            {
              name: "includeNoneRoles",
              in: "query",
              description:
                "false: the users who hold a Timetracker role (licensed), ordered by name. " +
                "true: every user of the organization, in the order Azure DevOps lists its users, read with the organization's service account; " +
                "users without a Timetracker role, including those who never opened Timetracker, have the role None. " +
                "Needs the service account (Timetracker Permissions › Service account): 409 without one.",
              schema: { type: "boolean", default: false },
            },
            {
              name: "$count",
              in: "query",
              description: "Users per page.",
              schema: { type: "integer", minimum: 1, maximum: MAX_REST_COUNT, default: 100 },
            },
            {
              name: "$skip",
              in: "query",
              description: "Users to skip, in the list's order (see includeNoneRoles).",
              schema: { type: "integer", minimum: 0, default: 0 },
            },
            {
              name: "$expand",
              in: "query",
              description: "user.displayName adds display names.",
              schema: { type: "string", enum: ["user.displayName"] },
            },
          ],
          responses: {
            "200": {
              description:
                "A page of users: the licensed ones, or with includeNoneRoles=true every user of the organization (None for those without a role).",
              content: { "application/json": { schema: { $ref: "#/components/schemas/UserRoles" } } },
            },
            "400": errorResponse("A query parameter is not valid."),
            "401": errorResponse("No token, or a token that is not valid (revoked)."),
            "403": errorResponse("The token's owner may no longer manage users."),
            "409": errorResponse("includeNoneRoles=true, and the organization's service account is not configured."),
            "429": tooMany,
          },
        },
        post: {
          operationId: "assignUserRoles",
          summary: "Assign roles",
          description:
            "Entries are independent: a bad entry fails alone with its reason. The seat limit is checked for the whole request, and its seats are held while it is written: a request that fits is never cut short by another taking the seats, one that does not writes nothing. " +
            "Users Timetracker has not seen yet are looked up with the organization's service account. " +
            "A token's owner who manages users only through their Timetracker Administrator role (not a Project Collection Administrator, as the service account says) cannot take that role from themselves: that entry fails.",
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/AssignRequest" } } },
          },
          responses: {
            "200": {
              description: "At least one entry was applied.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/AssignResult" } } },
            },
            "400": errorResponse("The body is not valid (not JSON, no users list, more than the maximum entries)."),
            "401": errorResponse("No token, or a token that is not valid (revoked)."),
            "403": errorResponse("The token's owner may no longer manage users."),
            "409": errorResponse(
              "Not enough seats for the request (nothing was written), or the service account is not configured.",
            ),
            "422": {
              description: "No entry could be applied; failedEntries says why for each.",
              content: {
                "application/json": {
                  schema: {
                    allOf: [{ $ref: "#/components/schemas/AssignResult" }, { $ref: "#/components/schemas/Error" }],
                  },
                },
              },
            },
            "429": tooMany,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "Authorization: Bearer tt_..." },
        basicToken: { type: "http", scheme: "basic", description: "Empty user name, the token as password." },
      },
      schemas: {
        ...groupRuleSchemas,
        Error: error,
        Role: roleRef,
        UserRoles: {
          type: "object",
          required: ["data"],
          properties: {
            data: {
              type: "array",
              items: {
                type: "object",
                required: ["user", "role", "isDefaultRole"],
                properties: {
                  user: {
                    type: "object",
                    required: ["id", "vstsId", "email", "uniqueName"],
                    properties: {
                      id: { type: "string", description: "Azure DevOps user id." },
                      vstsId: { type: "string", description: "Azure DevOps user id (same as id)." },
                      email: { type: "string" },
                      uniqueName: { type: "string" },
                      displayName: { type: "string", description: "With $expand=user.displayName." },
                    },
                  },
                  role: {
                    type: "object",
                    required: ["id", "name"],
                    properties: { id: { type: "integer" }, name: { type: "string" } },
                  },
                  isDefaultRole: { type: "boolean", description: "The user follows the organization's Default role." },
                },
              },
            },
          },
        },
        AssignRequest: {
          type: "object",
          required: ["users"],
          properties: {
            users: {
              type: "array",
              minItems: 1,
              maxItems: MAX_REST_ENTRIES,
              items: {
                type: "object",
                required: ["role"],
                description: "Name the user with one of email, id or vstsId.",
                properties: {
                  email: { type: "string" },
                  id: { type: "string" },
                  vstsId: { type: "string" },
                  role: { $ref: "#/components/schemas/Role" },
                },
              },
            },
          },
        },
        AssignResult: {
          type: "object",
          required: ["data"],
          properties: {
            data: {
              type: "object",
              required: ["succeeded", "failed", "failedEntries"],
              properties: {
                succeeded: { type: "integer" },
                failed: { type: "integer" },
                failedEntries: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["entity", "error"],
                    properties: {
                      entity: {},
                      error: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
