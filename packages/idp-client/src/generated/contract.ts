/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */

/** Every scope a customer token can carry, in spec order. */
export const CUSTOMER_TOKEN_SCOPES = [
  "counterparties:read",
  "counterparties:pii:read",
  "counterparties:write",
  "counterparties:execute",
  "customers:read",
  "customers:pii:read",
  "customers:write",
  "accounts:read",
  "accounts:write",
  "accounts:execute",
  "prices:read",
  "quotes:read",
  "quotes:execute",
  "trades:read",
  "trades:execute",
  "transactions:read",
  "transfers:read",
  "transfers:write",
  "transfers:execute",
  "external_bank_accounts:read",
  "external_bank_accounts:pii:read",
  "external_bank_accounts:write",
  "external_bank_accounts:execute",
  "external_wallets:read",
  "external_wallets:write",
  "external_wallets:execute",
  "workflows:read",
  "workflows:execute",
  "deposit_addresses:read",
  "deposit_addresses:write",
  "deposit_addresses:execute",
  "deposit_bank_accounts:read",
  "deposit_bank_accounts:write",
  "deposit_bank_accounts:execute",
  "invoices:read",
  "invoices:write",
  "invoices:execute",
  "identity_verifications:read",
  "identity_verifications:pii:read",
  "identity_verifications:write",
  "identity_verifications:execute",
  "persona_sessions:execute",
  "sardine_sessions:execute",
  "plans:execute",
  "plans:read",
  "executions:execute",
  "executions:read"
] as const;

/** The spec's servers, by their `x-tokengate-alias`. */
export const SERVER_URLS = {
  "sandbox": "https://id.sandbox.cybrid.app",
  "production": "https://id.production.cybrid.app"
} as const;

/** JSON schema of the request body (`PostCustomerToken`), `$ref`s inlined. */
export const POST_CUSTOMER_TOKEN_SCHEMA = {
  "type": "object",
  "description": "Request to mint a customer access token.",
  "required": [
    "customer_guid",
    "scopes"
  ],
  "properties": {
    "customer_guid": {
      "type": "string",
      "description": "Customer guid the access token is being generated for: 32 hexadecimal digits.",
      "minLength": 32,
      "maxLength": 32,
      "pattern": "^[0-9a-fA-F]{32}$"
    },
    "scopes": {
      "type": "array",
      "description": "List of the scopes requested for the access token.",
      "minItems": 1,
      "uniqueItems": true,
      "items": {
        "title": "CustomerTokenScope",
        "type": "string",
        "description": "A scope a customer token can carry.",
        "enum": [
          "counterparties:read",
          "counterparties:pii:read",
          "counterparties:write",
          "counterparties:execute",
          "customers:read",
          "customers:pii:read",
          "customers:write",
          "accounts:read",
          "accounts:write",
          "accounts:execute",
          "prices:read",
          "quotes:read",
          "quotes:execute",
          "trades:read",
          "trades:execute",
          "transactions:read",
          "transfers:read",
          "transfers:write",
          "transfers:execute",
          "external_bank_accounts:read",
          "external_bank_accounts:pii:read",
          "external_bank_accounts:write",
          "external_bank_accounts:execute",
          "external_wallets:read",
          "external_wallets:write",
          "external_wallets:execute",
          "workflows:read",
          "workflows:execute",
          "deposit_addresses:read",
          "deposit_addresses:write",
          "deposit_addresses:execute",
          "deposit_bank_accounts:read",
          "deposit_bank_accounts:write",
          "deposit_bank_accounts:execute",
          "invoices:read",
          "invoices:write",
          "invoices:execute",
          "identity_verifications:read",
          "identity_verifications:pii:read",
          "identity_verifications:write",
          "identity_verifications:execute",
          "persona_sessions:execute",
          "sardine_sessions:execute",
          "plans:execute",
          "plans:read",
          "executions:execute",
          "executions:read"
        ]
      }
    },
    "inherit_ip_allowlist": {
      "type": "boolean",
      "nullable": true,
      "default": true,
      "description": "When true the customer token inherits the IP allowlist of the bank\nAPI key that creates it.\n"
    },
    "ip_allowlist": {
      "type": "array",
      "nullable": true,
      "maxItems": 64,
      "description": "Public IPv4 addresses or CIDR ranges the token is restricted to;\ncombined with the inherited list when inherit_ip_allowlist is true.\nWritten in canonical form: dotted quads without leading zeros, an\noptional /prefix from 0 to 32.\n",
      "items": {
        "type": "string",
        "description": "An IPv4 address or CIDR range in canonical form (like 34.120.17.5 or 52.94.0.0/16).",
        "x-tokengate-check": "public-ipv4",
        "pattern": "^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:/(?:3[0-2]|[12]?[0-9]))?$"
      }
    }
  }
} as const;

