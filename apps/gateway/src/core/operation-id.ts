import type { OPERATIONS } from "@tokengate/idp-client";

/** An upstream operation the gateway exposes, by the spec's operationId. */
export type OperationId = keyof typeof OPERATIONS;
