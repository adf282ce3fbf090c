/**
 * This file was auto-generated from spec/openapi.yaml by
 * packages/idp-client/scripts/generate.ts. Do not edit it by hand:
 * change the spec and run `pnpm generate`.
 */
export interface paths {
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create bank access token
         * @description OAuth 2.0 client-credentials grant: exchanges the bank's client id and
         *     secret for a bank access token (a JWT) carrying the requested scopes.
         *     The client secret must never leave the server.
         */
        post: operations["createBankToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customer_tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create customer access token
         * @description Creates a customer JWT access token.
         *
         *     Required scopes: **customers:write** and **customers:read**.
         */
        post: operations["createCustomerToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bank_applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List bank applications
         * @description Retrieve a list of bank OAuth2 applications.
         *
         *     Required scope: **banks:read**
         */
        get: operations["listBankApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The page index to retrieve. */
        ListRequestPage: number;
        /** @description The number of entities per page to return. */
        ListRequestPerPage: number;
        /**
         * @description A scope a bank OAuth2 application can carry (a different list from a customer token's).
         * @enum {string}
         */
        ApplicationScope: "accounts:execute" | "accounts:read" | "bank_applications:execute" | "banks:execute" | "banks:read" | "banks:write" | "counterparties:execute" | "counterparties:pii:read" | "counterparties:read" | "counterparties:write" | "customers:execute" | "customers:pii:read" | "customers:read" | "customers:write" | "deposit_addresses:execute" | "deposit_addresses:read" | "deposit_bank_accounts:execute" | "deposit_bank_accounts:read" | "external_bank_accounts:execute" | "external_bank_accounts:pii:read" | "external_bank_accounts:read" | "external_bank_accounts:write" | "external_wallets:execute" | "external_wallets:read" | "files:execute" | "files:pii:read" | "files:read" | "identity_verifications:execute" | "identity_verifications:pii:read" | "identity_verifications:read" | "identity_verifications:write" | "invoices:execute" | "invoices:read" | "invoices:write" | "organization_applications:execute" | "organizations:read" | "organizations:write" | "persona_sessions:execute" | "prices:read" | "quotes:execute" | "quotes:read" | "subscription_events:execute" | "subscription_events:read" | "subscriptions:execute" | "subscriptions:read" | "subscriptions:write" | "trades:execute" | "trades:read" | "transfers:execute" | "transfers:read" | "transfers:write" | "users:execute" | "users:read" | "workflows:execute" | "workflows:read";
        /** @description A bank OAuth2 application (an API key), without its secret. */
        Application: {
            /** @description Name provided for the OAuth2 application. */
            name: string;
            /** @description The OAuth2 application's client ID. */
            client_id: string;
            /** @description List of the scopes granted to the OAuth2 application. */
            scopes: components["schemas"]["ApplicationScope"][];
            /**
             * Format: date-time
             * @description ISO8601 datetime the record was created at.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description ISO8601 datetime the record was last updated at.
             */
            updated_at?: string;
        };
        /** @description One page of the bank's OAuth2 applications. */
        ApplicationList: {
            /** @description The total number of records available. */
            total: number;
            /** @description The page index. */
            page: number;
            /** @description The number of records per page returned. */
            per_page: number;
            /** @description Array of applications */
            objects: components["schemas"]["Application"][];
        };
        /**
         * @description A scope a customer token can carry.
         * @enum {string}
         */
        CustomerTokenScope: "counterparties:read" | "counterparties:pii:read" | "counterparties:write" | "counterparties:execute" | "customers:read" | "customers:pii:read" | "customers:write" | "accounts:read" | "accounts:write" | "accounts:execute" | "prices:read" | "quotes:read" | "quotes:execute" | "trades:read" | "trades:execute" | "transactions:read" | "transfers:read" | "transfers:write" | "transfers:execute" | "external_bank_accounts:read" | "external_bank_accounts:pii:read" | "external_bank_accounts:write" | "external_bank_accounts:execute" | "external_wallets:read" | "external_wallets:write" | "external_wallets:execute" | "workflows:read" | "workflows:execute" | "deposit_addresses:read" | "deposit_addresses:write" | "deposit_addresses:execute" | "deposit_bank_accounts:read" | "deposit_bank_accounts:write" | "deposit_bank_accounts:execute" | "invoices:read" | "invoices:write" | "invoices:execute" | "identity_verifications:read" | "identity_verifications:pii:read" | "identity_verifications:write" | "identity_verifications:execute" | "persona_sessions:execute" | "sardine_sessions:execute" | "plans:execute" | "plans:read" | "executions:execute" | "executions:read";
        /** @description Request to mint a customer access token. */
        PostCustomerToken: {
            /**
             * @description Customer guid the access token is being generated for: 32 hexadecimal digits.
             * @example 7f3a1c9e2b4d4e8fa6c0d5b1e9f2a3c4
             */
            customer_guid: string;
            /** @description List of the scopes requested for the access token. */
            scopes: components["schemas"]["CustomerTokenScope"][];
            /**
             * @description When true the customer token inherits the IP allowlist of the bank
             *     API key that creates it.
             * @default true
             */
            inherit_ip_allowlist?: boolean | null;
            /**
             * @description Public IPv4 addresses or CIDR ranges the token is restricted to;
             *     combined with the inherited list when inherit_ip_allowlist is true.
             *     Written in canonical form: dotted quads without leading zeros, an
             *     optional /prefix from 0 to 32.
             */
            ip_allowlist?: string[] | null;
        };
        /** @description Client-credentials grant request. */
        PostBankToken: {
            /** @enum {string} */
            grant_type: "client_credentials";
            /** @description The bank's OAuth2 client id. */
            client_id: string;
            /** @description The bank's OAuth2 client secret. */
            client_secret: string;
            /**
             * @description Space-separated scopes requested for the bank token.
             * @example customers:read customers:write
             */
            scope?: string;
        };
        /** @description An OAuth 2.0 token response. */
        BankToken: {
            /** @description The bank's JWT access token. */
            access_token: string;
            /**
             * @description Always `Bearer`.
             * @example Bearer
             */
            token_type: string;
            /** @description Seconds until the token expires. */
            expires_in: number;
            /** @description Space-separated scopes granted. */
            scope?: string;
            /** @description When the token was created, in seconds since the epoch. */
            created_at?: number;
        };
        /** @description An OAuth 2.0 error response. */
        OAuthError: {
            /**
             * @description The OAuth 2.0 error code. tokengate's modelling: the upstream documents
             *     this endpoint only by example, so the codes are the token endpoint's
             *     standard ones (RFC 6749 section 5.2). Any other value is free text the
             *     gateway never logs or forwards (it may echo a credential).
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
            /** @description A human-readable explanation. */
            error_description?: string;
        };
        /** @description A minted customer token. */
        CustomerToken: {
            /** @description The JWT access token for the customer. */
            access_token?: string;
        };
        /** @description The upstream's error body. */
        ErrorResponse: {
            /** @description Status code for Http Request */
            status: number;
            /** @description Error message */
            error_message: string;
            /** @description Message code for Error */
            message_code: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createBankToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostBankToken"];
            };
        };
        responses: {
            /** @description Bank token created. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankToken"];
                };
            };
            /** @description Unauthorized. The client id or secret is wrong. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Too many requests. The client IP has had its token requests for this window (the published limit; modelled by tokengate). */
            429: {
                headers: {
                    /** @description Seconds until the limit's window frees a request (delta-seconds, or an HTTP date). */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    createCustomerToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostCustomerToken"];
            };
        };
        responses: {
            /** @description Customer token created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerToken"];
                };
            };
            /** @description Unauthorized. The bearer token is missing, malformed, expired or not a bank token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden. The bank token lacks the required scopes. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unprocessable Content. The customer is unknown to the bank. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests. The client IP has had its customer-token requests for this window (the published limit; modelled by tokengate). Never retried by the client. */
            429: {
                headers: {
                    /** @description Seconds until the limit's window frees a request (delta-seconds, or an HTTP date). */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listBankApplications: {
        parameters: {
            query?: {
                /** @description The page index to retrieve. */
                page?: components["schemas"]["ListRequestPage"];
                /** @description The number of entities per page to return. */
                per_page?: components["schemas"]["ListRequestPerPage"];
                /** @description Bank guid to list applications for. */
                bank_guid?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description list bank applications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            /** @description Unauthorized. The bearer token is missing, malformed, expired or not a bank token (modelled by tokengate). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Forbidden. The bank token lacks banks:read (modelled by tokengate). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests. The upstream publishes no limit for this operation; it answers 429 at its infrastructure like any other (modelled by tokengate). Never retried by the client. */
            429: {
                headers: {
                    /** @description Seconds until the limit's window frees a request (delta-seconds, or an HTTP date). */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
