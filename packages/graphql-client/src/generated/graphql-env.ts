/* eslint-disable */
/* prettier-ignore */

/** An IntrospectionQuery representation of your schema.
 *
 * @remarks
 * This is an introspection of your schema saved as a file by GraphQLSP.
 * You may import it to create a `graphql()` tag function with `gql.tada`
 * by importing it and passing it to `initGraphQLTada<>()`.
 *
 * @example
 * ```
 * import { initGraphQLTada } from 'gql.tada';
 * import type { introspection } from './introspection';
 *
 * export const graphql = initGraphQLTada<{
 *   introspection: typeof introspection;
 *   scalars: {
 *     DateTime: string;
 *     Json: any;
 *   };
 * }>();
 * ```
 */
const introspection = {
  "__schema": {
    "queryType": {
      "name": "Query"
    },
    "mutationType": {
      "name": "Mutation"
    },
    "subscriptionType": null,
    "types": [
      {
        "kind": "OBJECT",
        "name": "Application",
        "fields": [
          {
            "name": "clientId",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "createdAt",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "DateTime"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "name",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "scopes",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "LIST",
                "ofType": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "ENUM",
                    "name": "ApplicationScope"
                  }
                }
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "updatedAt",
            "type": {
              "kind": "SCALAR",
              "name": "DateTime"
            },
            "args": [],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "ENUM",
        "name": "ApplicationScope",
        "enumValues": [
          {
            "name": "ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "BANK_APPLICATIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "BANKS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "BANKS_READ",
            "isDeprecated": false
          },
          {
            "name": "BANKS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_READ",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_WRITE",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_READ",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_ADDRESSES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_ADDRESSES_READ",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_BANK_ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_BANK_ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_WALLETS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_WALLETS_READ",
            "isDeprecated": false
          },
          {
            "name": "FILES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "FILES_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "FILES_READ",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_READ",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_READ",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_WRITE",
            "isDeprecated": false
          },
          {
            "name": "ORGANIZATION_APPLICATIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "ORGANIZATIONS_READ",
            "isDeprecated": false
          },
          {
            "name": "ORGANIZATIONS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "PERSONA_SESSIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "PRICES_READ",
            "isDeprecated": false
          },
          {
            "name": "QUOTES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "QUOTES_READ",
            "isDeprecated": false
          },
          {
            "name": "SUBSCRIPTION_EVENTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "SUBSCRIPTION_EVENTS_READ",
            "isDeprecated": false
          },
          {
            "name": "SUBSCRIPTIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "SUBSCRIPTIONS_READ",
            "isDeprecated": false
          },
          {
            "name": "SUBSCRIPTIONS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "TRADES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "TRADES_READ",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_READ",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "USERS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "USERS_READ",
            "isDeprecated": false
          },
          {
            "name": "WORKFLOWS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "WORKFLOWS_READ",
            "isDeprecated": false
          }
        ]
      },
      {
        "kind": "OBJECT",
        "name": "BankApplicationList",
        "fields": [
          {
            "name": "objects",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "LIST",
                "ofType": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "OBJECT",
                    "name": "Application"
                  }
                }
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "page",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "Int"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "perPage",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "Int"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "total",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "Int"
              }
            },
            "args": [],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "SCALAR",
        "name": "Boolean"
      },
      {
        "kind": "INPUT_OBJECT",
        "name": "CreateCustomerTokenInput",
        "inputFields": [
          {
            "name": "customerGuid",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            }
          },
          {
            "name": "scopes",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "LIST",
                "ofType": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "ENUM",
                    "name": "CustomerTokenScope"
                  }
                }
              }
            }
          },
          {
            "name": "inheritIpAllowlist",
            "type": {
              "kind": "SCALAR",
              "name": "Boolean"
            }
          },
          {
            "name": "ipAllowlist",
            "type": {
              "kind": "LIST",
              "ofType": {
                "kind": "NON_NULL",
                "ofType": {
                  "kind": "SCALAR",
                  "name": "String"
                }
              }
            }
          }
        ],
        "isOneOf": false
      },
      {
        "kind": "OBJECT",
        "name": "CustomerToken",
        "fields": [
          {
            "name": "accessToken",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "customerGuid",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "expiresAt",
            "type": {
              "kind": "SCALAR",
              "name": "DateTime"
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "grantedScopes",
            "type": {
              "kind": "LIST",
              "ofType": {
                "kind": "NON_NULL",
                "ofType": {
                  "kind": "ENUM",
                  "name": "CustomerTokenScope"
                }
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "reused",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "Boolean"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "scopes",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "LIST",
                "ofType": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "ENUM",
                    "name": "CustomerTokenScope"
                  }
                }
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "tokenType",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "ENUM",
        "name": "CustomerTokenScope",
        "enumValues": [
          {
            "name": "COUNTERPARTIES_READ",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_WRITE",
            "isDeprecated": false
          },
          {
            "name": "COUNTERPARTIES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_READ",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMERS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "ACCOUNTS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "PRICES_READ",
            "isDeprecated": false
          },
          {
            "name": "QUOTES_READ",
            "isDeprecated": false
          },
          {
            "name": "QUOTES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "TRADES_READ",
            "isDeprecated": false
          },
          {
            "name": "TRADES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "TRANSACTIONS_READ",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_READ",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "TRANSFERS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_BANK_ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_WALLETS_READ",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_WALLETS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "EXTERNAL_WALLETS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "WORKFLOWS_READ",
            "isDeprecated": false
          },
          {
            "name": "WORKFLOWS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_ADDRESSES_READ",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_ADDRESSES_WRITE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_ADDRESSES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_BANK_ACCOUNTS_READ",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_BANK_ACCOUNTS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "DEPOSIT_BANK_ACCOUNTS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_READ",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_WRITE",
            "isDeprecated": false
          },
          {
            "name": "INVOICES_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_READ",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_PII_READ",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_WRITE",
            "isDeprecated": false
          },
          {
            "name": "IDENTITY_VERIFICATIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "PERSONA_SESSIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "SARDINE_SESSIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "PLANS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "PLANS_READ",
            "isDeprecated": false
          },
          {
            "name": "EXECUTIONS_EXECUTE",
            "isDeprecated": false
          },
          {
            "name": "EXECUTIONS_READ",
            "isDeprecated": false
          }
        ]
      },
      {
        "kind": "OBJECT",
        "name": "CustomerTokenScopeInfo",
        "fields": [
          {
            "name": "access",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "resource",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "scope",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "ENUM",
                "name": "CustomerTokenScope"
              }
            },
            "args": [],
            "isDeprecated": false
          },
          {
            "name": "wireValue",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "SCALAR",
                "name": "String"
              }
            },
            "args": [],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "SCALAR",
        "name": "DateTime"
      },
      {
        "kind": "ENUM",
        "name": "GatewayErrorCode",
        "enumValues": [
          {
            "name": "BAD_REQUEST",
            "isDeprecated": false
          },
          {
            "name": "UNSUPPORTED_MEDIA_TYPE",
            "isDeprecated": false
          },
          {
            "name": "LENGTH_REQUIRED",
            "isDeprecated": false
          },
          {
            "name": "PAYLOAD_TOO_LARGE",
            "isDeprecated": false
          },
          {
            "name": "GRAPHQL_PARSE_FAILED",
            "isDeprecated": false
          },
          {
            "name": "GRAPHQL_VALIDATION_FAILED",
            "isDeprecated": false
          },
          {
            "name": "DOCUMENT_NOT_TRUSTED",
            "isDeprecated": false
          },
          {
            "name": "OPERATION_RESOLUTION_FAILURE",
            "isDeprecated": false
          },
          {
            "name": "BAD_USER_INPUT",
            "isDeprecated": false
          },
          {
            "name": "UNAUTHENTICATED",
            "isDeprecated": false
          },
          {
            "name": "FORBIDDEN",
            "isDeprecated": false
          },
          {
            "name": "AUTH_UNAVAILABLE",
            "isDeprecated": false
          },
          {
            "name": "RATE_LIMITED",
            "isDeprecated": false
          },
          {
            "name": "UPSTREAM_RATE_LIMITED",
            "isDeprecated": false
          },
          {
            "name": "CUSTOMER_NOT_FOUND",
            "isDeprecated": false
          },
          {
            "name": "NOT_FOUND",
            "isDeprecated": false
          },
          {
            "name": "UPSTREAM_TIMEOUT",
            "isDeprecated": false
          },
          {
            "name": "UPSTREAM_UNAVAILABLE",
            "isDeprecated": false
          },
          {
            "name": "UPSTREAM_BAD_RESPONSE",
            "isDeprecated": false
          },
          {
            "name": "SHUTTING_DOWN",
            "isDeprecated": false
          },
          {
            "name": "INTERNAL_SERVER_ERROR",
            "isDeprecated": false
          }
        ]
      },
      {
        "kind": "SCALAR",
        "name": "Int"
      },
      {
        "kind": "OBJECT",
        "name": "Mutation",
        "fields": [
          {
            "name": "createCustomerToken",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "OBJECT",
                "name": "CustomerToken"
              }
            },
            "args": [
              {
                "name": "input",
                "type": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "INPUT_OBJECT",
                    "name": "CreateCustomerTokenInput"
                  }
                }
              }
            ],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "OBJECT",
        "name": "Query",
        "fields": [
          {
            "name": "bankApplications",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "OBJECT",
                "name": "BankApplicationList"
              }
            },
            "args": [
              {
                "name": "bankGuid",
                "type": {
                  "kind": "SCALAR",
                  "name": "String"
                }
              },
              {
                "name": "page",
                "type": {
                  "kind": "SCALAR",
                  "name": "Int"
                }
              },
              {
                "name": "perPage",
                "type": {
                  "kind": "SCALAR",
                  "name": "Int"
                }
              }
            ],
            "isDeprecated": false
          },
          {
            "name": "customerTokenScopes",
            "type": {
              "kind": "NON_NULL",
              "ofType": {
                "kind": "LIST",
                "ofType": {
                  "kind": "NON_NULL",
                  "ofType": {
                    "kind": "OBJECT",
                    "name": "CustomerTokenScopeInfo"
                  }
                }
              }
            },
            "args": [],
            "isDeprecated": false
          }
        ],
        "interfaces": []
      },
      {
        "kind": "SCALAR",
        "name": "String"
      }
    ],
    "directives": []
  }
} as const;

export { introspection };