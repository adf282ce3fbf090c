/** How a change affects the users of the client package or of the GraphQL API. */
export type Severity = "breaking" | "dangerous" | "safe";

/** One difference between the contract at a base ref and now. */
export interface Change {
  severity: Severity;
  /** The file it was found in: `spec/openapi.yaml` or `apps/gateway/schema.graphql`. */
  file: string;
  /** What changed, in words. */
  message: string;
  /**
   * The name a CHANGELOG entry records the change by: a removed enum value's
   * wire value, a GraphQL schema coordinate (`CustomerTokenScope.SARDINE_SESSIONS_EXECUTE`),
   * else the changed location.
   */
  key: string;
}
