import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { SPECIAL_PURPOSE_BLOCKS } from "../../src/special-purpose-blocks.js";

/** The last address of a block. */
function lastOf(network: string, prefix: number): ipaddr.IPv4 {
  return ipaddr.IPv4.broadcastAddressFromCIDR(`${network}/${prefix}`);
}

describe("the special-purpose blocks", () => {
  it.each(SPECIAL_PURPOSE_BLOCKS.map((block) => [`${block.network}/${block.prefix}`, block]))(
    "%s is what ipaddr.js's range() calls it, first address to last",
    (_name, { network, prefix, range }) => {
      expect(ipaddr.IPv4.parse(network).range()).toBe(range);
      // The last address belongs to the most specific listed block holding it (255.255.255.255 is broadcast, not reserved).
      const last = lastOf(network, prefix);
      const [owner] = SPECIAL_PURPOSE_BLOCKS.filter((block) =>
        last.match(ipaddr.IPv4.parse(block.network), block.prefix),
      ).sort((a, b) => b.prefix - a.prefix);
      expect(last.range()).toBe(owner?.range);
    },
  );
});
