import ipaddr from "ipaddr.js";
import { SPECIAL_PURPOSE_BLOCKS } from "./special-purpose-blocks.js";

const specialBlocks = SPECIAL_PURPOSE_BLOCKS.map((block) => ({
  ...block,
  address: ipaddr.IPv4.parse(block.network),
}));

const RANGE_WORDS: Record<string, string> = {
  unspecified: "unspecified",
  broadcast: "broadcast",
  multicast: "multicast",
  linkLocal: "link-local",
  loopback: "loopback",
  carrierGradeNat: "carrier-grade NAT",
  private: "private",
  reserved: "reserved",
  as112: "AS112",
  amt: "AMT relay",
};

/**
 * The first special-purpose block a CIDR block overlaps, if any: the block
 * starts inside one (ipaddr.js's own `range()`), or contains one's network.
 */
function overlappedSpecialRange(network: ipaddr.IPv4, prefix: number): string | undefined {
  const own = network.range();
  if (own !== "unicast") return RANGE_WORDS[own] ?? own;
  const inside = specialBlocks.find((block) => block.address.match(network, prefix));
  return inside && (RANGE_WORDS[inside.range] ?? inside.range);
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
