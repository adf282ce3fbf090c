export type { ListBankApplicationsResult, MintResult, Result } from "./answer.js";
export {
  type BankApplicationList,
  ListBankApplications,
  type ListBankApplicationsVariables,
} from "./bank-applications.js";
export {
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
  type MintOptions,
  type TokenProvider,
} from "./client.js";
export {
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  GATEWAY_ERROR_CODES,
  type GatewayClientError,
  type GatewayErrorCode,
  isGatewayErrorCode,
  type UpstreamAnswer,
} from "./errors.js";
export type { CustomerTokenScope, GatewayGraphQL, GatewayGraphQLSetup } from "./graphql.js";
export {
  type CustomerToken,
  MintCustomerToken,
  type MintCustomerTokenInput,
} from "./mint.js";
