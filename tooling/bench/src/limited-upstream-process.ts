/**
 * The limited upstream stub in a process of its own, so that its clock reads
 * arrivals as they happen, not when a loaded load generator gets to them.
 * Options come as JSON in argv[2]; it prints `{"url":…}` once listening.
 */
import { startLimitedUpstream } from "@tokengate/testkit";

const upstream = await startLimitedUpstream(JSON.parse(process.argv[2] ?? "{}"));
console.log(JSON.stringify({ url: upstream.url }));
process.on("SIGTERM", () => void upstream.close().then(() => process.exit(0)));
