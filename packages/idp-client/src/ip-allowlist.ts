import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4, number];

/**
 * ipaddr.js keeps the RFC special-purpose IPv4 blocks (private, loopback,
 * link-local, reserved, …) on the prototype without typing them; reading them
 * keeps one maintained list instead of a copy here.
 */
const specialRanges = (
  ipaddr.IPv4.prototype as unknown as { SpecialRanges?: Record<string, Range[]> }
).SpecialRanges;
if (!specialRanges) throw new Error("ipaddr.js no longer exposes IPv4 SpecialRanges");

const RANGE_WORDS: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  reserved: "reserved",
};

/** The first special-purpose block a CIDR block overlaps, if any. */
function overlappedSpecialRange(network: ipaddr.IPv4, prefix: number): string | undefined {
  for (const [name, ranges] of Object.entries(specialRanges ?? {})) {
    for (const [rangeNetwork, rangePrefix] of ranges) {
      // Two aligned blocks overlap exactly when they agree on the shorter prefix.
      if (network.match(rangeNetwork, Math.min(prefix, rangePrefix)))
        return RANGE_WORDS[name] ?? name;
    }
  }
  return undefined;
}

/**
 * Why an `ip_allowlist` entry that already matches the spec's pattern (a
 * canonical dotted quad with an optional `/0`–`/32` prefix) is still not
 * allowed, or `undefined` when it is: the contract accepts only public
 * addresses, and a CIDR range must be written as its network address.
 */
export function ipAllowlistEntryProblem(entry: string): string | undefined {
  const [address = entry, prefixText] = entry.split("/");
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  const parsed = ipaddr.IPv4.parse(address);
  if (prefixText !== undefined) {
    const network = ipaddr.IPv4.networkAddressFromCIDR(entry).toString();
    if (network !== address) return `has host bits set; write the range as ${network}/${prefix}`;
  }
  const special = overlappedSpecialRange(parsed, prefix);
  if (special) {
    const what = prefixText === undefined ? "is a" : "overlaps a";
    return `${what} ${special} address range; only public addresses are allowed`;
  }
  return undefined;
}
