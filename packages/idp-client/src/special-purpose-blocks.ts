/**
 * The IANA IPv4 special-purpose blocks (RFC 6890 and its successors), named
 * as ipaddr.js's documented `range()` names them. ipaddr.js classifies a
 * single address by its public API only; to tell whether a whole CIDR range
 * *contains* one of these blocks, their networks are needed, and ipaddr.js
 * does not publish its list. A test holds every row to `range()`, so this
 * copy cannot drift from the maintained one unnoticed.
 */
export const SPECIAL_PURPOSE_BLOCKS: readonly { network: string; prefix: number; range: string }[] =
  [
    { network: "0.0.0.0", prefix: 8, range: "unspecified" },
    { network: "255.255.255.255", prefix: 32, range: "broadcast" },
    { network: "224.0.0.0", prefix: 4, range: "multicast" },
    { network: "169.254.0.0", prefix: 16, range: "linkLocal" },
    { network: "127.0.0.0", prefix: 8, range: "loopback" },
    { network: "100.64.0.0", prefix: 10, range: "carrierGradeNat" },
    { network: "10.0.0.0", prefix: 8, range: "private" },
    { network: "172.16.0.0", prefix: 12, range: "private" },
    { network: "192.168.0.0", prefix: 16, range: "private" },
    { network: "192.0.0.0", prefix: 24, range: "reserved" },
    { network: "192.0.2.0", prefix: 24, range: "reserved" },
    { network: "192.88.99.0", prefix: 24, range: "reserved" },
    { network: "198.18.0.0", prefix: 15, range: "reserved" },
    { network: "198.51.100.0", prefix: 24, range: "reserved" },
    { network: "203.0.113.0", prefix: 24, range: "reserved" },
    { network: "240.0.0.0", prefix: 4, range: "reserved" },
    { network: "192.175.48.0", prefix: 24, range: "as112" },
    { network: "192.31.196.0", prefix: 24, range: "as112" },
    { network: "192.52.193.0", prefix: 24, range: "amt" },
  ];