/** The `x-tokengate-check` names the request schema uses; validate.ts implements each. */
export const REQUEST_CHECKS = [
  "public-ipv4"
] as const;

/** JSON schema of a 201 body (`CustomerToken`). */
export const CUSTOMER_TOKEN_SCHEMA = {
  "type": "object",
  "description": "A minted customer token.",
  "properties": {
    "access_token": {
      "type": "string",
      "description": "The JWT access token for the customer."
    }
  }
} as const;

/** Fields a success body must carry, non-empty, although the upstream marks them optional (`x-tokengate-required`). */
export const CUSTOMER_TOKEN_REQUIRED_FIELDS = [
  "access_token"
] as const;

/** JSON schema of an error body (`ErrorResponse`). */
export const ERROR_RESPONSE_SCHEMA = {
  "title": "ErrorResponse",
  "type": "object",
  "description": "The upstream's error body.",
  "required": [
    "status",
    "error_message",
    "message_code"
  ],
  "properties": {
    "status": {
      "type": "integer",
      "description": "Status code for Http Request"
    },
    "error_message": {
      "type": "string",
      "description": "Error message"
    },
    "message_code": {
      "type": "string",
      "description": "Message code for Error"
    }
  }
} as const;

/** The documented error statuses of `POST /api/customer_tokens`: the client's kind for each (`x-tokengate-error-kind`), whether it needs a well-formed body (`x-tokengate-body-required`), and its documented `message_code`s. */
export const CREATE_CUSTOMER_TOKEN_ERRORS = {
  "401": {
    "kind": "unauthorized",
    "bodyRequired": false,
    "messageCodes": [
      "invalid_subject",
      "authentication_failed",
      "unauthorized",
      "authentication_malformed"
    ]
  },
  "403": {
    "kind": "forbidden",
    "bodyRequired": false,
    "messageCodes": [
      "invalid_scopes",
      "forbidden"
    ]
  },
  "422": {
    "kind": "unprocessable",
    "bodyRequired": true,
    "messageCodes": [
      "no_customer"
    ]
  },
  "429": {
    "kind": "rate_limited",
    "bodyRequired": false,
    "messageCodes": [
      "rate_limited"
    ]
  }
} as const;

/** The upstream's published per-IP limits by operationId (`x-tokengate-rate-limit`): requests per window of seconds. */
export const PUBLISHED_RATE_LIMITS = {
  "createBankToken": {
    "requests": 20,
    "windowSeconds": 300
  },
  "createCustomerToken": {
    "requests": 200,
    "windowSeconds": 300
  }
} as const;

/** JSON schema of a token-endpoint answer. */
export const BANK_TOKEN_SCHEMA = {
  "title": "BankToken",
  "type": "object",
  "description": "An OAuth 2.0 token response.",
  "required": [
    "access_token",
    "token_type",
    "expires_in"
  ],
  "properties": {
    "access_token": {
      "type": "string",
      "description": "The bank's JWT access token."
    },
    "token_type": {
      "type": "string",
      "description": "Always `Bearer`."
    },
    "expires_in": {
      "type": "integer",
      "minimum": 0,
      "description": "Seconds until the token expires."
    },
    "scope": {
      "type": "string",
      "description": "Space-separated scopes granted."
    },
    "created_at": {
      "type": "integer",
      "description": "When the token was created, in seconds since the epoch."
    }
  }
} as const;

/** JSON schema of a token-endpoint error. */
export const OAUTH_ERROR_SCHEMA = {
  "title": "OAuthError",
  "type": "object",
  "description": "An OAuth 2.0 error response.",
  "required": [
    "error"
  ],
  "properties": {
    "error": {
      "type": "string",
      "description": "The OAuth 2.0 error code. tokengate's modelling: the upstream documents\nthis endpoint only by example, so the codes are the token endpoint's\nstandard ones (RFC 6749 section 5.2). Any other value is free text the\ngateway never logs or forwards (it may echo a credential).\n",
      "enum": [
        "invalid_request",
        "invalid_client",
        "invalid_grant",
        "unauthorized_client",
        "unsupported_grant_type",
        "invalid_scope"
      ]
    },
    "error_description": {
      "type": "string",
      "description": "A human-readable explanation."
    }
  }
} as const;
