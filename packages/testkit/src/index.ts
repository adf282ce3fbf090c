export { type FaultHandler, type FaultServer, startFaultServer } from "./fault-server.js";
export {
  forwardTo,
  inTurn,
  largeBody,
  notHttp,
  redirect,
  reply,
  resetBeforeAnswer,
  resetMidBody,
  sendJson,
  silence,
} from "./faults.js";
export { freePort } from "./free-port.js";
export {
  type LimitedUpstream,
  type LimitedUpstreamOptions,
  type Received,
  startLimitedUpstream,
} from "./limited-upstream.js";
export { type PrismMock, type PrismOptions, SPEC_PATH, startPrism } from "./prism.js";
export { type RedisOptions, type RedisServer, startRedis } from "./redis.js";
